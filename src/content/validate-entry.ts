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
  body: string;
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
 * Parse and validate the front matter of every entry; one bad file never hides the problems in
 * another. With a cache, valid entries are remembered by a hash of their text, kind and the schema
 * options, so an unchanged file is not parsed again.
 */
export function validateEntries(entries: readonly RawEntry[], options: SchemaOptions, cache?: Pick<ContentCache, "get" | "set">): ValidatedContent {
  const settings = JSON.stringify([options.timeZone, [...options.types].sort()]);
  const rules: Record<RawEntry["kind"], KindRules> = {
    article: { schema: articleSchema(options), help: ARTICLE_HELP, fields: ARTICLE_FIELDS, kindOfFile: "articles" },
    author: { schema: authorSchema, help: AUTHOR_HELP, fields: AUTHOR_FIELDS, kindOfFile: "author files" },
    page: { schema: pageSchema, help: PAGE_HELP, fields: PAGE_FIELDS, kindOfFile: "pages" },
  };
  const content: ValidatedContent = { articles: [], authors: [], pages: [], diagnostics: [], drafts: new Set() };
  for (const entry of entries) {
    const key = cache ? `entry:${cacheKey(entry.kind, settings, entry.source)}` : "";
    const remembered = cache?.get<RememberedEntry>(key);
    // Only valid entries are remembered: problems are reported afresh every time.
    const result = remembered ? { ok: true as const, entry: recall(entry, remembered) } : validateEntry(entry, rules[entry.kind]);
    if (cache && result.ok && !remembered) cache.set(key, remember(entry, result.entry));
    if (!result.ok) {
      content.diagnostics.push(...result.diagnostics);
      if (result.draft) content.drafts.add(entry.file);
      continue;
    }
    if ((result.entry.frontMatter as { draft?: unknown }).draft === true) content.drafts.add(entry.file);
    // The schema for each kind produces that kind's front matter; the casts restore what the table erased.
    if (entry.kind === "article") content.articles.push(result.entry as ValidEntry<ArticleFrontMatter>);
    else if (entry.kind === "author") content.authors.push(result.entry as ValidEntry<AuthorFrontMatter>);
    else content.pages.push(result.entry as ValidEntry<PageFrontMatter>);
  }
  return content;
}

/** A valid entry as the cache keeps it: the body is usually the end of the file's text, so only its length is stored. */
interface RememberedEntry {
  frontMatter: unknown;
  body: string | number;
  bodyLine: number;
  lines: ReadonlyMap<string, number>;
}

function remember(raw: RawEntry, entry: ValidEntry<unknown>): RememberedEntry {
  const body = raw.source.endsWith(entry.body) ? entry.body.length : entry.body;
  return { frontMatter: entry.frontMatter, body, bodyLine: entry.bodyLine, lines: entry.lines };
}

function recall(raw: RawEntry, remembered: RememberedEntry): ValidEntry<unknown> {
  const body = typeof remembered.body === "number" ? raw.source.slice(raw.source.length - remembered.body) : remembered.body;
  return { file: raw.file, absolutePath: raw.absolutePath, frontMatter: remembered.frontMatter, body, bodyLine: remembered.bodyLine, lines: remembered.lines };
}

/** Parse and validate one entry against its kind's rules, reporting every problem in it. */
export function validateEntry(
  entry: RawEntry,
  rules: KindRules,
): { ok: true; entry: ValidEntry<unknown> } | { ok: false; diagnostics: Diagnostic[]; draft: boolean } {
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
    entry: { file: entry.file, absolutePath: entry.absolutePath, frontMatter: result.data, body, bodyLine, lines },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
