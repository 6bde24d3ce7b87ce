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
import {
  ANSWER_FIELDS,
  defaultAnswers,
  DONATION_PROVIDERS,
  NEWSLETTER_PROVIDERS,
  parseSections,
  type AnswerField,
  type DonationProvider,
  type NewsletterProvider,
  type SetupAnswers,
} from "./setup/answers.ts";
import { answerProblem } from "./setup/check-answer.ts";
import { starterWords } from "./setup/starter-words.ts";
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
  setup                 Turn the sample newsroom into yours: asks for its name, address, language,
                        time zone, currency, donations, newsletter, sections and first author,
                        then writes tidings.config.yml and starter pages (refused once the
                        content is no longer the sample's)
    --name <name>  --url <address>  --language <tag>  --time-zone <zone>  --currency <code>
    --donation <provider>        none, paypal, liberapay, opencollective, givebutter or custom
    --donation-account <value>   its account, or its link (custom: with {amount})
    --newsletter <provider>      none, buttondown, mailchimp or custom
    --newsletter-account <value> the Buttondown username, or the address the form posts to
    --sections "<A, B>"  --author "<name>"
    --yes               ask nothing: defaults for every answer not given (--name and --url needed)
    --force             replace the content even when it is no longer the sample's
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
    case "setup":
      return runSetup(root, rest);
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
  // The build's wall time, from its start to its output in place: the phases overlap (the search
  // index is written while Eleventy renders), so their sum would overstate it.
  const startedAt = performance.now();
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
    const wallMs = performance.now() - startedAt;
    // Each phase's own time; `overlapping` names the phases that run beside another (the search index beside the writing).
    process.stdout.write(`${JSON.stringify({ pages, articles, rendered, unchanged, wallMs, timings, overlapping: { search: "write" }, ownPeakRssMb })}\n`);
    return hasErrors(result.diagnostics) ? 1 : 0;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
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

async function runSetup(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      url: { type: "string" },
      language: { type: "string" },
      "time-zone": { type: "string" },
      currency: { type: "string" },
      donation: { type: "string" },
      "donation-account": { type: "string" },
      newsletter: { type: "string" },
      "newsletter-account": { type: "string" },
      sections: { type: "string" },
      author: { type: "string" },
      yes: { type: "boolean" },
      force: { type: "boolean" },
    },
  });
  const { sampleDifferences, setUpNewsroom } = await import("./setup.ts");
  // Refused before a single question: nobody answers ten questions to be told no.
  if (!values.force) {
    const differences = sampleDifferences(root);
    if (differences.length > 0) {
      const how = { added: "not one of the sample's files", changed: "changed since the sample", removed: "one of the sample's, deleted" } as const;
      const listed = differences.slice(0, 10).map((difference) => `  ${difference.file} (${how[difference.how]})`);
      if (differences.length > 10) listed.push(`  … and ${differences.length - 10} more`);
      process.stderr.write(
        [
          "✖ Setup replaces the sample newsroom, and this content is no longer the sample's:",
          ...listed,
          "  Nothing was changed: setup never overwrites a newsroom's own work.",
          "  To replace it all the same, run setup with --force (files that are not the sample's are kept; the sample's, changed or not, are replaced).",
          "",
        ].join("\n"),
      );
      return 1;
    }
  }
  const given = setupFlags(values);
  const locale = Intl.DateTimeFormat().resolvedOptions();
  const words = starterWords(given.language ?? locale.locale);
  const defaults = defaultAnswers({ locale: given.language ?? locale.locale, timeZone: locale.timeZone, gitName: gitUserName(root) }, words.section, words.author);
  const problems = ANSWER_FIELDS.flatMap((field) => {
    if (given[field] === undefined) return [];
    const problem = answerProblem({ name: "Newsroom", url: "https://newsroom.invalid", ...defaults, ...given }, field);
    return problem === undefined ? [] : [`  --${SETUP_FLAGS[field]}: ${problem}`];
  });
  if (problems.length > 0) {
    process.stderr.write(`✖ ${problems.length === 1 ? "An answer" : "Answers"} given as flags would not pass the check:\n${problems.join("\n")}\n`);
    return 1;
  }
  let answers: SetupAnswers | undefined;
  if (values.yes) {
    if (given.name === undefined || given.url === undefined) throw new UserError("With --yes, give at least --name and --url: a newsroom's name and address have no default.");
    answers = { name: given.name, url: given.url, ...defaults, ...given };
  } else if (!process.stdin.isTTY) {
    throw new UserError("Setup asks its questions in a terminal. Run it in one, or give the answers as flags with --yes (at least --name and --url; `tidings help` lists them).");
  } else {
    const { askAnswers } = await import("./setup-prompts.ts");
    answers = await askAnswers({ given, defaults });
    if (answers === undefined) return 1;
  }
  const result = setUpNewsroom({ root, answers, force: values.force === true });
  if (!result.ok) {
    if (result.reason === "config") return printConfigProblems(result.diagnostics);
    throw new UserError("The content changed while setup was asking its questions: run setup again.");
  }
  const base = (answers.language.split("-")[0] ?? "").toLowerCase();
  const lines = [
    `✔ ${answers.name} is set up: ${result.written.length} files written (${result.written.join(", ")}), ${result.removed.length} of the sample's files removed.`,
    ...(result.kept.length > 0 ? [`  Kept as they were (not the sample's): ${result.kept.join(", ")}`] : []),
    ...(result.startersLanguage !== base ? [`  The starter pages are in English: Tidings has none in ${answers.language} yet, so translate them as you write them.`] : []),
    "  Write these before you publish: the deploy refuses them while the text between ⟦ and ⟧ is there.",
    ...result.toWrite.map((file) => `    ${file.file} (${file.placeholders} to replace)`),
    "  Next: npm start to see it at http://localhost:8080, then put it online: docs/getting-started.md.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

// The flag of each answer, for messages.
const SETUP_FLAGS: Readonly<Record<AnswerField, string>> = {
  name: "name",
  url: "url",
  language: "language",
  timeZone: "time-zone",
  currency: "currency",
  donation: "donation-account",
  newsletter: "newsletter-account",
  sections: "sections",
  author: "author",
};

/** The answers given as flags; a provider that is not one setup knows is a usage error. */
function setupFlags(values: Record<string, string | boolean | undefined>): Partial<SetupAnswers> {
  const flag = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value.trim() : undefined;
  };
  const given: Partial<SetupAnswers> = {};
  for (const field of ["name", "url", "language", "currency", "author"] as const) {
    const value = flag(field);
    if (value !== undefined) given[field] = field === "currency" ? value.toUpperCase() : value;
  }
  const timeZone = flag("time-zone");
  if (timeZone !== undefined) given.timeZone = timeZone;
  const sections = flag("sections");
  if (sections !== undefined) given.sections = parseSections(sections);
  const donation = flag("donation");
  if (donation !== undefined) {
    if (!(DONATION_PROVIDERS as readonly string[]).includes(donation)) throw new UserError(`--donation must be one of ${DONATION_PROVIDERS.join(", ")}, got "${donation}".`);
    given.donation = { provider: donation as DonationProvider, account: flag("donation-account") ?? "" };
  }
  const newsletter = flag("newsletter");
  if (newsletter !== undefined) {
    if (!(NEWSLETTER_PROVIDERS as readonly string[]).includes(newsletter)) throw new UserError(`--newsletter must be one of ${NEWSLETTER_PROVIDERS.join(", ")}, got "${newsletter}".`);
    given.newsletter = { provider: newsletter as NewsletterProvider, account: flag("newsletter-account") ?? "" };
  }
  return given;
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
