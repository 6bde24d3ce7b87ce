import { existsSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { readTextFile } from "../content/read-text-file.ts";
import { parseYaml } from "../content/yaml-document.ts";
import { closestMatch } from "../core/describe-value.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { englishCatalogue, resolveCatalogue } from "./catalogues.ts";
import { Messages, type Catalogue } from "./messages.ts";

/** Where a newsroom changes Tidings' words: `content/messages/<language>.yml`, one message per line. */
export const MESSAGES_DIR = path.posix.join("content", "messages");

// How many names a warning lists before it says how many more there are.
const NAMES_SHOWN = 12;

/**
 * The site's messages in `language`: the newsroom's own (content/messages/<language>.yml, or the
 * file of its language without the region, e.g. fr.yml for fr-CA), then Tidings' catalogue of the
 * language, then English. Problems: a name Tidings does not have (with a did-you-mean), a message
 * that is not valid ICU MessageFormat, and, as a warning, every message still in English.
 */
export function loadMessages(root: string, language: string): { messages: Messages; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const base = language.split("-")[0] ?? language;
  const overrides: Record<string, string> = {};
  // The language's own file first, so its messages win over the broader one's.
  for (const tag of [...new Set([language, base])]) {
    const file = `${MESSAGES_DIR}/${tag}.yml`;
    const absolute = path.join(root, file);
    if (!existsSync(absolute)) continue;
    const read = readOverrides(absolute, file, language);
    diagnostics.push(...read.diagnostics);
    for (const [name, pattern] of Object.entries(read.messages)) if (!Object.hasOwn(overrides, name)) overrides[name] = pattern;
  }
  const resolved = resolveCatalogue(language, overrides);
  if (resolved.inEnglish.length > 0) diagnostics.push(inEnglishWarning(resolved.inEnglish, language));
  return { messages: new Messages(language, resolved.patterns), diagnostics };
}

/** The messages of one override file, checked against the English catalogue's names and ICU syntax. */
function readOverrides(absolute: string, file: string, language: string): { messages: Catalogue; diagnostics: Diagnostic[] } {
  const text = readTextFile(absolute, file);
  if (!text.ok) return { messages: {}, diagnostics: text.diagnostics };
  const yaml = parseYaml(text.text.replace(/^\uFEFF/, ""), file);
  if (!yaml.ok) return { messages: {}, diagnostics: yaml.diagnostics };
  const names = Object.keys(englishCatalogue());
  const messages: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, value] of flatten(yaml.data)) {
    const line = yaml.lines.get(name);
    if (!names.includes(name)) {
      const near = closestMatch(name, names);
      diagnostics.push(
        error("messages/unknown", file, `there is no message named "${name}"${near === undefined ? "" : ` (did you mean "${near}"?)`}`, {
          line,
          field: name,
          fix: near === undefined ? "Check the name against the list of messages in the docs." : `Rename it to "${near}".`,
        }),
      );
      continue;
    }
    if (typeof value !== "string" || value.trim() === "") {
      diagnostics.push(error("messages/text", file, `the message "${name}" must be text`, { line, field: name, fix: `Write it in quotes, e.g. ${name}: "…".` }));
      continue;
    }
    try {
      new IntlMessageFormat(value, language);
    } catch (cause) {
      diagnostics.push(
        error("messages/syntax", file, `the message "${name}" cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, {
          line,
          field: name,
          fix: "Check its braces: placeholders are written {name}, and plurals {count, plural, one {…} other {…}}.",
        }),
      );
      continue;
    }
    messages[name] = value;
  }
  return { messages, diagnostics };
}

/** Messages may be written flat (`ask.button: …`) or nested (`ask: { button: … }`): both name `ask.button`. */
function flatten(data: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(data).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? flatten(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

function inEnglishWarning(names: readonly string[], language: string): Diagnostic {
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : "";
  return warning(
    "messages/in-english",
    `${MESSAGES_DIR}/${language}.yml`,
    `${names.length === 1 ? "one message has" : `${names.length} messages have`} no ${language} translation and ${names.length === 1 ? "is" : "are"} shown in English: ${shown}${more}`,
    { fix: `Add ${names.length === 1 ? "it" : "them"} to ${MESSAGES_DIR}/${language}.yml, in the words of your readers.` },
  );
}
