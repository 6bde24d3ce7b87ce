import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { loadConfig, type SiteConfig } from "./config/config.ts";
import { CONFIG_FILE } from "./content/config-file.ts";
import { closestMatch } from "./core/describe-value.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { toSlug } from "./core/slugs.ts";
import { articlePath } from "./model/urls.ts";
import { chooseByline, loadAuthorNames, type BylineSource } from "./new-byline.ts";
import { BYLINE_PLACEHOLDER } from "./checks/check-bylines.ts";
import { UserError } from "./user-error.ts";

/** What to start an article with. */
export interface NewArticleOptions {
  /** Absolute path of the project root. */
  root: string;
  /** The headline; it becomes the title and, as a slug, the file name. */
  headline: string;
  /** Who wrote it (`--byline`); when empty, the editor's git name if it matches an author, else a placeholder. */
  bylines?: readonly string[];
  /** The editor's git `user.name` (the CLI reads it with `gitUserName`); used only when it matches an author file. */
  gitName?: string | undefined;
  tags?: readonly string[];
  /** An article type from the config (`analysis`, `opinion` …); default: none, which means news. */
  type?: string | undefined;
  /** The current time, ms since the epoch (tests pass a fixed clock); default: now. */
  now?: number;
}

/** The article file that was created. */
export interface NewArticle {
  /** Project path of the new file, e.g. `content/articles/2026/council-approves-flood-wall.md`. */
  file: string;
  /** The address it will have once published (from its date and file name). */
  url: string;
  /** The `date` written in the file: now, in the site's time zone. */
  date: string;
  /** Required fields the editor still has to fill in (`byline` when the placeholder was written). */
  toFill: string[];
  /** The byline written (the placeholder when nobody was known). */
  bylines: string[];
  /** Where the byline came from. */
  bylineSource: BylineSource;
}

/** The parts of a new article's front matter that depend on the command line and the clock. */
export interface ArticleTemplateFields {
  title: string;
  /** `2026-11-24 18:40`, site time. */
  date: string;
  timeZone: string;
  slug: string;
  bylines: readonly string[];
  tags: readonly string[];
  type?: string | undefined;
}

/** A file name is never reused: `-2`, `-3` … are tried, up to this many. */
const MAX_SUFFIX = 99;

/**
 * Start an article: `content/articles/<year>/<slug>.md` with today's date and time in the site's
 * time zone and every front-matter field, unused ones commented out. It is a draft until the
 * editor deletes `draft: true`. An existing file is never overwritten: the slug gets `-2`, `-3` …
 * Returns the config's problems instead when the config is broken; throws `UserError` for a
 * missing headline or an unknown type.
 */
export function createArticle(options: NewArticleOptions): { ok: true; article: NewArticle } | { ok: false; diagnostics: Diagnostic[] } {
  const loaded = loadConfig(options.root);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const config = loaded.config;
  const title = options.headline.replace(/\s+/g, " ").trim();
  if (title === "") throw new UserError('Give the headline in quotes, e.g. npm run new -- "Council approves flood wall".');
  const type = checkType(options.type, config);
  const moment = DateTime.fromMillis(options.now ?? Date.now(), { zone: config.timeZone });
  const date = moment.toFormat("yyyy-MM-dd HH:mm");
  const folder = path.posix.join("content", "articles", moment.toFormat("yyyy"));
  mkdirSync(path.join(options.root, folder), { recursive: true });

  const base = articleSlug(title);
  const byline = chooseByline({ given: cleanList(options.bylines), gitName: options.gitName, authors: loadAuthorNames(options.root) });
  const bylines = byline.bylines;
  for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    const file = path.posix.join(folder, `${slug}.md`);
    const text = articleTemplate({ title, date, timeZone: config.timeZone, slug, bylines, tags: cleanList(options.tags), type });
    try {
      // `wx` fails if the file exists, even if it appeared a moment ago: nothing is ever overwritten.
      writeFileSync(path.join(options.root, file), text, { flag: "wx" });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw cause;
    }
    const url = articlePath({ year: moment.toFormat("yyyy"), month: moment.toFormat("MM"), day: moment.toFormat("dd") }, slug);
    return { ok: true, article: { file, url, date, toFill: byline.source === "placeholder" ? ["byline"] : [], bylines, bylineSource: byline.source } };
  }
  throw new UserError(`${folder}/${base}.md and ${MAX_SUFFIX - 1} numbered copies already exist; choose another headline.`);
}

/**
 * The slug a headline gives, by the site's own slug rules (so the file name is the article's
 * address), cut at a word boundary to keep addresses readable.
 */
export function articleSlug(headline: string, maxLength = 60): string {
  const slug = toSlug(headline) || "article";
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength);
}

/** The text of a new article: every field, with a note on each; the ones not given commented out. */
export function articleTemplate(fields: ArticleTemplateFields): string {
  const day = fields.date.slice(0, 10);
  const nextYear = DateTime.fromISO(day, { zone: "UTC" }).plus({ years: 1 }).toISODate() ?? day;
  const byline =
    fields.bylines.length === 0 ? "byline:" : `byline: ${yamlValue(fields.bylines.length === 1 ? fields.bylines[0] : fields.bylines)}`;
  const placeholder = fields.bylines.includes(BYLINE_PLACEHOLDER);
  const tags = fields.tags.length === 0 ? "# tags: [Council, Housing]" : `tags: ${yamlValue(fields.tags)}`;
  const type = fields.type === undefined ? "# type: analysis" : `type: ${yamlValue(fields.type)}`;
  return `---
# The fields between the two --- lines describe the article. A line starting with # is a note
# and is ignored: delete the # (and the space after it) to use a field. Guide: docs/editors.md

# The headline, as plain text.
title: ${yamlValue(fields.title)}
# First publication, in the site's time zone (${fields.timeZone}). Set it to when the article
# goes live; a time in the future schedules it, and it goes live on its own.
date: ${fields.date}
# Who wrote it: one name, or a list such as [Priya Raman, Owen Halloran].${placeholder ? `\n# Replace ${BYLINE_PLACEHOLDER} with the writer's name: the preview flags it until you do.` : ""}
${byline}
# A draft is never published. Delete this line when the article is ready.
draft: true

# The standfirst under the headline. Without it, the first paragraph is used.
# summary: One or two sentences that say what happened.
# Topics. Capital letters do not matter: Housing and housing are the same topic.
${tags}
# The kind of article: news (the default), analysis, opinion … (the list is in ${CONFIG_FILE}).
${type}
# What the story rests on, shown as a Sources block: documents, reports, interviews.
# sources:
#   - name: Council planning committee minutes
#     url: https://example.org/minutes
#     note: Item 7
#   - Interview with the council leader
# The lead image: its file, relative to this one, and what it shows, for people who cannot see it.
# image:
#   src: images/photo.jpg
#   alt: What the picture shows
#   caption: A sentence about the picture.
#   credit: Who took it
# The last substantive update, not before date; shown as "Updated".
# updated: ${fields.date}
# Corrections, shown at the end of the article with their date.
# corrections:
#   - date: ${fields.date}
#     text: An earlier version of this article gave the wrong date for the meeting.
# false leaves the donation block off this article.
# donate: false
# The last part of the address; the file name unless you set it.
# slug: ${fields.slug}
# After this date the article leaves the lists and feeds; its page stays.
# expires: ${nextYear}
# The section it is filed in, one of \`sections\` in tidings.config.yml; without it, its tags choose.
# section: News
# ::update{time="2026-12-01 08:50" title="Rest centre opens"} lines start a live page's
# updates, the newest at the top (see the guide). true makes this article a live page.
# live: true
# On a live page, when coverage closed; leave it out while it is live.
# ended: ${nextYear}
# The series it is a part of: the name of a file in content/series/.
# series: flood-inquiry
# Its number in the series; without it, parts are ordered by date.
# part: 1
# For a translation: another of the site's \`languages\` (tidings.config.yml). A file named like
# ${fields.slug}.cy.md beside ${fields.slug}.md says both of these already.
# language: cy
# A name shared by the original and its translations.
# translationKey: ${fields.slug}
# Where the reporting was done, printed before the story as newspapers do (MILLBROOK —).
# dateline: Millbrook
# How we reported this: plain text shown in a box after the story (a blank line starts a paragraph).
# methods: We read the council's budget papers and asked each cabinet member about them.
---

<!-- Write the story below. A line starting with ## is a subhead. Guide: docs/editors.md -->
`;
}

function checkType(type: string | undefined, config: SiteConfig): string | undefined {
  if (type === undefined) return undefined;
  const types = Object.keys(config.types);
  const key = type.trim().toLowerCase();
  if (types.includes(key)) return key;
  const suggestion = closestMatch(key, types);
  throw new UserError(
    `"${type}" is not an article type${suggestion ? ` (did you mean "${suggestion}"?)` : ""}. The types are: ${types.join(", ")} (set in ${CONFIG_FILE}).`,
  );
}

/** Values given on the command line, split at commas: `--tags "Council, Housing"`, `--byline "A, B"`. */
function cleanList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** A YAML value on one line, quoted only when it must be (`Council: yes` → `"Council: yes"`). */
function yamlValue(value: unknown): string {
  return stringify(value, {
    collectionStyle: "flow",
    flowCollectionPadding: false,
    lineWidth: 0,
    defaultStringType: "PLAIN",
    defaultKeyType: "PLAIN",
  }).trimEnd();
}
