import matter from "gray-matter";
import { LineCounter, parseDocument } from "yaml";
import { readYamlDocument } from "./yaml-document.ts";
import { detachedCopy } from "../core/detached-copy.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** A Markdown file split into its front matter and body, with where each key sits in the file. */
export interface ParsedFrontMatter {
  /** The front matter as plain data (YAML 1.2 core schema: dates stay strings). */
  data: Record<string, unknown>;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based file line on which the body starts. */
  bodyLine: number;
  /** 1-based file line of every key and list item, by field path (`sources.1.url`). */
  lines: ReadonlyMap<string, number>;
}

/** The result of parsing: the parsed file, or the problems that stopped it. */
export type FrontMatterResult =
  | { ok: true; value: ParsedFrontMatter }
  | { ok: false; diagnostics: Diagnostic[] };

const refuse = (language: string) => ({
  parse(): never {
    // Never evaluate front matter as code: a `---js` block could read or write any file.
    throw new RefusedLanguageError(language);
  },
});

class RefusedLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter in ${language} is not allowed`);
  }
}

/** Split a Markdown file into YAML front matter and body; JavaScript, JSON or any non-YAML front matter is refused, never executed. */
export function parseFrontMatter(source: string, file: string): FrontMatterResult {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const opening = /^---([^\n]*)\n/.exec(text);
  if (!opening) {
    return failure(
      error("front-matter/missing", file, "the file does not start with front matter", {
        line: 1,
        fix: "Start the file with a line of three dashes (---), the fields (title, date, byline…), then another line of three dashes.",
      }),
    );
  }
  const language = opening[1]?.trim() ?? "";
  if (language !== "" && language !== "yaml" && language !== "yml") {
    return failure(
      error("front-matter/language", file, `front matter must be YAML, but this file starts with "---${language}" (${languageName(language)})`, {
        line: 1,
        fix: "Replace the first line with three dashes only (---) and write the fields as YAML (`title: My headline`).",
      }),
    );
  }
  const closing = /\n---[ \t]*(?:\n|$)/.exec(text.slice(opening[0].length - 1));
  if (!closing) {
    return failure(
      error("front-matter/unclosed", file, "the front matter is never closed", {
        line: 1,
        fix: "Add a line of three dashes (---) after the last field, before the article text.",
      }),
    );
  }

  let parsed: matter.GrayMatterFile<string>;
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument> | undefined;
  try {
    parsed = matter(text, {
      language: "yaml",
      engines: {
        yaml: {
          parse(yamlText: string): object {
            // Values are cut from the text parsed: from a copy of the front matter, not from the file's whole text.
            document = parseDocument(detachedCopy(yamlText), { lineCounter, uniqueKeys: true, prettyErrors: false });
            return {};
          },
        },
        js: refuse("JavaScript"),
        javascript: refuse("JavaScript"),
        json: refuse("JSON"),
        coffee: refuse("CoffeeScript"),
      },
    });
  } catch (cause) {
    const language = cause instanceof RefusedLanguageError ? cause.language : "an unknown language";
    return failure(
      error("front-matter/language", file, `front matter must be YAML, found ${language}`, {
        line: 1,
        fix: "Write the fields as YAML between two lines of three dashes (---).",
      }),
    );
  }

  const bodyLine = countLines(text.slice(0, text.length - parsed.content.length)) + 1;
  // gray-matter skips the engine for an all-comment block, leaving no document.
  if (!document) return { ok: true, value: { data: {}, body: parsed.content, bodyLine, lines: new Map() } };

  // gray-matter hands over the text from the end of the opening `---`, newline included, so YAML line N is file line N.
  const yaml = readYamlDocument(document, lineCounter, file, 1);
  if (!yaml.ok) return yaml;
  return { ok: true, value: { data: yaml.data, body: parsed.content, bodyLine, lines: yaml.lines } };
}

function languageName(tag: string): string {
  const names: Record<string, string> = { js: "JavaScript", javascript: "JavaScript", json: "JSON", toml: "TOML", coffee: "CoffeeScript" };
  return names[tag.toLowerCase()] ?? "not YAML";
}

function failure(diagnostic: Diagnostic): FrontMatterResult {
  return { ok: false, diagnostics: [diagnostic] };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
