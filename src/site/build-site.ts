import { articleKicker, DEFAULT_TYPE, shownTypeLabel } from "../model/kicker.ts";
import path from "node:path";
import { type SiteConfig } from "../config/config.ts";
import { CONFIG_FILE } from "../content/config-file.ts";
import { calendarParts, formatDate, toContentDate, type ContentDate } from "../content/dates.ts";
import { isHttpUrl, type ArticleFrontMatter, type AuthorFrontMatter, type PageFrontMatter } from "../content/schemas.ts";
import { compareText, error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { lineOf } from "../content/yaml-document.ts";
import { buildAsks, type AskView } from "../donation/ask-view.ts";
import { CAMPAIGN_FILE, type Campaign } from "../donation/campaign.ts";
import { resolveFront, type Front, type FrontContext, type ParsedFront } from "../fronts/fronts.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";
import { buildSections, chooseSection } from "./sections.ts";
import { chooseVariant } from "../donation/choose-variant.ts";
import { ageNotice } from "../model/age-notice.ts";
import { buildFeeds } from "./feeds.ts";
import { escapeHtml, splitLede } from "../model/lede.ts";
import { isPublicFile } from "./public-files.ts";
import { articleAddress, entrySlug } from "../model/content-addresses.ts";
import { resolveMedia, type MediaFile } from "../model/media-files.ts";
import { listOutputFiles } from "./syndication-list.ts";
import { findRelated } from "./related.ts";
import { matchKey, toSlug } from "../core/slugs.ts";
import { stableUntil } from "./stable-until.ts";
import { toArticleLink } from "../model/article-link.ts";
import { buildSeries, type SeriesMember } from "../series/series.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import { buildLiveCoverage, updateInstants, type LiveCoverageResult } from "../live/live-coverage.ts";
import type { Article, ArticleLink, Author, CorrectionEntry, AuthorListPage, Byline, BylineAuthor, BuildMode, DateInfo, Image, ImageReference, ImageUse, DaySpan, ListPage, Page, Source, Tag, TagListPage, Section, SectionListPage } from "../model/types.ts";
import type { Site } from "./site.ts";
import { authorPath, feedPath, isSafeSitePath, listPagePath, pagePath, tagPath } from "../model/urls.ts";

/** Top-level path segments that Tidings itself uses, which no standalone page may take. */
export const RESERVED_SEGMENTS = new Set(["tags", "authors", "page", "media", "assets", "search", "corrections", "feeds", "404", "latest", "series"]);

/** Where the newest-first list lives when the home page is a curated front. */
export const LATEST_PATH = "/latest/";

/** Reading speed used for reading time, in words per minute. */
const WORDS_PER_MINUTE = 230;

/**
 * Build the Site model: URLs, tags, authors, pagination and every cross-file check, as a pure
 * function of the input; with the first instant at which the same input at a later `now` could
 * give another model (see stableUntil: each comparison with `now` here must be known to it).
 */
export function buildSite(input: SiteInput): { site: Site; diagnostics: Diagnostic[]; stableUntil: number } {
  const { config } = input;
  const diagnostics: Diagnostic[] = [];
  const claimedPaths = new Map<string, string>();
  const claim = (sitePath: string, file: string, line?: number) => {
    const previous = claimedPaths.get(sitePath);
    if (previous !== undefined && previous !== file) {
      diagnostics.push(
        error("site/url-collision", file, `this would be published at ${sitePath}, the same address as ${previous}`, {
          line,
          fix: "Give one of the two a different `slug` (or rename its file).",
        }),
      );
    } else if (!isSafeSitePath(sitePath)) {
      diagnostics.push(
        error("site/unsafe-url", file, `the address ${sitePath} is not allowed`, {
          line,
          fix: "Use a slug made of lowercase letters, digits and hyphens.",
        }),
      );
    } else {
      claimedPaths.set(sitePath, file);
    }
  };

  const authors = buildAuthors(input, diagnostics);
  const authorsByName = indexAuthorsByName(input.authors, authors, diagnostics);
  const visible = input.articles.filter((entry) => isVisible(entry.frontMatter, input));
  // Drafts and scheduled articles are not published yet, but their images must exist by the time
  // they are: a scheduled article must not break the rebuild that makes it go live.
  const shown = new Set(visible);
  for (const entry of input.articles.filter((entry) => !shown.has(entry))) {
    diagnostics.push(...liveCoverage(entry, input).diagnostics);
    if (entry.frontMatter.image)
      checkMedia(entry, entry.frontMatter.image.src, lineOf(entry.lines, ["image", "src"]), input, diagnostics, "image.src");
    collectBodyImages(entry, input, diagnostics, new Map());
  }
  const images = new Map<string, ImageReference>();
  const articles: Article[] = [];
  // The build's reference time on the site's calendar, for age notices.
  const now = toContentDate(input.now, config.timeZone, true);
  // Every ask is built once and shared: a page's view holds the one it shows (and so its key).
  const asks = buildAsks(config, input.campaign, input.now);
  if (input.campaign !== undefined && config.donation.currency === undefined) {
    diagnostics.push(
      error("campaign/currency", CAMPAIGN_FILE, "the campaign's goal and total need a currency, and `donation.currency` is not set", {
        fix: `Add \`currency: GBP\` (or your currency's code) under \`donation\` in ${CONFIG_FILE}.`,
      }),
    );
  }
  for (const entry of visible) {
    const article = toArticle(entry, input, now, authorsByName, diagnostics, images, asks);
    const chosen = chooseSection(
      { file: entry.file, section: entry.frontMatter.section, line: entry.lines.get("section"), tags: entry.frontMatter.tags ?? [] },
      config,
    );
    if (chosen.section !== undefined) article.section = chosen.section;
    if (chosen.diagnostic !== undefined) diagnostics.push(chosen.diagnostic);
    claim(article.url, article.file, entry.lines.get("slug"));
    articles.push(article);
  }
  articles.sort(newestFirst);
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const members = input.articles.flatMap((entry): SeriesMember[] => {
    const fm = entry.frontMatter;
    if (fm.series === undefined) return [];
    return [{ file: entry.file, series: fm.series, part: fm.part, seriesLine: entry.lines.get("series"), partLine: entry.lines.get("part"), date: fm.date.epochMs, article: byFile.get(entry.file) }];
  });
  const builtSeries = buildSeries(input.series ?? [], members);
  diagnostics.push(...builtSeries.diagnostics);
  for (const series of builtSeries.series) claim(series.url, series.file);
  const listed = articles.filter((article) => article.listed);
  const syndicated = listed.filter((article) => !article.draft && !article.scheduled);

  const tags = buildTags(listed, articles);
  // After buildTags, so articles carry the shared tag slugs the index is keyed on.
  const related = findRelated(articles, syndicated, newestFirst);
  for (const article of articles) {
    article.related = (related.get(article) ?? []).map(toArticleLink);
    // Once its series, section and topics are known.
    const kicker = articleKicker(article);
    if (kicker !== undefined) article.kicker = kicker;
    const typeLabel = shownTypeLabel(article);
    if (typeLabel !== undefined) article.typeLabel = typeLabel;
  }
  for (const author of authors) {
    claim(author.url, author.file);
    author.articles = listed.filter((article) => article.bylines.some((byline) => byline.author?.slug === author.slug));
  }

  const pages: Page[] = [];
  const publishedPages = input.pages.filter((entry) => input.mode === "preview" || entry.frontMatter.draft !== true);
  for (const entry of publishedPages) {
    const page = toPage(entry, config, asks);
    if (RESERVED_SEGMENTS.has(page.slug) || /^\d{4}$/.test(page.slug)) {
      diagnostics.push(
        error("site/reserved-slug", page.file, `the address /${page.slug}/ is used by the site itself`, {
          line: entry.lines.get("slug"),
          fix: "Give the page another `slug` (or rename its file).",
        }),
      );
    } else {
      claim(page.url, page.file, entry.lines.get("slug"));
    }
    pages.push(page);
  }
  pages.sort((a, b) => compareText(a.slug, b.slug));

  const perPage = config.articlesPerPage;
  const sections = buildSections(config, listed);
  for (const section of sections) {
    if (RESERVED_SEGMENTS.has(section.slug) || /^\d{4}$/.test(section.slug)) {
      diagnostics.push(
        error("config/sections", CONFIG_FILE, `the section address ${section.url} is used by the site itself`, {
          field: "sections",
          fix: "Give the section another `slug`.",
        }),
      );
    } else {
      claim(section.url, CONFIG_FILE);
    }
  }
  const frontContext: FrontContext = {
    articles,
    listed,
    unpublished: new Map(
      input.articles
        .filter((entry) => !shown.has(entry))
        .map((entry) => [entry.file, entry.frontMatter.draft === true ? "a draft" : "scheduled for later"] as const),
    ),
    tags: new Set(tags.map((tag) => tag.name.toLowerCase())),
    types: new Set(Object.keys(config.types)),
    sections: new Set(sections.map((section) => section.slug)),
    siteUrl: config.url,
  };
  const fronts: Front[] = [];
  const addFront = (parsed: ParsedFront, url: string, section?: Section) => {
    const resolved = resolveFront(parsed, url, frontContext);
    if (section !== undefined) {
      resolved.front.section = { name: section.name, url: section.url, feed: section.feed };
      if (section.description !== undefined) resolved.front.section.description = section.description;
    }
    fronts.push(resolved.front);
    diagnostics.push(...resolved.diagnostics);
  };
  // A curated page moves its chronological list to latest/ beneath it, with the same stable pagination.
  const homePages = paginate(listed, perPage, input.homeFront === undefined ? "/" : LATEST_PATH);
  if (input.homeFront !== undefined) addFront(input.homeFront, "/");
  const sectionPages: SectionListPage[] = [];
  for (const section of sections) {
    const parsed = input.sectionFronts?.get(section.slug);
    if (parsed !== undefined) addFront(parsed, section.url, section);
    const base = parsed === undefined ? section.url : `${section.url}latest/`;
    for (const page of paginate(section.articles, perPage, base)) sectionPages.push({ ...page, section });
  }
  const tagPages: TagListPage[] = tags.flatMap((tag) => paginate(tag.articles, perPage, tag.url).map((page) => ({ ...page, tag })));
  const authorPages: AuthorListPage[] = authors.flatMap((author) =>
    paginate(author.articles, perPage, author.url).map((page) => ({ ...page, author })),
  );

  for (const entry of [...visible, ...publishedPages, ...input.authors]) collectBodyImages(entry, input, diagnostics, images);
  // Draft pages' images are checked like draft articles', but not published.
  const published = new Set(publishedPages);
  for (const entry of input.pages.filter((entry) => !published.has(entry))) collectBodyImages(entry, input, diagnostics, new Map());
  const imageReferences = [...images.values()].sort((a, b) => compareText(a.url, b.url));
  // Until src/media/ has processed them, images are published as they are.
  const assets = imageReferences.map((image) => ({ from: image.sourcePath, to: image.url }));
  const feeds = buildFeeds({ config, syndicated, sections, tags, authors });
  checkLogo(input, diagnostics);
  const model: Omit<Site, "outputFiles"> = {
    config,
    mode: input.mode,
    now: input.now,
    articles,
    listed,
    syndicated,
    tags,
    authors,
    pages,
    homePages,
    fronts,
    sections,
    sectionPages,
    series: builtSeries.series,
    tagPages,
    authorPages,
    corrections: listCorrections(articles),
    feed: feeds.site,
    feeds: feeds.all,
    assets,
    images: imageReferences,
  };
  const site: Site = { ...model, outputFiles: listOutputFiles(model) };
  const until = stableUntil({
    now: input.now,
    timeZone: config.timeZone,
    articles: input.articles.map((entry) => ({ ...entry.frontMatter, updates: updateInstants(entry.updates ?? [], config.timeZone) })),
    ageNoticeDays: config.ageNotice.enabled ? config.ageNotice.days : undefined,
    emptyFeed: feeds.all.some((feed) => feed.items.length === 0),
  });
  return { site, diagnostics, stableUntil: until };
}

/** Every correction on the given articles, newest first (same-day corrections by article, newest first). */
export function listCorrections(articles: readonly Article[]): CorrectionEntry[] {
  const entries: { entry: CorrectionEntry; article: Article }[] = [];
  for (const article of articles) {
    const link = toArticleLink(article);
    for (const correction of article.corrections) entries.push({ entry: { ...correction, article: link }, article });
  }
  return entries
    .sort(
      (a, b) => b.entry.date.epochMs - a.entry.date.epochMs || newestFirst(a.article, b.article) || compareText(a.entry.text, b.entry.text),
    )
    .map(({ entry }) => entry);
}

/** Newest first; same-moment articles by title then URL so the order never depends on file-system order. */
export function newestFirst(a: Article, b: Article): number {
  return b.date.epochMs - a.date.epochMs || compareText(a.title, b.title) || compareText(a.url, b.url);
}

/**
 * Paginate a newest-first list: a front page at `base` with the newest `size` items and, when
 * there are more, archive blocks of `size` counted from the oldest end at `base + page/N/` (block
 * 1 holds the oldest). The front page's "older" link goes to the block holding the newest article
 * it does not show. Only the front page, the newest block and at most one neighbour's link change
 * when an article is added, so an incremental build leaves the rest of the archive alone.
 */
export function paginate(items: readonly Article[], size: number, base: string): ListPage[] {
  const front: ListPage = { url: base, number: 0, items: items.slice(0, size) };
  if (items.length <= size) return [front];
  const count = items.length;
  // The block holding the newest article that is not on the front page. The blocks after it
  // would hold only front-page articles, so they are not published until their articles leave
  // the front page, and this one leaves out the ones still there: a reader going older never
  // sees an article twice, and every older block is full and never changes again.
  const firstOlder = Math.floor((count - 1 - size) / size) + 1;
  front.next = listPagePath(base, firstOlder);
  const pages: ListPage[] = [front];
  for (let number = firstOlder; number >= 1; number--) {
    const page: ListPage = {
      url: listPagePath(base, number),
      number,
      items: items.slice(Math.max(number === firstOlder ? size : 0, count - number * size), count - (number - 1) * size),
      previous: number === firstOlder ? base : listPagePath(base, number + 1),
      newest: base,
    };
    if (number > 1) page.next = listPagePath(base, number - 1);
    pages.push(page);
  }
  // Each page's older neighbour is the next one down; its link names that page's days.
  pages.forEach((page, index) => {
    const older = pages[index + 1];
    if (older !== undefined) page.olderDays = daySpan(older.items);
  });
  return pages;
}

function daySpan(items: readonly Article[]): DaySpan {
  return { oldest: items.at(-1)?.date.day ?? "", newest: items[0]?.date.day ?? "" };
}

/** Format a ContentDate for the templates in the site's time zone and language. */
export function toDateInfo(date: ContentDate, config: SiteConfig): DateInfo {
  const { year, month, day } = calendarParts(date);
  return {
    epochMs: date.epochMs,
    iso: date.iso,
    machine: date.hasTime ? date.iso : `${year}-${month}-${day}`,
    day: formatDate(date.epochMs, config.timeZone, config.language, config.dateFormat),
    time: date.hasTime ? formatDate(date.epochMs, config.timeZone, config.language, config.timeFormat) : "",
  };
}

function isVisible(frontMatter: ArticleFrontMatter, input: SiteInput): boolean {
  if (input.mode === "preview") return true;
  return frontMatter.draft !== true && frontMatter.date.epochMs <= input.now;
}

function toArticle(
  entry: RenderedEntry<ArticleFrontMatter>,
  input: SiteInput,
  now: ContentDate,
  authorsByName: ReadonlyMap<string, Author>,
  diagnostics: Diagnostic[],
  images: Map<string, ImageReference>,
  asks: ReadonlyMap<string, AskView>,
): Article {
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
  const lede = fm.summary === undefined ? splitLede(entry.html[0]) : undefined;
  const body: Article["body"] = lede ? (entry.html.length === 2 ? [lede.rest, entry.html[1]] : [lede.rest]) : entry.html;
  const standfirst = fm.summary !== undefined ? escapeHtml(fm.summary) : (lede?.lede ?? "");
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
    url: articleAddress(entry),
    title: fm.title,
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
  const notice = config.ageNotice.enabled ? ageNotice(fm.date, now, config.ageNotice.days) : undefined;
  if (notice !== undefined) article.ageNotice = notice;
  const live = liveCoverage(entry, input);
  diagnostics.push(...live.diagnostics);
  if (live.coverage !== undefined) article.live = live.coverage;
  if (showDonation) {
    const variant = chooseVariant(config.donation.variants, { tags: tagNames, type: typeKey, today: now.iso.slice(0, 10), live: article.live !== undefined });
    const ask = asks.get(variant?.name ?? "default");
    if (ask) article.ask = ask;
  }
  // A live page last changed with its newest update, when that is later than `updated`: feeds, sitemaps and `dateModified` say so.
  const updated = live.newest !== undefined && (fm.updated === undefined || live.newest.epochMs > fm.updated.epochMs) ? live.newest : fm.updated;
  if (updated) article.updated = toDateInfo(updated, config);
  if (fm.expires) article.expires = toDateInfo(fm.expires, config);
  if (fm.image) {
    const image = resolveImage(fm.image, entry, input, diagnostics, images);
    if (image) article.image = image;
  } else {
    const first = firstLocalImage(entry, input);
    if (first !== undefined) article.firstBodyImage = first;
  }
  return article;
}

/** The source file of an entry's first body image that is a file in the content folder (problems with the others are reported by collectBodyImages). */
function firstLocalImage(entry: RenderedEntry<unknown>, input: SiteInput): string | undefined {
  for (const image of entry.images) {
    const media = resolveMedia(entry.file, image.src);
    if (media === undefined || media === "outside") continue;
    const sourcePath = path.join(input.root, media.source);
    if (input.fileExists(sourcePath)) return sourcePath;
  }
  return undefined;
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

function resolveImage(
  image: NonNullable<ArticleFrontMatter["image"]>,
  entry: RenderedEntry<ArticleFrontMatter>,
  input: SiteInput,
  diagnostics: Diagnostic[],
  images: Map<string, ImageReference>,
): Image | undefined {
  const resolved: Image = { url: image.src, alt: image.alt };
  if (image.caption !== undefined) resolved.caption = image.caption;
  if (image.credit !== undefined) resolved.credit = image.credit;
  const use = { file: entry.file, line: lineOf(entry.lines, ["image", "src"]), field: "image.src", lead: true };
  const media = checkMedia(entry, image.src, use.line, input, diagnostics, use.field);
  if (media === "missing") return undefined;
  if (media) {
    resolved.url = media.url;
    resolved.sourcePath = path.join(input.root, media.source);
    addImageUse(images, resolved.sourcePath, media.url, use);
  }
  return resolved;
}

/** Record that a content file uses a local image, merging every use of the same file. */
function addImageUse(
  images: Map<string, ImageReference>,
  sourcePath: string,
  url: string,
  use: { file: string; line: number | undefined; field?: string | undefined; lead: boolean },
): void {
  const reference = images.get(sourcePath) ?? { sourcePath, url, uses: [] };
  const recorded: ImageUse = { file: use.file, lead: use.lead };
  if (use.line !== undefined) recorded.line = use.line;
  if (use.field !== undefined) recorded.field = use.field;
  reference.uses.push(recorded);
  images.set(sourcePath, reference);
}

/**
 * Check that a local image a content file refers to exists inside content/ (or, for `/…` paths,
 * in public/), reporting it otherwise. Returns the media file, undefined for remote images and
 * site paths that exist, or "missing" after reporting a problem.
 */
function checkMedia(
  entry: RenderedEntry<unknown>,
  src: string,
  line: number | undefined,
  input: SiteInput,
  diagnostics: Diagnostic[],
  field?: string,
): MediaFile | "missing" | undefined {
  const media = resolveMedia(entry.file, src);
  if (isHttpUrl(src)) {
    diagnostics.push(
      warning(
        "content/image-remote",
        entry.file,
        `the image "${src}" is on another website, so it is shown as it is there: not resized, without a share image, and readers' browsers fetch it from that site`,
        {
          line,
          field,
          fix: "If you may publish it, save the file next to the article (for example in images/) and give its path from there.",
        },
      ),
    );
    return undefined;
  }
  if (media === "outside") {
    diagnostics.push(
      error("content/image-outside", entry.file, `the image "${src}" is outside the content folder`, {
        line,
        field,
        fix: "Put the image next to the article (for example in an images/ folder beside it) and give its path from there.",
      }),
    );
    return "missing";
  }
  const sourcePath = media
    ? path.join(input.root, media.source)
    : src.startsWith("/") && !src.startsWith("//")
      ? path.join(input.root, "public", src)
      : undefined;
  if (sourcePath !== undefined && !input.fileExists(sourcePath)) {
    diagnostics.push(
      error("content/image-missing", entry.file, `the image file "${src}" does not exist`, {
        line,
        field,
        fix: `Check the spelling, or add the file at ${path.relative(input.root, sourcePath).split(path.sep).join("/")}.`,
      }),
    );
    return "missing";
  }
  return media;
}

/** Check every image in an entry's body and record the local ones. */
function collectBodyImages(
  entry: RenderedEntry<unknown>,
  input: SiteInput,
  diagnostics: Diagnostic[],
  images: Map<string, ImageReference>,
): void {
  for (const image of entry.images) {
    const media = checkMedia(entry, image.src, image.line, input, diagnostics, image.field);
    if (media && media !== "missing")
      addImageUse(images, path.join(input.root, media.source), media.url, { file: entry.file, line: image.line, field: image.field, lead: false });
  }
}

function toSource(source: { name: string; url?: string | undefined; note?: string | undefined }): Source {
  const result: Source = { name: source.name };
  if (source.url !== undefined) result.url = source.url;
  if (source.note !== undefined) result.note = source.note;
  return result;
}

// A name that matches an author file (by its name or an alias, in any case) is shown as the file
// names the author, everywhere: "p. raman" and "P. Raman" are Priya Raman on her own page too.
function toByline(name: string, authorsByName: ReadonlyMap<string, Author>): Byline {
  const author = authorsByName.get(matchKey(name));
  if (!author) return { name };
  const ref: BylineAuthor = { slug: author.slug, url: author.url, sameAs: author.links.map((link) => link.url) };
  if (author.role !== undefined) ref.role = author.role;
  return { name: author.name, author: ref };
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

function buildAuthors(input: SiteInput, diagnostics: Diagnostic[]): Author[] {
  const bySlug = new Map<string, Author>();
  for (const entry of input.authors) {
    const fm = entry.frontMatter;
    const slug = entrySlug(entry);
    const existing = bySlug.get(slug);
    if (existing) {
      diagnostics.push(
        error("site/author-collision", entry.file, `this author would have the same page as ${existing.file} (/authors/${slug}/)`, {
          fix: "Give one of the two author files a different `slug` (or rename it).",
        }),
      );
      continue;
    }
    const author: Author = {
      kind: "author",
      file: entry.file,
      slug,
      url: authorPath(slug),
      feed: feedPath(authorPath(slug)),
      name: fm.name,
      links: fm.links ?? [],
      bio: entry.html.join(""),
      articles: [],
    };
    if (fm.role !== undefined) author.role = fm.role;
    if (fm.email !== undefined) author.email = fm.email;
    bySlug.set(slug, author);
  }
  return [...bySlug.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

function indexAuthorsByName(
  entries: readonly RenderedEntry<AuthorFrontMatter>[],
  authors: readonly Author[],
  diagnostics: Diagnostic[],
): Map<string, Author> {
  const byFile = new Map(authors.map((author) => [author.file, author]));
  const byName = new Map<string, Author>();
  for (const entry of entries) {
    const author = byFile.get(entry.file);
    if (!author) continue;
    for (const name of [entry.frontMatter.name, ...(entry.frontMatter.aliases ?? [])]) {
      const key = matchKey(name);
      const other = byName.get(key);
      if (other && other !== author) {
        diagnostics.push(
          error(
            "site/author-name-clash",
            entry.file,
            `the name "${name}" is also used by ${other.file}, so bylines cannot tell them apart`,
            {
              line: lineOf(entry.lines, entry.frontMatter.name === name ? ["name"] : ["aliases"]),
              fix: "Give each author a distinct name or alias (e.g. add a middle initial).",
            },
          ),
        );
        continue;
      }
      byName.set(key, author);
    }
  }
  return byName;
}

function buildTags(listed: readonly Article[], all: readonly Article[]): Tag[] {
  // Group every spelling of each tag, case-insensitively, across all articles with pages.
  const spellings = new Map<string, Map<string, number>>();
  for (const article of all) {
    for (const tag of article.tags) {
      const key = matchKey(tag.name);
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const keys = [...spellings.keys()].sort(compareText);
  const byKey = new Map<string, Tag>();
  const usedSlugs = new Set<string>();
  for (const key of keys) {
    const counts = spellings.get(key) ?? new Map<string, number>();
    // The display name is the most used spelling; ties go to the first in code-point order.
    const name = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0] ?? key;
    const base = toSlug(name) || "tag";
    let slug = base;
    // Two different tags (`C++`, `C#`… or `Covid 19`, `Covid-19`) must never share a page.
    for (let suffix = 2; usedSlugs.has(slug); suffix++) slug = `${base}-${suffix}`;
    usedSlugs.add(slug);
    byKey.set(key, { name, slug, url: tagPath(slug), feed: feedPath(tagPath(slug)), articles: [] });
  }
  for (const article of all) {
    article.tags = article.tags.map((ref) => {
      const tag = byKey.get(matchKey(ref.name));
      return tag ? { name: tag.name, slug: tag.slug, url: tag.url } : ref;
    });
  }
  for (const article of listed) {
    for (const ref of article.tags) byKey.get(matchKey(ref.name))?.articles.push(article);
  }
  // A tag whose articles have all expired keeps its page, so links from those articles still work.
  return [...byKey.values()].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug));
}

/** The publisher logo that structured data and feeds point at must exist in public/. */
function checkLogo(input: SiteInput, diagnostics: Diagnostic[]): void {
  const logo = input.config.logo;
  if (logo === undefined || !logo.startsWith("/")) return;
  if (!isPublicFile(logo, input)) {
    diagnostics.push(
      error("config/logo-missing", CONFIG_FILE, `the logo "${logo}" does not exist in public/`, {
        field: "logo",
        fix: `Add the image at public${logo}, or correct the \`logo\` path.`,
      }),
    );
  }
}

function toPage(entry: RenderedEntry<PageFrontMatter>, config: SiteConfig, asks: ReadonlyMap<string, AskView>): Page {
  const fm = entry.frontMatter;
  const slug = entrySlug(entry);
  const url = pagePath(slug);
  // The donate page shows the tiers and the campaign in full, and never an ask for itself.
  const isDonatePage = config.donation.enabled && url === config.donation.url;
  const page: Page = {
    kind: "page",
    file: entry.file,
    slug,
    url: pagePath(slug),
    title: fm.title,
    summary: fm.summary ?? entry.firstParagraph,
    body: entry.html.join(""),
    draft: fm.draft === true,
    showDonation: config.donation.enabled && fm.donate === true && !isDonatePage,
  };
  const ask = asks.get("default");
  if (ask && isDonatePage) page.donatePage = ask;
  else if (ask && page.showDonation) page.ask = ask;
  return page;
}
