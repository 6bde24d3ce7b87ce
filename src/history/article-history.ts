import { diffWords } from "diff";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { parseContentDate } from "../content/dates.ts";
import { matchKey } from "../core/slugs.ts";
import type { ArticleRecord, ArticleVersion, DiffPart, FieldChange, RecordedChange } from "./record-types.ts";

export type { ArticleRecord, ArticleVersion, DiffPart, FieldChange, RecordedChange } from "./record-types.ts";

/** What reading a record needs besides the versions. */
export interface RecordOptions {
  /** The site's time zone, for reading `date` fields without an offset. */
  timeZone: string;
  /** Commits kept out of the record (a legal removal), by full or abbreviated id. */
  exclude?: readonly string[];
}

// How many unchanged words a change shows on each side.
const CONTEXT_WORDS = 12;

/**
 * The record of an article from its committed versions, oldest first: the first version that was
 * published (not a draft, its date reached at the commit's time), then each later commit that
 * changed something a reader sees, described: its fields in words, its text as a word-level
 * difference. Changes readers cannot see (spacing, a topic's capitals, the draft flag, the
 * `updated` stamp alone) make no entry. Undefined while no version was published.
 */
export function articleRecord(versions: readonly ArticleVersion[], options: RecordOptions): ArticleRecord | undefined {
  const excluded = (commit: string) => (options.exclude ?? []).some((id) => id.length >= 7 && commit.startsWith(id.toLowerCase()));
  const kept = versions.filter((version) => !excluded(version.commit));
  const start = kept.findIndex((version) => isPublished(readVersion(version.text), version.time, options.timeZone));
  const first = kept[start];
  if (first === undefined) return undefined;
  const changes: RecordedChange[] = [];
  let before = readVersion(first.text);
  for (const version of kept.slice(start + 1)) {
    const after = readVersion(version.text);
    // Most commits change a file's fields or its text, not both: what did not change is not read.
    const fields = before.frontMatter === after.frontMatter ? [] : fieldChanges(before.data(), after.data());
    const body = bodyChanges(before.body, after.body);
    if (fields.length > 0 || body !== undefined) changes.push({ commit: version.commit, time: version.time, fields, ...(body === undefined ? {} : { body }) });
    before = after;
  }
  return { published: { commit: first.commit, time: first.time }, changes: changes.reverse() };
}

/** A version split into its front matter's text (read as data only when asked) and its body. */
interface ReadVersion {
  frontMatter: string;
  data: () => Record<string, unknown>;
  body: string;
}

// As src/content/front-matter.ts reads a file: `---`, the YAML, `---`, the body.
const FRONT_MATTER = /^---[^\n]*\n([\s\S]*?)\n---[^\n]*(?:\n|$)([\s\S]*)$/;

function readVersion(text: string): ReadVersion {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const frontMatter = match?.[1] ?? "";
  let data: Record<string, unknown> | undefined;
  return {
    frontMatter,
    body: match?.[2] ?? "",
    data: () => (data ??= readData(frontMatter)),
  };
}

// YAML's core schema (dates stay text, as Tidings reads them), by js-yaml: many times faster than
// the parser that reports lines, which only the checks of the current files need. A version that
// does not parse says nothing.
function readData(frontMatter: string): Record<string, unknown> {
  try {
    const data: unknown = loadYaml(frontMatter, { schema: CORE_SCHEMA });
    return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function isPublished(version: ReadVersion, time: number, timeZone: string): boolean {
  const data = version.data();
  if (data["draft"] === true) return false;
  const date = parseContentDate(data["date"], timeZone);
  return date.ok && date.value.epochMs <= time;
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ["title", "summary", "type", "section"] as const) {
    const from = text(before[field]);
    const to = text(after[field]);
    if (normalise(from) !== normalise(to)) changes.push({ field, from, to });
  }
  const from = texts(before["byline"]);
  const to = texts(after["byline"]);
  if (from.map(normalise).join("\n") !== to.map(normalise).join("\n")) changes.push({ field: "byline", from, to });
  for (const field of ["tags", "sources"] as const) {
    const was = field === "tags" ? texts(before[field]) : sourceNames(before[field]);
    const now = field === "tags" ? texts(after[field]) : sourceNames(after[field]);
    // A topic spelt with other capitals is the same topic.
    const added = now.filter((name) => !was.some((old) => matchKey(old) === matchKey(name)));
    const removed = was.filter((name) => !now.some((next) => matchKey(next) === matchKey(name)));
    if (added.length > 0 || removed.length > 0) changes.push({ field, added, removed });
  }
  const corrections = correctionTexts(after["corrections"]).filter((correction) => !correctionTexts(before["corrections"]).includes(correction));
  if (corrections.length > 0) changes.push({ field: "corrections", added: corrections });
  if (JSON.stringify(before["image"] ?? null) !== JSON.stringify(after["image"] ?? null)) changes.push({ field: "image" });
  return changes;
}

const markdownParser = unified().use(remarkParse);

/** The words of a body as a reader reads them: its Markdown's text, block by block, without the syntax. */
export function readableText(markdown: string): string {
  // A paragraph of plain prose is its own text; only blocks with Markdown in them are parsed.
  const blocks = markdown.split(/\n{2,}/);
  if (blocks.every(isPlainProse)) return blocks.map((block) => block.trim()).filter((block) => block !== "").join("\n\n");
  const tree = markdownParser.parse(markdown);
  return (tree.children as TextNode[]).map(nodeText).filter((block) => block.trim() !== "").join("\n\n");
}

// No character Markdown gives a meaning to, no line a list, quote, heading, rule or code block could start with.
function isPlainProse(block: string): boolean {
  return !/[*_`\[\]<>#!|~\\&]/.test(block) && !/^(?: {4}|\t| {0,3}(?:[-+=]|\d{1,9}[.)]))/m.test(block);
}

type TextNode = { type: string; value?: string; children?: TextNode[] };

function nodeText(node: TextNode): string {
  // Markup and pictures are not the text a reader reads through.
  if (node.type === "html" || node.type === "image" || node.type === "imageReference") return "";
  if (typeof node.value === "string") return node.value;
  const separator = node.type === "list" || node.type === "blockquote" || node.type === "table" || node.type === "tableRow" ? "\n" : node.type === "listItem" ? " " : "";
  return (node.children ?? []).map(nodeText).join(separator);
}

function bodyChanges(before: string, after: string): DiffPart[] | undefined {
  if (before === after) return undefined;
  // Only the blocks between the first and the last that differ (and one either side) are read and
  // compared: an edit touches a paragraph or two of a long story.
  const was = before.split(/\n{2,}/);
  const now = after.split(/\n{2,}/);
  let head = 0;
  while (head < was.length && head < now.length && sameText(was[head] ?? "", now[head] ?? "")) head++;
  let tail = 0;
  while (tail < was.length - head && tail < now.length - head && sameText(was[was.length - 1 - tail] ?? "", now[now.length - 1 - tail] ?? "")) tail++;
  const from = Math.max(0, head - 1);
  const window = (blocks: string[]) => readableText(blocks.slice(from, blocks.length - Math.max(0, tail - 1)).join("\n\n"));
  const old = window(was);
  const next = window(now);
  if (normalise(old) === normalise(next)) return undefined;
  const parts: DiffPart[] = diffWords(old, next).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
  const shown = withContext(parts);
  // Blocks left out before and after the window are gaps too.
  return [...(from > 0 && shown[0]?.kind !== "gap" ? [{ kind: "gap" as const, text: "" }] : []), ...shown, ...(tail > 1 && shown.at(-1)?.kind !== "gap" ? [{ kind: "gap" as const, text: "" }] : [])];
}

// Unchanged runs between changes are cut to a few words on each side, the rest a gap.
function withContext(parts: readonly DiffPart[]): DiffPart[] {
  return parts.flatMap((part, index): DiffPart[] => {
    if (part.kind !== "same") return [part];
    // Each chunk is a word with the spaces after it.
    const chunks = part.text.split(/(?<=\s)(?=\S)/);
    const first = index === 0;
    const last = index === parts.length - 1;
    if (chunks.length <= CONTEXT_WORDS * (first || last ? 1 : 2)) return [part];
    const head = first ? "" : chunks.slice(0, CONTEXT_WORDS).join("");
    const tail = last ? "" : chunks.slice(-CONTEXT_WORDS).join("");
    return [...(head ? [{ kind: "same" as const, text: head }] : []), { kind: "gap", text: "" }, ...(tail ? [{ kind: "same" as const, text: tail }] : [])];
  });
}

// Equal but for spacing; most blocks are equal outright.
function sameText(a: string, b: string): boolean {
  return a === b || normalise(a) === normalise(b);
}

function normalise(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item) => item !== "");
  const single = text(value);
  return single === "" ? [] : [single];
}

function sourceNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((source) => (typeof source === "object" && source !== null ? text((source as { name?: unknown }).name) : text(source))).filter((name) => name !== "");
}

function correctionTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((correction) => (typeof correction === "object" && correction !== null ? text((correction as { text?: unknown }).text) : "")).filter((item) => item !== "");
}
