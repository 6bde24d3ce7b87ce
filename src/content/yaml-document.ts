import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** A YAML mapping as plain data, with the file line of every key and list item by field path (`sources.1.url`). */
export type YamlResult =
  | { ok: true; data: Record<string, unknown>; lines: ReadonlyMap<string, number> }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parse a YAML mapping (YAML 1.2 core schema, so dates stay strings and `no` stays text); `firstLine` is the file line the text starts on. */
export function parseYaml(text: string, file: string, firstLine = 1): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return readYamlDocument(document, lineCounter, file, firstLine);
}

/** Turn a parsed YAML document into data and key lines, or into diagnostics for its syntax errors. */
export function readYamlDocument(document: Document, lineCounter: LineCounter, file: string, firstLine: number): YamlResult {
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((yamlError) =>
        error("yaml/syntax", file, explainYamlError(yamlError.code, yamlError.message), {
          line: toFileLine(yamlError.pos[0]),
          fix: yamlFix(yamlError.code),
        }),
      ),
    };
  }
  let data: unknown;
  try {
    // A low alias limit defuses "billion laughs" documents.
    data = document.toJS({ maxAliasCount: 50 });
  } catch {
    return {
      ok: false,
      diagnostics: [
        error("yaml/aliases", file, "the YAML uses too many aliases (*name references)", {
          line: firstLine,
          fix: "Write the values out instead of referring to them with * aliases.",
        }),
      ],
    };
  }
  if (data === null || data === undefined) return { ok: true, data: {}, lines: new Map() };
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: [
        error("yaml/not-a-map", file, "the YAML must be a list of `field: value` lines", {
          line: firstLine,
          fix: "Write one field per line, like `title: Council approves budget`.",
        }),
      ],
    };
  }
  const lines = new Map<string, number>();
  collectLines(document.contents, [], lines, toFileLine);
  return { ok: true, data: data as Record<string, unknown>, lines };
}

/** The file line for a field path, falling back to its nearest parent, then to `fallback`. */
export function lineOf(lines: ReadonlyMap<string, number>, path: readonly PropertyKey[], fallback = 1): number {
  for (let length = path.length; length > 0; length--) {
    const line = lines.get(path.slice(0, length).map(String).join("."));
    if (line !== undefined) return line;
  }
  return fallback;
}

function collectLines(
  node: Node | null | undefined,
  path: string[],
  lines: Map<string, number>,
  toFileLine: (offset: number) => number,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyPath = [...path, key];
      const range = isScalar(pair.key) ? pair.key.range : undefined;
      if (range) lines.set(keyPath.join("."), toFileLine(range[0]));
      collectLines(pair.value as Node | null, keyPath, lines, toFileLine);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, String(index)];
      const range = (item as Node | null)?.range;
      if (range) lines.set(itemPath.join("."), toFileLine(range[0]));
      collectLines(item as Node | null, itemPath, lines, toFileLine);
    });
  }
}

function explainYamlError(code: string, message: string): string {
  const firstLine = message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
  switch (code) {
    case "DUPLICATE_KEY":
      return "a field appears twice";
    case "TAB_AS_INDENT":
      return "a line is indented with a tab";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return `the YAML is malformed (${firstLine}); a value probably contains ": " or a line is mis-indented`;
    default:
      return `the YAML is malformed: ${firstLine}`;
  }
}

function yamlFix(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "Keep one of the two lines and delete the other.";
    case "TAB_AS_INDENT":
      return "Indent with spaces, not tabs.";
    default:
      return 'Check this line: put values that contain ": " or start with a special character ([, {, *, &, #, ", \') in double quotes.';
  }
}
