import { execFileSync } from "node:child_process";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** The sitemap protocol's schema, as the `sitemap` npm package ships it. */
export const SITEMAP_XSD = path.resolve(import.meta.dirname, "..", "..", "node_modules", "sitemap", "schema", "sitemap.xsd");

/** The sitemap schema together with the news extension (tests/schemas/). */
export const NEWS_SITEMAP_XSD = path.resolve(import.meta.dirname, "..", "schemas", "news-sitemap.xsd");

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: "#cdata",
  // Elements that may repeat are always arrays, so tests read them the same way whatever the count.
  isArray: (name, jpath) =>
    ["item", "entry", "url", "category", "dc:creator", "author", "sitemap"].includes(name) ||
    (name === "link" && String(jpath).startsWith("feed.")),
});

/** Parse an XML document after checking it is well-formed; throws with the parser's message when it is not. */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return dropIndentation(parser.parse(text)) as Record<string, unknown>;
}

// With trimValues off (so real text keeps its spaces), the parser also keeps the indentation
// between child elements as "#text"; those whitespace-only runs are not content.
function dropIndentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropIndentation);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const hasElements = entries.some(([key]) => key !== "#text" && !key.startsWith("@"));
  return Object.fromEntries(
    entries
      .filter(([key, child]) => !(key === "#text" && hasElements && typeof child === "string" && child.trim() === ""))
      .map(([key, child]) => [key, dropIndentation(child)]),
  );
}

/** The text of an element as the parser gives it: a string, or the joined parts of CDATA sections. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("#cdata" in record) return ([] as unknown[]).concat(record["#cdata"]).map(String).join("");
    if ("#text" in record) return String(record["#text"]);
  }
  throw new Error(`no text in ${JSON.stringify(value)}`);
}

/** Run xmllint (libxml2, a conforming parser) on files; returns its exit status and messages. */
export function xmllint(args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync("xmllint", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, output };
  } catch (cause) {
    const failure = cause as { status?: number; stdout?: string; stderr?: string };
    return { status: failure.status ?? 1, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}
