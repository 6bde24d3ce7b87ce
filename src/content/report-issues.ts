import type { core } from "zod";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch, describeValue } from "../core/describe-value.ts";
import { lineOf } from "./yaml-document.ts";

/** What an editor should write in one field: a phrase for "must be …" and an example line. */
export interface FieldHelp {
  /** Completes "`field` must be …", e.g. "the headline as plain text". */
  expected: string;
  /** A correct line, e.g. `title: Council approves budget`. */
  example: string;
}

/** Everything needed to turn schema issues into editor-facing diagnostics for one file. */
export interface IssueContext {
  file: string;
  /** Field path → file line, from the YAML parser. */
  lines: ReadonlyMap<string, number>;
  /** Help by field path without list indexes (`sources.url`). */
  help: Readonly<Record<string, FieldHelp>>;
  /** Known fields by parent path ("" for top level), for "did you mean" on unknown fields. */
  knownFields: Readonly<Record<string, readonly string[]>>;
  /** Diagnostic code prefix: `front-matter`, `config`. */
  codePrefix: string;
  /** The line to use for a field that is missing at the top level (usually the opening `---`). */
  topLine: number;
  /** What the file is, for "not a field that … have": "articles", "author files". */
  kindOfFile: string;
}

/** Turn zod issues into diagnostics with file, line, field, what was expected, what was found and a fix. */
export function issuesToDiagnostics(issues: readonly core.$ZodIssue[], context: IssueContext): Diagnostic[] {
  return issues.flatMap((issue) => issueToDiagnostics(issue, context));
}

/** Render a field path the way an editor counts: `sources[2].url` is the url of the second source (positions start at 1). */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part + 1}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

function issueToDiagnostics(issue: core.$ZodIssue, context: IssueContext): Diagnostic[] {
  const { file, lines, help, knownFields, codePrefix } = context;
  const path = issue.path;
  const helpKey = path.filter((part) => typeof part === "string").join(".");
  const fieldHelp = help[helpKey];
  const topField = typeof path[0] === "string" ? path[0] : "";
  const code = `${codePrefix}/${topField || "fields"}`;
  const field = formatFieldPath(path);

  if (issue.code === "unrecognized_keys") {
    const parentKey = path.filter((part) => typeof part === "string").join(".");
    const known = knownFields[parentKey] ?? [];
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, known);
      const unknownField = formatFieldPath([...path, key]);
      return error(`${codePrefix}/unknown-field`, file, `\`${unknownField}\` is not a field ${context.kindOfFile} have${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`, {
        line: lineOf(lines, [...path, key], context.topLine),
        field: unknownField,
        fix: suggestion
          ? `Rename \`${key}\` to \`${suggestion}\`.`
          : `Remove it, or use one of: ${known.map((name) => `\`${name}\``).join(", ")}.`,
      });
    });
  }

  const input = "input" in issue ? issue.input : undefined;
  if (issue.code === "invalid_union") {
    // A union (a name, or a group of fields) failed: report the branch the editor evidently meant,
    // the one whose own shape matches what they wrote, rather than "invalid input".
    const meant = issue.errors.find((branch) => branch.every((inner) => inner.path.length > 0 || inner.code === "unrecognized_keys"));
    if (meant && input !== undefined) {
      return issuesToDiagnostics(
        meant.map((inner) => ({ ...inner, path: [...path, ...inner.path] }) as core.$ZodIssue),
        context,
      );
    }
  }
  const line = lineOf(lines, path, context.topLine);
  const example = fieldHelp ? ` Write it like \`${fieldHelp.example}\`.` : "";

  if ((issue.code === "invalid_type" || issue.code === "invalid_union") && input === undefined) {
    return [
      error(code, file, `\`${field}\` is required but missing`, {
        line,
        field,
        fix: fieldHelp ? `Add a line \`${fieldHelp.example}\`.` : `Add the \`${field}\` field.`,
      }),
    ];
  }
  if (issue.code === "custom") {
    // Custom issues are written for editors already: "must be …, got …". Cross-field rules
    // (`updated` before `date`) say everything in their message; their input is the whole entry.
    const crossField = issue.params?.["crossField"] === true;
    const found = input !== undefined && !crossField && !issue.message.includes(" got ") ? `, got ${describeValue(input)}` : "";
    return [error(code, file, `\`${field}\` ${issue.message}${found}`, { line, field, fix: (issue.params?.["fix"] as string | undefined) ?? example.trim() })];
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map(String);
    const suggestion = typeof input === "string" ? closestMatch(input, allowed) : undefined;
    return [
      error(code, file, `\`${field}\` must be one of ${allowed.map((value) => `\`${value}\``).join(", ")}, got ${describeValue(input)}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`, {
        line,
        field,
        fix: suggestion ? `Change it to \`${suggestion}\`.` : `Use one of the values listed.`,
      }),
    ];
  }
  const expected = fieldHelp?.expected ?? zodExpectation(issue);
  return [error(code, file, `\`${field}\` must be ${expected}, got ${describeValue(input)}`, { line, field, fix: example.trim() || undefined })];
}

function zodExpectation(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "array" ? "a list" : issue.expected === "object" ? "a group of fields" : issue.expected;
    case "too_small":
      return issue.origin === "string" ? "filled in" : `at least ${String(issue.minimum)}`;
    case "too_big":
      return `at most ${String(issue.maximum)}${issue.origin === "string" ? " characters" : ""}`;
    default:
      return "valid";
  }
}
