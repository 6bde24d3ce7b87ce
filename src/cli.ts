import path from "node:path";
import { parseArgs } from "node:util";
import { check } from "./check.ts";
import { URL_VARIABLE } from "./config/config.ts";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { formatDiagnostics, summarizeDiagnostics, type DiagnosticFormat } from "./diagnostics/format-diagnostics.ts";
import { IMAGE_KEY_VARIABLE } from "./media/image-providers.ts";
import { createArticle } from "./new-article.ts";
import { gitUserName } from "./new-byline.ts";
import { BYLINE_PLACEHOLDER } from "./checks/check-bylines.ts";
import { progressLine } from "./progress-line.ts";
import { UserError } from "./user-error.ts";

const USAGE = `Usage: tidings <command> [options]

Commands:
  build                 Build the site into _site/ (drafts and scheduled articles left out)
    --preview           include drafts and scheduled articles, marked as such
    --out <dir>         output folder (default _site)
    --json              print what the build did as JSON (pages, rendered, timings) instead of a summary
    --format <f>        text (default) or github (problems as annotations, on stdout)
    --deploy            a build to publish: refused while the site is still the sample newsroom
                        or a published page has setup's placeholder text (the deploy workflow's)
  check                 Check the config and all content as build does, without writing anything
    --format <f>        text (default) or github (annotations on the lines of a pull request)
    --preview           check as the preview shows the site (drafts and scheduled articles published)
    --deploy            check as the deploy build does (the sample and placeholder text refused)
  new "<headline>"      Start an article in content/articles/<year>/ (a draft, dated now)
    --byline <name>     who wrote it (repeat, or separate names with commas)
    --tags <tags>       topics, separated by commas
    --type <type>       the article type, e.g. analysis
  serve                 Start the preview server with live reload (drafts shown), and the web
                        editor at /admin/ against the working copy (decap-server on port 8081)
    --port <n>          port (default 8080)
    --host <address>    address to listen on (default 127.0.0.1: this computer only, as the
                        preview shows drafts and the editor; 0.0.0.0 opens it to the network)
    --editor-port <n>   decap-server's port (default 8081; 0: no editor backend)

The environment variable ${URL_VARIABLE}, when set, replaces \`url\` in tidings.config.yml.
${IMAGE_KEY_VARIABLE} holds the key for signed image CDN URLs (\`images.signed: true\`).
`;

/** Run the command line; the only place that prints and sets the exit code. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const root = process.cwd();
  switch (command) {
    case "build":
      return runBuild(root, rest);
    case "check":
      return runCheck(root, rest);
    case "new":
      return runNew(root, rest);
    case "serve":
      return runServe(root, rest);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      throw new UserError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

async function runBuild(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      preview: { type: "boolean" },
      out: { type: "string" },
      json: { type: "boolean" },
      format: { type: "string", default: "text" },
      deploy: { type: "boolean" },
    },
  });
  const format = diagnosticFormat(values.format);
  // Building and serving load their modules (Eleventy among them) only when run, so other commands start quickly.
  const { build } = await import("./build.ts");
  // On stderr: stdout holds the summary, and a terminal's line is cleared before it.
  const progress = progressLine(values.json ? { write: () => true } : process.stderr);
  const result = await build({
    root,
    mode: values.preview ? "preview" : "production",
    siteUrl: siteUrlFromEnvironment(),
    deploy: values.deploy,
    imageKey: process.env[IMAGE_KEY_VARIABLE],
    onProgress: progress.onProgress,
    onWait: (holder) => {
      const since = new Date(holder.since).toTimeString().slice(0, 8);
      process.stderr.write(`Waiting for another build in this folder to finish (process ${holder.pid}, started at ${since})…\n`);
    },
    ...(values.out ? { outputDir: values.out } : {}),
  });
  progress.finish();
  // GitHub reads annotations from the standard output; an editor reads problems on stderr, beside the progress line.
  if (result.diagnostics.length > 0) (format === "github" ? process.stdout : process.stderr).write(`${formatDiagnostics(result.diagnostics, format)}\n`);
  const where = path.relative(root, result.outputDir) || ".";
  if (!result.ok) {
    const summary = result.diagnostics.length > 0 ? summarizeDiagnostics(result.diagnostics) : "✖ the build failed";
    process.stderr.write(`${summary} — nothing was written; ${where}/ is unchanged\n`);
    if (process.env["TIDINGS_DEBUG"] && result.cause) console.error(result.cause);
    return 1;
  }
  if (values.json) {
    // This process's own peak memory (worker threads included), not the search indexer's.
    const ownPeakRssMb = process.resourceUsage().maxRSS / 1024;
    const { pages, articles, rendered = 0, unchanged = false, timings } = result;
    process.stdout.write(`${JSON.stringify({ pages, articles, rendered, unchanged, timings, ownPeakRssMb })}\n`);
    return hasErrors(result.diagnostics) ? 1 : 0;
  }
  const { load, media, write, search } = result.timings;
  const seconds = ((load + media + write + search) / 1000).toFixed(2);
  if (result.unchanged) process.stdout.write(`✔ Nothing changed: the ${result.pages} pages (${result.articles} articles) in ${where}/ are current (checked in ${seconds} s)\n`);
  else process.stdout.write(`✔ Built ${result.pages} pages (${result.articles} articles) into ${where}/ in ${seconds} s\n`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

// The --format of build and check.
function diagnosticFormat(value: string | undefined): DiagnosticFormat {
  if (value !== "text" && value !== "github") throw new UserError(`--format must be text or github, got "${value}".`);
  return value;
}

async function runCheck(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: "string", default: "text" }, preview: { type: "boolean" }, deploy: { type: "boolean" } } });
  const format = diagnosticFormat(values.format);
  const result = check({ root, mode: values.preview ? "preview" : "production", siteUrl: siteUrlFromEnvironment(), deploy: values.deploy });
  // The report is this command's output, so it goes to stdout; GitHub reads annotations from there too.
  if (result.diagnostics.length > 0) process.stdout.write(`${formatDiagnostics(result.diagnostics, format)}\n`);
  const seconds = (result.duration / 1000).toFixed(2);
  const checked = `${result.files > 0 ? `${result.files} files` : "the config"} checked in ${seconds} s`;
  process.stdout.write(
    result.diagnostics.length === 0 ? `✔ No problems: ${checked}\n` : `${summarizeDiagnostics(result.diagnostics)} — ${checked}\n`,
  );
  return result.ok ? 0 : 1;
}

async function runNew(root: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { byline: { type: "string", multiple: true }, tags: { type: "string", multiple: true }, type: { type: "string" } },
  });
  const result = createArticle({
    root,
    headline: positionals.join(" "),
    bylines: values.byline ?? [],
    gitName: values.byline ? undefined : gitUserName(root),
    tags: values.tags ?? [],
    type: values.type,
  });
  if (!result.ok) return printConfigProblems(result.diagnostics);
  const { article } = result;
  const lines = [
    `✔ Created ${article.file}, dated ${article.date}.`,
    "  It is a draft: write the story, then delete the line `draft: true` to publish it.",
    ...(article.bylineSource === "git" ? [`  The byline is your git name, which matches an author file: ${article.bylines.join(", ")}.`] : []),
    ...article.toFill.map((field) =>
      field === "byline"
        ? `  Replace \`byline: ${BYLINE_PLACEHOLDER}\` with the writer's name before publishing (or start with --byline "Name").`
        : `  Fill in \`${field}\` before publishing: it is required.`,
    ),
    `  Preview it with npm start at http://localhost:8080${article.url}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

async function runServe(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: "string" }, host: { type: "string" }, "editor-port": { type: "string" } } });
  const port = values.port ? Number(values.port) : 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`--port must be a port number, got "${values.port}".`);
  if (values.host !== undefined && values.host.trim() === "") throw new UserError("--host must be an address such as 127.0.0.1 or 0.0.0.0, got nothing.");
  const editorPort = values["editor-port"] === undefined ? undefined : Number(values["editor-port"]);
  if (editorPort !== undefined && (!Number.isInteger(editorPort) || editorPort < 0 || editorPort > 65535)) {
    throw new UserError(`--editor-port must be a port number (0 for none), got "${values["editor-port"]}".`);
  }
  const { serve } = await import("./serve.ts");
  await serve({
    root,
    port,
    host: values.host,
    siteUrl: siteUrlFromEnvironment(),
    ...(editorPort === undefined ? {} : { editorPort }),
    onEditor: (started) =>
      process.stderr.write(
        started.ok
          ? `✔ Web editor: http://localhost:${port}/admin/ (saves go straight into content/ through decap-server at ${started.url})\n`
          : `⚠ The web editor at /admin/ cannot save: ${started.problem}\n`,
      ),
    onLoad: (diagnostics, shown) => {
      if (diagnostics.length === 0) return;
      const note =
        shown === "last-good"
          ? " — showing the last version without errors; the problems are listed on every page"
          : shown === "empty"
            ? " — nothing to show yet; the problems are listed on every page"
            : "";
      process.stderr.write(`${formatDiagnostics(diagnostics)}\n${summarizeDiagnostics(diagnostics)}${note}\n`);
    },
  });
  return 0;
}

/**
 * Print long steps' progress to `stream`: one line rewritten in place on a terminal; on a log
 * (CI), a line at the start, the end, and every ten seconds between.
 */
function printConfigProblems(diagnostics: readonly Diagnostic[]): number {
  process.stderr.write(`${formatDiagnostics(diagnostics)}\n${summarizeDiagnostics(diagnostics)}\n`);
  return 1;
}

function siteUrlFromEnvironment(): string | undefined {
  return process.env[URL_VARIABLE];
}

/** True for mistakes in how the command was called, whose message is all the editor needs. */
function isUsageError(cause: unknown): cause is Error {
  return (
    cause instanceof UserError || (cause instanceof Error && String((cause as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS"))
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    if (isUsageError(cause)) {
      process.stderr.write(`${cause.message}\n`);
      process.exitCode = 1;
      return;
    }
    // Only real bugs reach this point; content mistakes come back as diagnostics.
    console.error(cause);
    process.exitCode = 2;
  },
);
