import type { z } from "zod";
import { cacheKey, type ContentCache } from "../cache/content-cache.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseFrontMatter } from "./front-matter.ts";
import type { RawEntry } from "./load-files.ts";
import { issuesToDiagnostics, type FieldHelp } from "./report-issues.ts";
import {
  ARTICLE_FIELDS,
  ARTICLE_HELP,
  articleSchema,
  AUTHOR_FIELDS,
  AUTHOR_HELP,
  authorSchema,
  PAGE_FIELDS,
  PAGE_HELP,
  pageSchema,
  type ArticleFrontMatter,
  type AuthorFrontMatter,
  type PageFrontMatter,
  type SchemaOptions,
} from "./schemas.ts";

/** A content file whose front matter passed validation. */
export interface ValidEntry<FrontMatter> {
  file: string;
  absolutePath: string;
  frontMatter: FrontMatter;
  /** The Markdown after the front matter; undefined when the file was not read (see `unread`). */
  body: string | undefined;
  /** The SHA-256 of the file's bytes, when the loader gave one: what its rendered body is remembered by. */
  digest?: string | undefined;
  /** For a file the loader left unread: how many characters at the end of its text are the body (readKnownText reads it). */
  unread?: { bodyChars: number };
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** File line of each front-matter field, for later cross-checks. */
  lines: ReadonlyMap<string, number>;
}

/** Every valid entry of each kind, plus all the problems found in the invalid ones. */
export interface ValidatedContent {
  articles: ValidEntry<ArticleFrontMatter>[];
  authors: ValidEntry<AuthorFrontMatter>[];
  pages: ValidEntry<PageFrontMatter>[];
  diagnostics: Diagnostic[];
  /** Files whose front matter says `draft: true`, valid or not: a production build publishes without them. */
  drafts: Set<string>;
}

interface KindRules {
  schema: z.ZodType;
  help: Readonly<Record<string, FieldHelp>>;
  fields: Readonly<Record<string, readonly string[]>>;
  kindOfFile: string;
}

/**
 * What validating one entry found, in a form that crosses between threads: a valid entry as the
 * cache keeps it (its body as a length, when it is the end of the file's text), or its problems.
 */
export type EntryOutcome =
  | { ok: true; remembered: RememberedEntry }
  | { ok: false; diagnostics: Diagnostic[]; draft: boolean };

/** Validates entries one after another in any order (`validateEach`'s answers align with its entries); the default validates each here with entryValidator. */
export type ValidateEach = (entries: readonly RawEntry[]) => EntryOutcome[];

/**
 * Parse and validate the front matter of every entry; one bad file never hides the problems in
 * another. With a cache, valid entries are remembered by a hash of their bytes (their digest, when
 * the loader gave one, else their text), kind and the schema options, so an unchanged file is not
 * parsed again; an entry the loader did not read must be remembered (see rememberedEntries). The
 * entries to parse go to `validateEach` together (a caller can share them among threads).
 */
export function validateEntries(
  entries: readonly RawEntry[],
  options: SchemaOptions,
  cache?: Pick<ContentCache, "get" | "set">,
  validateEach: ValidateEach = (pending) => pending.map(entryValidator(options)),
): ValidatedContent {
  const settings = schemaSettings(options);
  const keys = entries.map((entry) => (cache ? entryKey(entry, settings) : ""));
  const known = entries.map((entry, index) => cache?.get<RememberedEntry>(keys[index] as string));
  const pending: RawEntry[] = [];
  entries.forEach((entry, index) => {
    if (known[index] !== undefined) return;
    if (entry.source === undefined) throw new Error(`${entry.file} was left unread, but nothing is remembered of it`);
    pending.push(entry);
  });
  const outcomes = validateEach(pending);
  if (outcomes.length !== pending.length) throw new Error(`${pending.length} entries were given to validate, but ${outcomes.length} came back`);
  const content: ValidatedContent = { articles: [], authors: [], pages: [], diagnostics: [], drafts: new Set() };
  let next = 0;
  entries.forEach((entry, index) => {
    const remembered = known[index];
    const outcome: EntryOutcome = remembered ? { ok: true, remembered } : (outcomes[next++] as EntryOutcome);
    // Only valid entries are remembered: problems are reported afresh every time.
    if (cache && outcome.ok && !remembered) cache.set(keys[index] as string, outcome.remembered);
    if (!outcome.ok) {
      content.diagnostics.push(...outcome.diagnostics);
      if (outcome.draft) content.drafts.add(entry.file);
      return;
    }
    const valid = recall(entry, outcome.remembered);
    if ((valid.frontMatter as { draft?: unknown }).draft === true) content.drafts.add(entry.file);
    // The schema for each kind produces that kind's front matter; the casts restore what the table erased.
    if (entry.kind === "article") content.articles.push(valid as ValidEntry<ArticleFrontMatter>);
    else if (entry.kind === "author") content.authors.push(valid as ValidEntry<AuthorFrontMatter>);
    else content.pages.push(valid as ValidEntry<PageFrontMatter>);
  });
  return content;
}

/** Validate entries (read ones) against their kind's rules for these options, built once: what each thread that validates uses. */
export function entryValidator(options: SchemaOptions): (entry: RawEntry) => EntryOutcome {
  const rules: Record<RawEntry["kind"], KindRules> = {
    article: { schema: articleSchema(options), help: ARTICLE_HELP, fields: ARTICLE_FIELDS, kindOfFile: "articles" },
    author: { schema: authorSchema, help: AUTHOR_HELP, fields: AUTHOR_FIELDS, kindOfFile: "author files" },
    page: { schema: pageSchema, help: PAGE_HELP, fields: PAGE_FIELDS, kindOfFile: "pages" },
  };
  return (entry) => {
    const result = validateEntry(entry, rules[entry.kind]);
    return result.ok ? { ok: true, remembered: remember(entry, result.entry) } : result;
  };
}

/** Whether the validated front matter of a file of this kind and digest is remembered in `cache`: the loader's KnownFiles.remembered. */
export function rememberedEntries(options: SchemaOptions, cache: Pick<ContentCache, "get">): (kind: RawEntry["kind"], digest: string) => boolean {
  const settings = schemaSettings(options);
  return (kind, digest) => cache.get(entryKey({ kind, digest, source: undefined }, settings)) !== undefined;
}

function schemaSettings(options: SchemaOptions): string {
  return JSON.stringify([options.timeZone, [...options.types].sort()]);
}

// An entry is known by its digest when it has one, so a file left unread has the key it had when read.
function entryKey(entry: Pick<RawEntry, "kind" | "digest" | "source">, settings: string): string {
  return `entry:${entry.digest !== undefined ? cacheKey(entry.kind, settings, "sha256", entry.digest) : cacheKey(entry.kind, settings, entry.source ?? "")}`;
}

/** A valid entry as the cache keeps it: the body is usually the end of the file's text, so only its length is stored. */
export interface RememberedEntry {
  frontMatter: unknown;
  body: string | number;
  bodyLine: number;
  lines: ReadonlyMap<string, number>;
}

function remember(raw: RawEntry, entry: ValidEntry<unknown>): RememberedEntry {
  const text = entry.body ?? "";
  const body = raw.source?.endsWith(text) === true ? text.length : text;
  return { frontMatter: entry.frontMatter, body, bodyLine: entry.bodyLine, lines: entry.lines };
}

function recall(raw: RawEntry, remembered: RememberedEntry): ValidEntry<unknown> {
  const recalled = { file: raw.file, absolutePath: raw.absolutePath, digest: raw.digest, frontMatter: remembered.frontMatter, bodyLine: remembered.bodyLine, lines: remembered.lines };
  if (typeof remembered.body === "string") return { ...recalled, body: remembered.body };
  if (raw.source !== undefined) return { ...recalled, body: raw.source.slice(raw.source.length - remembered.body) };
  return { ...recalled, body: undefined, unread: { bodyChars: remembered.body } };
}

/** Parse and validate one entry against its kind's rules, reporting every problem in it. */
function validateEntry(
  entry: RawEntry,
  rules: KindRules,
): { ok: true; entry: ValidEntry<unknown> } | { ok: false; diagnostics: Diagnostic[]; draft: boolean } {
  if (entry.source === undefined) throw new Error(`${entry.file} was left unread`);
  const parsed = parseFrontMatter(entry.source, entry.file);
  // Unreadable front matter cannot say it is a draft, so its problems stay errors.
  if (!parsed.ok) return { ...parsed, draft: false };
  const { data, body, bodyLine, lines } = parsed.value;
  const result = rules.schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      // An invalid file that says `draft: true` is still a draft: its problems must not stop the others being published.
      draft: isRecord(data) && data["draft"] === true,
      diagnostics: issuesToDiagnostics(result.error.issues, {
        file: entry.file,
        lines,
        help: rules.help,
        knownFields: rules.fields,
        codePrefix: "front-matter",
        topLine: 1,
        kindOfFile: rules.kindOfFile,
      }),
    };
  }
  return {
    ok: true,
    entry: { file: entry.file, absolutePath: entry.absolutePath, digest: entry.digest, frontMatter: result.data, body, bodyLine, lines },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
