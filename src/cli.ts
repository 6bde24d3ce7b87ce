import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "./build.ts";
import { hasErrors } from "./diagnostics/diagnostic.ts";
import { formatDiagnostics, summarizeDiagnostics } from "./diagnostics/format-diagnostics.ts";
import { serve } from "./serve.ts";

const USAGE = `Usage: tidings <command> [options]

Commands:
  build            Build the site into _site/ (drafts and scheduled articles left out)
    --preview      include drafts and scheduled articles, marked as such
    --out <dir>    output folder (default _site)
  serve            Start the preview server with live reload (drafts shown)
    --port <n>     port (default 8080)
`;

/** Run the command line; the only place that prints and sets the exit code. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const root = process.cwd();
  switch (command) {
    case "build":
      return runBuild(root, rest);
    case "serve":
      return runServe(root, rest);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

async function runBuild(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { preview: { type: "boolean" }, out: { type: "string" } } });
  const result = await build({ root, mode: values.preview ? "preview" : "production", ...(values.out ? { outputDir: values.out } : {}) });
  if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
  const where = path.relative(root, result.outputDir) || ".";
  if (!result.ok) {
    const summary = result.diagnostics.length > 0 ? summarizeDiagnostics(result.diagnostics) : "✖ the build failed";
    process.stderr.write(`${summary} — nothing was written; ${where}/ is unchanged\n`);
    if (process.env["TIDINGS_DEBUG"] && result.cause) console.error(result.cause);
    return 1;
  }
  const seconds = ((result.timings.load + result.timings.write) / 1000).toFixed(2);
  process.stdout.write(`✔ Built ${result.pages} pages (${result.articles} articles) into ${where}/ in ${seconds} s\n`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

async function runServe(root: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: "string" } } });
  await serve({ root, port: values.port ? Number(values.port) : 8080 });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    // Only real bugs reach this point; content mistakes come back as diagnostics.
    console.error(cause);
    process.exitCode = 2;
  },
);
