import type { ContentDate } from "../content/dates.ts";
import type { ArticleFrontMatter } from "../content/schemas.ts";
import { matchKey } from "../core/slugs.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { AskView } from "../donation/ask-view.ts";
import { chooseVariant } from "../donation/choose-variant.ts";
import { buildLiveCoverage, type LiveCoverageResult } from "../live/live-coverage.ts";
import { ageNotice } from "../model/age-notice.ts";
import { articleAddress, entrySlug } from "../model/content-addresses.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import { DEFAULT_TYPE } from "../model/kicker.ts";
import { bodyWithDateline } from "../model/dateline.ts";
import { escapeHtml } from "../model/lede.ts";
import { withoutLede } from "../model/body-html.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import type { Article, Author, Source } from "../model/types.ts";
import type { AddressClaim } from "./addresses.ts";
import { toByline } from "./authors.ts";
import { toDateInfo } from "./date-info.ts";
import { newestFirst } from "./pagination.ts";
import { chooseSection } from "./sections.ts";
import { checkBodyImages, checkLeadImage, firstLocalImage, resolveLeadImage, type ImageUses } from "./site-images.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";

/** Reading speed used for reading time, in words per minute. */
const WORDS_PER_MINUTE = 230;

/** What every article is built with besides its own file. */
export interface ArticleContext {
  input: SiteInput;
  /** The build's reference time on the site's calendar, for age notices and the asks' rules. */
  now: ContentDate;
  /** Authors by every name and alias bylines may use (see buildAuthors). */
  authorsByName: ReadonlyMap<string, Author>;
  /** Every ask, built once and shared: an article's view holds the one its variant's rules choose. */
  asks: ReadonlyMap<string, AskView>;
  /** Where each article's lead image is recorded for publishing. */
  images: ImageUses;
}

/** The articles that get a page, newest first, and the entries that do not yet (drafts, scheduled), whose problems are reported all the same. */
export interface BuiltArticles {
  articles: Article[];
  /** The entries of the articles with a page, in file order. */
  visible: RenderedEntry<ArticleFrontMatter>[];
  /** Entries without a page in this build: drafts and scheduled articles. */
  unpublished: RenderedEntry<ArticleFrontMatter>[];
  /** The address each article claims, in file order. */
  claims: AddressClaim[];
  diagnostics: Diagnostic[];
}

/**
 * Every article of the input as the model holds it: its address, section, dates, bylines, tags
 * (shared spellings come later, from buildTags), live coverage, ask and lead image. Drafts and
 * scheduled articles get no page in production, but their live updates and pictures are checked
 * now: a scheduled article must not break the rebuild that makes it go live.
 */
export function buildArticles(context: ArticleContext): BuiltArticles {
  const { input } = context;
  const diagnostics: Diagnostic[] = [];
  const visible = input.articles.filter((entry) => isVisible(entry.frontMatter, input));
  const shown = new Set(visible);
  const unpublished = input.articles.filter((entry) => !shown.has(entry));
  for (const entry of unpublished) {
    diagnostics.push(...liveCoverage(entry, input).diagnostics, ...checkLeadImage(entry, input), ...checkBodyImages(entry, input));
  }
  const articles: Article[] = [];
  const claims: AddressClaim[] = [];
  for (const entry of visible) {
    const article = toArticle(entry, context, diagnostics);
    const chosen = chooseSection(
      { file: entry.file, section: entry.frontMatter.section, line: entry.lines.get("section"), tags: entry.frontMatter.tags ?? [] },
      input.config,
    );
    if (chosen.section !== undefined) article.section = chosen.section;
    if (chosen.diagnostic !== undefined) diagnostics.push(chosen.diagnostic);
    claims.push({ sitePath: article.url, file: article.file, line: entry.lines.get("slug") });
    articles.push(article);
  }
  articles.sort(newestFirst);
  return { articles, visible, unpublished, claims, diagnostics };
}

function isVisible(frontMatter: ArticleFrontMatter, input: SiteInput): boolean {
  if (input.mode === "preview") return true;
  return frontMatter.draft !== true && frontMatter.date.epochMs <= input.now;
}

function toArticle(entry: RenderedEntry<ArticleFrontMatter>, context: ArticleContext, diagnostics: Diagnostic[]): Article {
  const { input, now, authorsByName, asks, images } = context;
  const { config } = input;
  const fm = entry.frontMatter;
  const slug = entrySlug(entry);
  if (slug === "") {
    diagnostics.push(
      error("site/empty-slug", entry.file, "the file name gives no usable address for this article", {
        fix: "Rename the file with letters or digits (e.g. flood-wall.md), or add a `slug` field.",
      }),
    );
  }
  const typeKey = fm.type ?? DEFAULT_TYPE;
  // Without a `summary`, the body's opening paragraph becomes the standfirst rather than appearing twice.
  const split: Pick<Article, "body" | "standfirst"> =
    fm.summary === undefined ? { body: withoutLede(entry.html), standfirst: entry.html.lede ?? "" } : { body: entry.html, standfirst: escapeHtml(fm.summary) };
  // Where the reporting was done opens the story, in the words of the article's language ("MILLBROOK —").
  const { body, standfirst } =
    fm.dateline === undefined ? split : bodyWithDateline(split, input.messages.text("article.dateline", { place: fm.dateline }));
  const tagNames = dedupeByKey(fm.tags ?? []);
  const excludedTags = new Set(config.donation.exclude.tags.map(matchKey));
  const showDonation =
    config.donation.enabled &&
    fm.donate !== false &&
    !config.donation.exclude.types.includes(typeKey) &&
    !tagNames.some((name) => excludedTags.has(matchKey(name)));
  const article: Article = {
    kind: "article",
    file: entry.file,
    slug,
    url: inLanguage(input.language?.base ?? "/", articleAddress(entry)),
    title: fm.title,
    language: fm.language ?? config.language,
    summary: fm.summary ?? entry.firstParagraph,
    standfirst,
    type: { key: typeKey, label: config.types[typeKey] ?? typeKey },
    date: toDateInfo(fm.date, config),
    bylines: fm.byline.map((name) => toByline(name, authorsByName)),
    sources: (fm.sources ?? []).map(toSource),
    // Filled in by buildTags once every spelling of every tag is known.
    tags: tagNames.map((name) => ({ name, slug: "", url: "" })),
    corrections: (fm.corrections ?? [])
      .map((correction) => ({ date: toDateInfo(correction.date, config), text: correction.text }))
      .sort((a, b) => b.date.epochMs - a.date.epochMs),
    draft: fm.draft === true,
    scheduled: fm.date.epochMs > input.now,
    // The preview lists drafts and scheduled articles where they will appear; production never does.
    listed:
      (input.mode === "preview" || (fm.draft !== true && fm.date.epochMs <= input.now)) &&
      (fm.expires === undefined || fm.expires.epochMs > input.now),
    showDonation,
    body,
    wordCount: entry.wordCount,
    readingMinutes: Math.max(1, Math.round(entry.wordCount / WORDS_PER_MINUTE)),
    // Filled in by findRelated once every article is known.
    related: [],
  };
  const notice = config.ageNotice.enabled ? ageNotice(fm.date, now, config.ageNotice.days, input.messages) : undefined;
  if (notice !== undefined) article.ageNotice = notice;
  const live = liveCoverage(entry, input);
  diagnostics.push(...live.diagnostics);
  if (live.coverage !== undefined) article.live = live.coverage;
  if (showDonation) {
    const variant = chooseVariant(config.donation.variants, {
      tags: tagNames,
      type: typeKey,
      today: now.iso.slice(0, 10),
      live: article.live !== undefined,
    });
    const ask = asks.get(variant?.name ?? "default");
    if (ask) article.ask = ask;
  }
  // A live page last changed with its newest update, when that is later than `updated`: feeds, sitemaps and `dateModified` say so.
  const updated =
    live.newest !== undefined && (fm.updated === undefined || live.newest.epochMs > fm.updated.epochMs) ? live.newest : fm.updated;
  if (updated) article.updated = toDateInfo(updated, config);
  if (fm.expires) article.expires = toDateInfo(fm.expires, config);
  if (fm.dateline !== undefined) article.dateline = fm.dateline;
  // Plain text, as corrections and sources are: a blank line starts a new paragraph.
  if (fm.methods !== undefined) article.methods = fm.methods.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, " ").trim()).filter((paragraph) => paragraph !== "");
  if (fm.image) {
    const lead = resolveLeadImage(fm.image, entry, input, images);
    diagnostics.push(...lead.diagnostics);
    if (lead.image) article.image = lead.image;
  } else {
    const first = firstLocalImage(entry, input);
    if (first !== undefined) article.firstBodyImage = first;
  }
  return article;
}

/** A file's live coverage (src/live/): for a live page, or the problems of `::update` lines elsewhere. */
function liveCoverage(entry: RenderedEntry<ArticleFrontMatter>, input: SiteInput): LiveCoverageResult {
  const fm = entry.frontMatter;
  if (fm.live !== true && (entry.updates ?? []).length === 0) return { diagnostics: [] };
  return buildLiveCoverage({
    file: entry.file,
    live: fm.live === true,
    date: fm.date,
    ended: fm.ended,
    endedLine: entry.lines.get("ended"),
    updates: entry.updates ?? [],
    takenIds: [...entry.ids, ...PAGE_IDS],
    now: input.now,
    mode: input.mode,
    timeZone: input.config.timeZone,
    toDateInfo: (date) => toDateInfo(date, input.config),
  });
}

function toSource(source: { name: string; url?: string | undefined; note?: string | undefined }): Source {
  const result: Source = { name: source.name };
  if (source.url !== undefined) result.url = source.url;
  if (source.note !== undefined) result.note = source.note;
  return result;
}

function dedupeByKey(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = matchKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
