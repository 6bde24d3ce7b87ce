import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { issuesToDiagnostics, type IssueContext } from "./report-issues.ts";
import { parseYaml } from "./yaml-document.ts";

/**
 * Read a YAML data file of content (a front, a series) against its schema: the value with the
 * line of every key, or every problem with its line, worded by `context` (help, known fields,
 * code prefix). A byte-order mark, which some editors save, is ignored.
 */
export function parseDataFile<Schema extends z.ZodType>(
  source: string,
  file: string,
  schema: Schema,
  context: Omit<IssueContext, "file" | "lines" | "topLine">,
): { ok: true; data: z.output<Schema>; lines: ReadonlyMap<string, number> } | { ok: false; diagnostics: Diagnostic[] } {
  const yaml = parseYaml(source.replace(/^\uFEFF/, ""), file);
  if (!yaml.ok) return { ok: false, diagnostics: yaml.diagnostics };
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (!result.success) return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, { ...context, file, lines: yaml.lines, topLine: 1 }) };
  return { ok: true, data: result.data, lines: yaml.lines };
}
