import { sortDiagnostics, type Diagnostic } from "./diagnostic.ts";

/** How diagnostics are printed: for people in a terminal, or as GitHub Actions annotations. */
export type DiagnosticFormat = "text" | "github";

/** Format diagnostics one per line, in a stable order, for an editor reading a terminal or CI log. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat = "text"): string {
  const sorted = sortDiagnostics(diagnostics);
  return sorted.map((diagnostic) => (format === "github" ? toGithubAnnotation(diagnostic) : toTextLine(diagnostic))).join("\n");
}

/** One line per problem: `file:line  error  message — fix  code`. */
function toTextLine(diagnostic: Diagnostic): string {
  const place =
    diagnostic.line === undefined
      ? diagnostic.file
      : `${diagnostic.file}:${diagnostic.line}${diagnostic.column === undefined ? "" : `:${diagnostic.column}`}`;
  const fix = diagnostic.fix ? `\n    fix: ${diagnostic.fix}` : "";
  return `${place}  ${diagnostic.severity}  ${diagnostic.message}  [${diagnostic.code}]${fix}`;
}

/** A GitHub Actions workflow command, so the problem shows on the line of a pull request. */
function toGithubAnnotation(diagnostic: Diagnostic): string {
  const properties = [`file=${escapeProperty(diagnostic.file)}`];
  if (diagnostic.line !== undefined) properties.push(`line=${diagnostic.line}`);
  if (diagnostic.column !== undefined) properties.push(`col=${diagnostic.column}`);
  properties.push(`title=${escapeProperty(diagnostic.code)}`);
  const message = diagnostic.fix ? `${diagnostic.message}. ${diagnostic.fix}` : diagnostic.message;
  return `::${diagnostic.severity} ${properties.join(",")}::${escapeData(message)}`;
}

/** A summary line: `✖ 2 errors and 1 warning in 1 file`. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return `${errors > 0 ? "✖" : "⚠"} ${parts.join(" and ")} in ${plural(files, "file")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// Escaping rules of GitHub's workflow commands (actions/toolkit, command.ts).
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
