import { z } from "zod";
import { parseDataFile } from "../content/parse-data-file.ts";
import type { FieldHelp } from "../content/report-issues.ts";
import { closestMatch } from "../core/describe-value.ts";
import { text } from "../content/schemas.ts";
import { lineOf } from "../content/yaml-document.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { toSlug } from "../core/slugs.ts";
import type { Article } from "../model/types.ts";

/** Where editors keep the fronts, relative to the project root; `home.yml` is the home page. */
export const FRONTS_DIR = "content/fronts";

/** The file of the home page's front. */
export const HOME_FRONT_FILE = `${FRONTS_DIR}/home.yml`;

/** How a container shows its articles: one big lead story, a row of cards, or a plain list. */
export const LAYOUTS = ["lead", "row", "list"] as const;

/** The most articles a container may hold: a front is a page to scan, not an archive. */
export const MAX_LIMIT = 24;

const backfillSchema = z.strictObject({
  section: text.optional(),
  tag: text.optional(),
  type: text.optional(),
  limit: z.number().int().min(0).max(MAX_LIMIT),
});

const containerSchema = z.strictObject({
  title: text,
  // The heading is for editors only when false (a lead story needs no "Lead story" over it); the
  // page still names the container by it for screen readers.
  showTitle: z.boolean().default(true),
  layout: z.enum(LAYOUTS),
  pinned: z.array(text).max(MAX_LIMIT).default([]),
  backfill: backfillSchema.optional(),
});

/** A fronts file's shape (the web editor's Fronts fields are generated from it, src/admin/cms-config.ts). */
export const frontSchema = z.strictObject({
  title: text.optional(),
  containers: z.array(containerSchema).min(1),
});

/** A front as editors committed it: containers in page order. */
export type FrontSpec = z.output<typeof frontSchema>;

/** A validated fronts file with the line of every field, so later checks can name the place. */
export interface ParsedFront {
  file: string;
  spec: FrontSpec;
  lines: ReadonlyMap<string, number>;
}

const HELP: Record<string, FieldHelp> = {
  title: { expected: "the page's heading, plain text", example: "title: Today in the valley" },
  containers: { expected: "a list of containers, each with a title and a layout", example: "containers:\n  - title: Top story\n    layout: lead" },
  "containers.title": { expected: "the container's heading, plain text", example: "title: Top story" },
  "containers.showTitle": { expected: "true to show the heading to readers (the default), false to keep it for editors and screen readers only", example: "showTitle: false" },
  "containers.layout": { expected: `one of ${LAYOUTS.join(", ")}`, example: "layout: row" },
  "containers.pinned": { expected: "a list of article files or addresses", example: "pinned:\n  - content/articles/2026/flood-wall-approved.md" },
  "containers.backfill": { expected: "a rule for the slots after the pinned articles", example: "backfill: { tag: River, limit: 3 }" },
  "containers.backfill.section": { expected: "a section (its name or slug) whose newest articles fill the container", example: "section: Politics" },
  "containers.backfill.tag": { expected: "a tag whose newest articles fill the container", example: "tag: River" },
  "containers.backfill.type": { expected: "an article type whose newest articles fill the container", example: "type: analysis" },
  "containers.backfill.limit": { expected: `how many articles the container shows in all, a whole number up to ${MAX_LIMIT}`, example: "limit: 4" },
};

/** Every field a fronts file may have, by path: the "did you mean" table, and what the web editor must offer. */
export const FRONT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "": ["title", "containers"],
  containers: ["title", "showTitle", "layout", "pinned", "backfill"],
  "containers.backfill": ["section", "tag", "type", "limit"],
};

/** Validate a fronts file: the front, or every problem in it with its line. */
export function parseFront(source: string, file: string): { front?: ParsedFront; diagnostics: Diagnostic[] } {
  const parsed = parseDataFile(source, file, frontSchema, { help: HELP, knownFields: FRONT_FIELDS, codePrefix: "front", kindOfFile: "fronts files can" });
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  return { front: { file, spec: parsed.data, lines: parsed.lines }, diagnostics: [] };
}

/** One container of a resolved front: what the page shows under its heading. */
export interface FrontContainer {
  title: string;
  /** False: the heading is hidden from sight (kept for screen readers). */
  showTitle: boolean;
  layout: (typeof LAYOUTS)[number];
  items: Article[];
}

/** A front with its articles chosen. */
export interface Front {
  file: string;
  url: string;
  title?: string;
  /** The section whose page this front is; the home page's front has none. */
  section?: { name: string; url: string; feed: string; description?: string };
  containers: FrontContainer[];
}

/** What a front is resolved against: every article with a page, and the ones lists may show. */
export interface FrontContext {
  articles: readonly Article[];
  listed: readonly Article[];
  /** Article files that have no page in this build, and why: the build leaves drafts and scheduled articles out. */
  unpublished: ReadonlyMap<string, "a draft" | "scheduled for later">;
  /** Tag names (lower case) and type keys the site knows, to flag a backfill rule that can never match. */
  tags: ReadonlySet<string>;
  types: ReadonlySet<string>;
  /** Section slugs. */
  sections: ReadonlySet<string>;
  /** The site's URL path prefix is not part of an article's `url`; pins may be written with the site's address. */
  siteUrl: string;
}

/**
 * Choose each container's articles: its pins that are still listed, then the newest listed
 * articles matching its backfill rule, up to its limit. An article appears once per front (the
 * first container that takes it wins). A pin that no longer shows (deleted, a draft, scheduled,
 * expired) is a warning, never a broken page: its slot goes to the backfill.
 */
export function resolveFront(parsed: ParsedFront, url: string, context: FrontContext): { front: Front; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { file, spec, lines } = parsed;
  const listed = new Set(context.listed);
  const byKey = new Map<string, Article>();
  for (const article of context.articles) {
    byKey.set(article.file, article);
    byKey.set(article.url, article);
  }
  const used = new Set<Article>();
  const containers: FrontContainer[] = spec.containers.map((container, index) => {
    const items: Article[] = [];
    const limit = container.backfill?.limit ?? container.pinned.length;
    container.pinned.forEach((pin, pinIndex) => {
      const line = lineOf(lines, ["containers", index, "pinned", pinIndex]);
      const field = `containers[${index + 1}].pinned[${pinIndex + 1}]`;
      const key = normalisePin(pin, context.siteUrl);
      const article = byKey.get(key);
      const unpublished = context.unpublished.get(key);
      if (article === undefined && unpublished !== undefined) {
        diagnostics.push(
          warning("front/pinned-unlisted", file, `the pinned article "${pin}" is ${unpublished}, so it is not shown; its slot is filled by the backfill`, {
            line,
            field,
            fix: "Remove the pin, or pin another article.",
          }),
        );
      } else if (article === undefined) {
        diagnostics.push(
          warning("front/pinned-missing", file, `the pinned article "${pin}" does not exist; its slot is filled by the backfill`, {
            line,
            field,
            fix: "Pin an article by its file (content/articles/…/name.md) or its address (/2026/03/01/slug/), or remove the line.",
          }),
        );
      } else if (!listed.has(article)) {
        const why = article.draft ? "is a draft" : article.scheduled ? "is scheduled for later" : "has expired";
        diagnostics.push(
          warning("front/pinned-unlisted", file, `the pinned article "${pin}" ${why}, so it is not shown; its slot is filled by the backfill`, {
            line,
            field,
            fix: "Remove the pin, or pin another article.",
          }),
        );
      } else if (used.has(article)) {
        diagnostics.push(
          warning("front/pinned-twice", file, `the pinned article "${pin}" is already higher up this front, so it is shown there only`, {
            line,
            field,
            fix: "Remove one of the two pins: an article appears once per front.",
          }),
        );
      } else {
        used.add(article);
        items.push(article);
      }
    });
    const rule = container.backfill;
    if (rule !== undefined) {
      checkRule(rule, index, parsed, context, diagnostics);
      for (const article of context.listed) {
        if (items.length >= Math.max(limit, 0)) break;
        if (used.has(article) || !matches(article, rule)) continue;
        used.add(article);
        items.push(article);
      }
    }
    return { title: container.title, showTitle: container.showTitle, layout: container.layout, items };
  });
  const front: Front = { file, url, containers: containers.filter((container) => container.items.length > 0) };
  if (spec.title !== undefined) front.title = spec.title;
  return { front, diagnostics };
}

function matches(article: Article, rule: NonNullable<FrontSpec["containers"][number]["backfill"]>): boolean {
  if (rule.section !== undefined && article.section?.slug !== sectionSlug(rule.section) && article.section?.name.toLowerCase() !== rule.section.toLowerCase())
    return false;
  if (rule.type !== undefined && article.type.key !== rule.type) return false;
  if (rule.tag !== undefined && !article.tags.some((tag) => tag.name.toLowerCase() === rule.tag?.toLowerCase())) return false;
  return true;
}

// A rule naming an unknown type can never match, which an editor would only notice as an empty
// container, so it is an error with the line; an unknown tag may just not have articles yet.
function checkRule(
  rule: NonNullable<FrontSpec["containers"][number]["backfill"]>,
  index: number,
  parsed: ParsedFront,
  context: FrontContext,
  diagnostics: Diagnostic[],
): void {
  if (rule.type !== undefined && !context.types.has(rule.type)) {
    diagnostics.push(
      error("front/backfill", parsed.file, `\`containers[${index + 1}].backfill.type\` is "${rule.type}", which is not a type in the config`, {
        line: lineOf(parsed.lines, ["containers", index, "backfill", "type"]),
        field: `containers[${index + 1}].backfill.type`,
        fix: `Use one of: ${[...context.types].join(", ")}.`,
      }),
    );
  }
  if (rule.section !== undefined && !context.sections.has(sectionSlug(rule.section)) && ![...context.sections].some((slug) => slug === rule.section?.toLowerCase())) {
    const known = [...context.sections];
    const suggestion = closestMatch(sectionSlug(rule.section), known);
    diagnostics.push(
      error("front/backfill", parsed.file, `\`containers[${index + 1}].backfill.section\` is "${rule.section}", which is not a section${suggestion ? `; did you mean "${suggestion}"?` : ""}`, {
        line: lineOf(parsed.lines, ["containers", index, "backfill", "section"]),
        field: `containers[${index + 1}].backfill.section`,
        fix: known.length > 0 ? `Use one of: ${known.join(", ")} (the sections in tidings.config.yml).` : "Add `sections` to tidings.config.yml, or remove this rule.",
      }),
    );
  }
  if (rule.tag !== undefined && !context.tags.has(rule.tag.toLowerCase())) {
    diagnostics.push(
      warning("front/backfill", parsed.file, `no article has the tag "${rule.tag}", so this container has no backfill`, {
        line: lineOf(parsed.lines, ["containers", index, "backfill", "tag"]),
        field: `containers[${index + 1}].backfill.tag`,
        fix: "Check the tag's spelling against the tags page (/tags/).",
      }),
    );
  }
}

// A rule may name a section as its config names it ("Politics") or by its slug ("politics").
function sectionSlug(name: string): string {
  return toSlug(name);
}

// Pins are written as a file path or an address, with or without the site's own origin.
function normalisePin(pin: string, siteUrl: string): string {
  let key = pin.trim();
  const origin = siteUrl.replace(/\/+$/, "");
  if (key.startsWith(origin)) key = key.slice(origin.length);
  if (key.startsWith("/") && !key.endsWith("/") && !key.includes(".")) key += "/";
  return key.replace(/^\.\//, "");
}
