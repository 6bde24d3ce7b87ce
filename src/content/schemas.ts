import { SLUG_PATTERN } from "../core/slugs.ts";
import { z } from "zod";
import { parseContentDate } from "./dates.ts";
import type { FieldHelp } from "./report-issues.ts";

/** The settings front-matter validation depends on. */
export interface SchemaOptions {
  /** IANA time zone that dates without an offset are read in. */
  timeZone: string;
  /** Article types the site knows (`news`, `analysis`, …). */
  types: readonly string[];
}


/** Text an editor typed: a string (numbers such as `1984` are read as text), trimmed, not empty. */
export const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1));

/** One text or a list of texts, always returned as a list. */
const textList = z.union([text.transform((value) => [value]), z.array(text).min(1)]);

/**
 * The most tags one article may have. Newsroom articles carry 3–8; each tag is a page and a feed
 * that lists the article, and each feed entry lists every tag of the article, so an article's cost
 * grows with the square of its tags (1,000 tags wrote 91 MB of tag feeds; 2,000 took 1.9 GB and
 * 5,000 crashed the build).
 */
export const MAX_TAGS = 50;

const tagList = textList.superRefine((tags, context) => {
  if (tags.length <= MAX_TAGS) return;
  context.addIssue({
    code: "custom",
    message: `has ${tags.length.toLocaleString("en")} tags; an article may have at most ${MAX_TAGS}`,
    // The list itself is not quoted back: it is what is too long.
    input: undefined,
    params: { fix: `Keep the tags readers would follow to more stories like this one (most articles have 3 to 8), at most ${MAX_TAGS}.` },
  });
});

const httpUrl = text.refine(isHttpUrl, { message: "must be a web address starting with https:// or http://" });

/** A link the site prints from settings (menu, donation button): checked by isLinkUrl. */
export const linkUrl = text.refine(isLinkUrl, {
  error: (issue) =>
    `must be a web address starting with https://, a mailto: address or a path on this site starting with / (such as /about/), got ${JSON.stringify(issue.input)}`,
});

const slug = z.string().regex(SLUG_PATTERN);

const dateField = (timeZone: string) =>
  z.unknown().transform((value, context) => {
    if (value === undefined) {
      context.addIssue({ code: "custom", message: "is required but missing", input: value });
      return z.NEVER;
    }
    const result = parseContentDate(value, timeZone);
    if (result.ok) return result.value;
    context.addIssue({ code: "custom", message: result.problem, input: value });
    return z.NEVER;
  });

const sourceSchema = z.union([
  text.transform((name) => ({ name })),
  z.strictObject({ name: text, url: httpUrl.optional(), note: text.optional() }),
]);

const imageSchema = z.strictObject({
  src: text,
  alt: text,
  caption: text.optional(),
  credit: text.optional(),
});

/** The article front-matter schema for a site's time zone (dates without an offset are read in it) and article types. */
export function articleSchema(options: SchemaOptions) {
  const date = dateField(options.timeZone);
  return z
    .strictObject({
      title: text,
      date,
      byline: textList,
      sources: z.array(sourceSchema).optional(),
      tags: tagList.optional(),
      summary: text.optional(),
      updated: date.optional(),
      type: z.enum(options.types as [string, ...string[]]).optional(),
      image: imageSchema.optional(),
      corrections: z.array(z.strictObject({ date, text })).optional(),
      draft: z.boolean().optional(),
      donate: z.boolean().optional(),
      slug: slug.optional(),
      expires: date.optional(),
      section: text.optional(),
      live: z.boolean().optional(),
      ended: date.optional(),
      series: text.optional(),
      part: z.number().int().min(1).optional(),
      language: text.optional(),
      translationKey: text.optional(),
      dateline: text.optional(),
      methods: text.optional(),
    })
    .superRefine(checkArticleDates, {
      // Run even when other fields are wrong, so every problem is reported at once; only the dates must be readable.
      when: (payload) => isContentDate((payload.value as { date?: unknown }).date),
    });
}

function isContentDate(value: unknown): value is { epochMs: number } {
  return typeof value === "object" && value !== null && typeof (value as { epochMs?: unknown }).epochMs === "number";
}

/** Cross-field date rules: updated, expires, ended and corrections all come after publication; `ended` needs `live`, `part` needs `series`. */
function checkArticleDates(
  article: { date: { epochMs: number }; updated?: unknown; expires?: unknown; corrections?: unknown; live?: unknown; ended?: unknown; series?: unknown; part?: unknown },
  context: z.RefinementCtx,
): void {
    // Live pages and series.
    const problem = (path: PropertyKey[], message: string, fix: string) => context.addIssue({ code: "custom", path, message, params: { crossField: true, fix } });
    if (article.ended !== undefined && article.live !== true) problem(["ended"], "is set, but only a live page (`live: true`) has coverage that ends", "Add `live: true`, or remove `ended`.");
    if (isContentDate(article.ended) && article.ended.epochMs < article.date.epochMs)
      problem(["ended"], "is earlier than `date`: live coverage cannot end before it starts", "Set `ended` to the time coverage closed, on or after `date`.");
    if (article.part !== undefined && article.series === undefined) problem(["part"], "is set, but the article names no `series`", "Add `series: <the series file's name>`, or remove `part`.");
    if (isContentDate(article.updated) && article.updated.epochMs < article.date.epochMs) {
      context.addIssue({
        code: "custom",
        path: ["updated"],
        message: "is earlier than `date`: an article cannot be updated before it is published",
        params: { crossField: true, fix: "Set `updated` to the time of the last substantive change, on or after `date`." },
      });
    }
    if (isContentDate(article.expires) && article.expires.epochMs <= article.date.epochMs) {
      context.addIssue({
        code: "custom",
        path: ["expires"],
        message: "is not after `date`: the article would never be listed",
        params: { crossField: true, fix: "Set `expires` to a date after `date`, or remove it." },
      });
    }
    const corrections = Array.isArray(article.corrections) ? (article.corrections as { date?: unknown }[]) : [];
    corrections.forEach((correction, index) => {
      if (isContentDate(correction?.date) && correction.date.epochMs < article.date.epochMs) {
        context.addIssue({
          code: "custom",
          path: ["corrections", index, "date"],
          message: "is earlier than the article's `date`: a correction comes after publication",
          params: { crossField: true, fix: "Give the date the correction was made." },
        });
      }
    });
}

/** Validated article front matter. */
export type ArticleFrontMatter = z.output<ReturnType<typeof articleSchema>>;

/** The author-file front-matter schema; the body of the file is the author's bio. */
export const authorSchema = z.strictObject({
  name: text,
  role: text.optional(),
  aliases: z.array(text).optional(),
  email: z.email().optional(),
  links: z.array(z.strictObject({ label: text, url: httpUrl })).optional(),
  slug: slug.optional(),
  knowsAbout: textList.optional(),
});

/** Validated author front matter. */
export type AuthorFrontMatter = z.output<typeof authorSchema>;

/** The standalone-page front-matter schema (about, donate, corrections policy). */
export const pageSchema = z.strictObject({
  title: text,
  summary: text.optional(),
  slug: slug.optional(),
  draft: z.boolean().optional(),
  donate: z.boolean().optional(),
  language: text.optional(),
  translationKey: text.optional(),
});

/** Validated page front matter. */
export type PageFrontMatter = z.output<typeof pageSchema>;

function languageHelp(kind: string): FieldHelp {
  return { expected: `the ${kind}'s language: the site's \`language\` or one of its \`languages\` (a file named like \`flood.cy.md\` says it already)`, example: "language: cy" };
}

function translationKeyHelp(kind: string): FieldHelp {
  return { expected: `a name this ${kind} shares with its translations (files named like \`flood.md\` and \`flood.cy.md\` share one already)`, example: "translationKey: flood-wall" };
}

const slugHelp: FieldHelp = {
  expected: "lowercase letters, digits and single hyphens",
  example: "slug: flood-wall-approved",
};

/** What each article field expects, in words, with an example line. */
export const ARTICLE_HELP: Readonly<Record<string, FieldHelp>> = {
  title: { expected: "the headline as plain text", example: "title: Council approves riverside flood wall" },
  date: { expected: "a date", example: "date: 2026-03-01 09:30" },
  byline: { expected: "a name or a list of names", example: "byline: Priya Raman" },
  sources: { expected: "a list of sources", example: "sources: [Council minutes, 24 November]" },
  "sources.name": { expected: "the name of the source", example: "- name: Council planning minutes" },
  "sources.url": { expected: "a web address starting with https://", example: "url: https://example.org/report" },
  "sources.note": { expected: "a short note as text", example: "note: Page 12" },
  tags: { expected: "a tag or a list of tags", example: "tags: [Council, Housing]" },
  summary: { expected: "one or two sentences of plain text", example: "summary: The wall will protect 300 homes." },
  updated: { expected: "a date", example: "updated: 2026-03-02 14:00" },
  type: { expected: "an article type", example: "type: analysis" },
  image: { expected: "an image with `src` and `alt`", example: "image: { src: images/flood.jpg, alt: Flooded high street }" },
  "image.src": { expected: "the image file, relative to this article", example: "src: images/flood.jpg" },
  "image.alt": { expected: "a description of the image for people who cannot see it", example: "alt: Flooded high street at dawn" },
  "image.caption": { expected: "a caption as text", example: "caption: The high street on Tuesday morning." },
  "image.credit": { expected: "who made the image", example: "credit: Sam Ortiz / The Lantern" },
  corrections: { expected: "a list of corrections with `date` and `text`", example: "- { date: 2026-03-02, text: An earlier version misspelt her name. }" },
  "corrections.date": { expected: "a date", example: "date: 2026-03-02" },
  "corrections.text": { expected: "what was corrected, as text", example: "text: An earlier version misspelt her name." },
  draft: { expected: "`true` or `false`", example: "draft: true" },
  donate: { expected: "`true` or `false`", example: "donate: false" },
  slug: slugHelp,
  expires: { expected: "a date", example: "expires: 2027-01-01" },
  section: { expected: "one of the sections in tidings.config.yml", example: "section: Politics" },
  live: { expected: "`true` for a live page of timestamped updates", example: "live: true" },
  ended: { expected: "the date and time live coverage closed", example: "ended: 2026-12-02 18:30" },
  series: { expected: "the name of a series file in content/series/", example: "series: flood-inquiry" },
  part: { expected: "the part's number in its series, a whole number from 1", example: "part: 2" },
  language: languageHelp("article"),
  translationKey: translationKeyHelp("article"),
  dateline: { expected: "where the reporting was done, as plain text", example: "dateline: Millbrook" },
  methods: {
    expected: "a note on how the story was reported, as plain text (a blank line starts a new paragraph)",
    example: "methods: We read the council's 212-page budget and asked each cabinet member about it.",
  },
};

/** What each author field expects. */
export const AUTHOR_HELP: Readonly<Record<string, FieldHelp>> = {
  name: { expected: "the author's name as it appears in bylines", example: "name: Priya Raman" },
  role: { expected: "a job title as text", example: "role: Local democracy reporter" },
  aliases: { expected: "a list of other spellings used in bylines", example: "aliases: [P. Raman]" },
  email: { expected: "an email address", example: "email: priya@example.org" },
  links: { expected: "a list of links with `label` and `url`", example: "- { label: Mastodon, url: https://example.social/@priya }" },
  "links.label": { expected: "the link text", example: "label: Mastodon" },
  "links.url": { expected: "a web address starting with https://", example: "url: https://example.social/@priya" },
  slug: slugHelp,
  knowsAbout: { expected: "a topic or a list of the topics the author knows and covers", example: "knowsAbout: [Council finance, Planning]" },
};

/** What each page field expects. */
export const PAGE_HELP: Readonly<Record<string, FieldHelp>> = {
  title: { expected: "the page title as plain text", example: "title: About us" },
  summary: { expected: "one or two sentences of plain text", example: "summary: Who we are and how we are funded." },
  slug: slugHelp,
  draft: { expected: "`true` or `false`", example: "draft: true" },
  donate: { expected: "`true` or `false`", example: "donate: true" },
  language: languageHelp("page"),
  translationKey: translationKeyHelp("page"),
};

/** Field names by parent path, for "did you mean" suggestions on unknown fields. */
export const ARTICLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": ["title", "date", "byline", "sources", "tags", "summary", "updated", "type", "image", "corrections", "draft", "donate", "slug", "expires", "section", "live", "ended", "series", "part", "language", "translationKey", "dateline", "methods"],
  sources: ["name", "url", "note"],
  image: ["src", "alt", "caption", "credit"],
  corrections: ["date", "text"],
};

/** Author field names by parent path. */
export const AUTHOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": ["name", "role", "aliases", "email", "links", "slug", "knowsAbout"],
  links: ["label", "url"],
};

/** Page field names by parent path. */
export const PAGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": ["title", "summary", "slug", "draft", "donate", "language", "translationKey"],
};

/**
 * True for a link Tidings may print: an http(s) address, a mailto: address or a path on this
 * site. Anything else (javascript:, data:, vbscript:, `//host`) would run script or leave the
 * site where a reader expects neither.
 */
export function isLinkUrl(value: string): boolean {
  return isHttpUrl(value) || isSitePath(value) || /^mailto:[^\s/\\][^\s]*$/i.test(value);
}

/**
 * True for a path on this site: one `/` first. Browsers read `//host` and `/\host` as another
 * site, and drop tabs and line breaks anywhere in an address, so none of those are paths.
 */
export function isSitePath(value: string): boolean {
  return value.startsWith("/") && !/^\/[/\\]/.test(value) && !/[\u0000-\u0020\u007f]/.test(value);
}

/** True for an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  // An address with a scheme has a colon; without one, `new URL` would only throw, which costs
  // far more than the parse (a relative image path is checked twice for every photo).
  if (!value.includes(":")) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
