import { CONFIG_FILE } from "../content/config-file.ts";
import { toContentDate } from "../content/dates.ts";
import { compareText, error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { buildAsks } from "../donation/ask-view.ts";
import { checkCampaignCurrency } from "../donation/campaign.ts";
import { updateInstants } from "../live/live-coverage.ts";
import { toArticleLink } from "../model/article-link.ts";
import { articleKicker, shownTypeLabel } from "../model/kicker.ts";
import type { Article, ImageReference } from "../model/types.ts";
import { buildSeries, type SeriesMember } from "../series/series.ts";
import { checkClaims, isReservedSlug, type AddressClaim } from "./addresses.ts";
import { buildArticles } from "./articles.ts";
import { buildAuthors } from "./authors.ts";
import { buildCorrections } from "./corrections.ts";
import { buildFeeds } from "./feeds.ts";
import { buildLists } from "./lists.ts";
import { newestFirst } from "./pagination.ts";
import { buildPages } from "./pages.ts";
import { checkLogo } from "./public-files.ts";
import { configLanguages, languageConfig } from "../config/language-config.ts";
import { inLanguage as inLanguagePart, type SiteLanguage } from "../i18n/site-languages.ts";
import { CORRECTIONS_PATH, pagePath } from "../model/urls.ts";
import { entrySlug } from "../model/content-addresses.ts";
import { checkTranslations, linkTranslations } from "./translations.ts";
import { buildHistoryPages } from "../history/history-pages.ts";
import { toDateInfo } from "./date-info.ts";
import { findRelated } from "./related.ts";
import { buildSections } from "./sections.ts";
import { checkBodyImages, type ImageUses } from "./site-images.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";
import type { Site } from "./site.ts";
import { stableUntil } from "./stable-until.ts";
import { buildTags } from "./tags.ts";
import { listOutputFiles } from "./syndication-list.ts";

/**
 * Build the Site model as a pure function of the input, one stage after another, each returning
 * its value and its problems: authors, articles, series, tags and what each article shows of the
 * others, pages, sections, the lists and fronts, pictures and feeds; then every address claimed
 * is checked at once. With it, the first instant at which the same input at a later `now` could
 * give another model (see stableUntil: each comparison with `now` here must be known to it).
 * The whole-site checks (src/checks/) read the finished model.
 */
export function buildSite(input: SiteInput): { site: Site; diagnostics: Diagnostic[]; stableUntil: number } {
  const languages = configLanguages(input.config);
  if (languages.length === 1) {
    const built = buildLanguage({ ...input, language: languages[0] });
    return { site: built.site, diagnostics: [...built.diagnostics, ...checkClaims(built.claims)], stableUntil: built.stableUntil };
  }
  return mergeLanguages(input, languages, languages.map((language) => buildLanguage(languageInput(input, language))));
}

/** One language's part of the site: what buildSite builds for it, with the addresses it claims (checked across every language at once). */
interface BuiltLanguage {
  site: Site;
  diagnostics: Diagnostic[];
  claims: AddressClaim[];
  stableUntil: number;
}

/**
 * The input of one language's part: its settings and words, its articles and pages; every author
 * (each has a page in every language, listing their stories in it), series file and the campaign.
 * Curated fronts are each language's own (`home.cy.yml`).
 */
function languageInput(input: SiteInput, language: SiteLanguage): SiteInput {
  const main = configLanguages(input.config)[0];
  const inLanguage = (entry: { frontMatter: { language?: string | undefined } }) => (entry.frontMatter.language ?? main?.tag) === language.tag;
  const articles = input.articles.filter(inLanguage);
  const pages = input.pages.filter(inLanguage);
  const part: SiteInput = {
    ...input,
    config: languageConfig(input.config, language, counterparts(input, language, pages)),
    messages: input.messagesByLanguage?.get(language.tag) ?? input.messages,
    language,
    articles,
    pages,
  };
  if (!language.main) {
    // A further language's part has its own fronts (home.cy.yml), or none: its lists are its pages.
    const own = input.languageFronts?.get(language.code);
    part.homeFront = own?.home;
    part.sectionFronts = own?.sections;
  }
  return part;
}

/**
 * The page in a language's part of the site that stands for a main-language one, where it has one:
 * its home page for `/`, its newest stories for `/latest/`, its index pages, sections
 * and standalone pages.
 */
function counterparts(input: SiteInput, language: SiteLanguage, pages: SiteInput["pages"]): (sitePath: string) => string | undefined {
  const at = (sitePath: string) => inLanguagePart(language.base, sitePath);
  const own = [
    "/tags/",
    "/authors/",
    "/search/",
    CORRECTIONS_PATH,
    ...input.config.sections.map((section) => section.url),
    ...pages.filter((entry) => input.mode === "preview" || entry.frontMatter.draft !== true).map((entry) => pagePath(entrySlug(entry))),
  ];
  // Its newest stories are its home page, unless it has a front of its own, which moves them to latest/.
  const latest = input.languageFronts?.get(language.code)?.home === undefined ? language.base : at("/latest/");
  const map = new Map<string, string>([["/", language.base], ["/latest/", latest], ...own.map((sitePath) => [sitePath, at(sitePath)] as const)]);
  return (sitePath) => map.get(sitePath);
}

/**
 * The whole site from its languages' parts: every list holds each part's items, main first; the
 * settings, words and site feed are the main language's; every address is claimed once across
 * them all. A problem found the same in every part (an author file's, the campaign's) is reported once.
 */
function mergeLanguages(
  input: SiteInput,
  languages: readonly SiteLanguage[],
  parts: readonly BuiltLanguage[],
): { site: Site; diagnostics: Diagnostic[]; stableUntil: number } {
  const main = parts[0];
  if (main === undefined) throw new Error("a site has at least its main language");
  const all = <T>(pick: (site: Site) => readonly T[]): T[] => parts.flatMap((part) => pick(part.site));
  // A picture two languages show is published once.
  const pictures = [...new Map(all((site) => site.images).map((image) => [image.url, image])).values()].sort((a, b) => compareText(a.url, b.url));
  const editions = parts.map((part) => part.site);
  const site: Site = {
    ...main.site,
    articles: all((part) => part.articles),
    listed: all((part) => part.listed),
    syndicated: all((part) => part.syndicated),
    tags: all((part) => part.tags),
    authors: all((part) => part.authors),
    pages: all((part) => part.pages),
    homePages: all((part) => part.homePages),
    fronts: all((part) => part.fronts),
    sections: all((part) => part.sections),
    sectionPages: all((part) => part.sectionPages),
    series: all((part) => part.series),
    tagPages: all((part) => part.tagPages),
    authorPages: all((part) => part.authorPages),
    histories: all((part) => part.histories),
    corrections: all((part) => part.corrections),
    correctionPages: all((part) => part.correctionPages),
    feeds: all((part) => part.feeds),
    outputFiles: all((part) => part.outputFiles),
    images: pictures,
    assets: pictures.map((image) => ({ from: image.sourcePath, to: image.url })),
    editions,
  };
  // Translations share a key (resolveEntryLanguages gives every file one).
  const keys = new Map([...input.articles, ...input.pages].map((entry) => [entry.file, entry.frontMatter.translationKey ?? entry.file]));
  const keyOf = (item: { file: string }) => keys.get(item.file) ?? item.file;
  linkTranslations(site.articles, keyOf, (article) => article.language, languages);
  linkTranslations(site.pages, keyOf, (page) => page.language, languages);
  const seen = new Set<string>();
  const diagnostics = [
    ...parts.flatMap((part) => part.diagnostics),
    ...checkTranslations(input.articles, languages, "article"),
    ...checkTranslations(input.pages, languages, "page"),
  ].filter((diagnostic) => {
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const claims = [
    ...parts.flatMap((part) => part.claims),
    // A language's part of the site is its folder: no page of another may take its address.
    ...parts.filter((part) => part.site.language?.main === false).map((part) => ({ sitePath: part.site.language?.base ?? "/", file: CONFIG_FILE })),
  ];
  return {
    site,
    diagnostics: [...diagnostics, ...checkClaims(claims)],
    stableUntil: Math.min(...parts.map((part) => part.stableUntil)),
  };
}

/** Build one language's part of the site (the whole of a site of one language). */
function buildLanguage(input: SiteInput): BuiltLanguage {
  const { config } = input;
  const asks = buildAsks(config, input.messages, input.campaign, input.now);
  const authors = buildAuthors(input);
  const images: ImageUses = new Map();
  const now = toContentDate(input.now, config.timeZone, true);
  const built = buildArticles({ input, now, authorsByName: authors.byName, asks, images });
  const { articles } = built;
  const base = input.language?.base ?? "/";
  const series = buildSeries(input.series ?? [], seriesMembers(input.articles, articles), base);
  const listed = articles.filter((article) => article.listed);
  const syndicated = listed.filter((article) => !article.draft && !article.scheduled);
  const tags = buildTags(listed, articles, base);
  describeArticles(articles, syndicated);
  const byAuthor = articlesByAuthor(listed);
  for (const author of authors.authors) author.articles = byAuthor.get(author.slug) ?? [];
  const pages = buildPages(input, asks);
  const sections = buildSections(config, listed);
  const lists = buildLists({ input, articles, listed, unpublished: built.unpublished, tags, sections, authors: authors.authors });
  const pictures = collectPictures(input, built.visible, pages.published, images);
  const histories = buildHistoryPages(articles, input.records ?? new Map(), (epochMs) => toDateInfo(toContentDate(epochMs, config.timeZone, true), config));
  const feeds = buildFeeds({ config, messages: input.messages, syndicated, sections, tags, authors: authors.authors, base });
  const corrections = buildCorrections({ config, messages: input.messages, articles, syndicated, base });

  const claims: AddressClaim[] = [
    ...built.claims,
    ...articles.flatMap((article) => (article.history === undefined ? [] : [{ sitePath: article.history, file: article.file }])),
    ...series.series.map((item) => ({ sitePath: item.url, file: item.file })),
    ...authors.authors.map((author) => ({ sitePath: author.url, file: author.file })),
    ...pages.claims,
    ...sections.filter((section) => !isReservedSlug(section.slug)).map((section) => ({ sitePath: section.url, file: CONFIG_FILE })),
  ];
  const diagnostics = [
    ...authors.diagnostics,
    ...checkCampaignCurrency(input.campaign, config.donation.currency),
    ...built.diagnostics,
    ...series.diagnostics,
    ...pages.diagnostics,
    ...sections.filter((section) => isReservedSlug(section.slug)).map(reservedSection),
    ...lists.diagnostics,
    ...pictures.diagnostics,
    ...checkLogo(input),
  ];
  const model: Omit<Site, "outputFiles"> = {
    config,
    ...(input.language === undefined ? {} : { language: input.language }),
    messages: input.messages,
    mode: input.mode,
    now: input.now,
    articles,
    listed,
    syndicated,
    tags,
    authors: authors.authors,
    pages: pages.pages,
    homePages: lists.homePages,
    fronts: lists.fronts,
    sections,
    sectionPages: lists.sectionPages,
    series: series.series,
    tagPages: lists.tagPages,
    authorPages: lists.authorPages,
    histories,
    corrections: corrections.entries,
    correctionPages: corrections.pages,
    correctionsFeed: corrections.feed,
    feed: feeds.site,
    feeds: feeds.all,
    // Until src/media/ has processed them, images are published as they are.
    assets: pictures.references.map((image) => ({ from: image.sourcePath, to: image.url })),
    images: pictures.references,
  };
  const site: Site = { ...model, outputFiles: listOutputFiles(model) };
  const until = stableUntil({
    now: input.now,
    timeZone: config.timeZone,
    articles: input.articles.map((entry) => ({ ...entry.frontMatter, updates: updateInstants(entry.updates ?? [], config.timeZone) })),
    ageNoticeDays: config.ageNotice.enabled ? config.ageNotice.days : undefined,
    emptyFeed: feeds.all.some((feed) => feed.items.length === 0),
  });
  return { site, diagnostics, claims, stableUntil: until };
}

/** Every article file that names a series, with its article when it has a page in this build. */
function seriesMembers(entries: SiteInput["articles"], articles: readonly Article[]): SeriesMember[] {
  const byFile = new Map(articles.map((article) => [article.file, article]));
  return entries.flatMap((entry): SeriesMember[] => {
    const fm = entry.frontMatter;
    if (fm.series === undefined) return [];
    return [
      {
        file: entry.file,
        series: fm.series,
        part: fm.part,
        seriesLine: entry.lines.get("series"),
        partLine: entry.lines.get("part"),
        date: fm.date.epochMs,
        article: byFile.get(entry.file),
      },
    ];
  });
}

/** What each article shows of the others, once its series, section and shared tags are known: related stories, its kicker and its type label. */
function describeArticles(articles: readonly Article[], syndicated: readonly Article[]): void {
  const related = findRelated(articles, syndicated, newestFirst);
  for (const article of articles) {
    article.related = (related.get(article) ?? []).map(toArticleLink);
    const kicker = articleKicker(article);
    if (kicker !== undefined) article.kicker = kicker;
    const typeLabel = shownTypeLabel(article);
    if (typeLabel !== undefined) article.typeLabel = typeLabel;
  }
}

// Each author's articles, by the author's slug, in the order of `listed`: one pass over the
// archive, where a filter per author went over it once for each of them.
function articlesByAuthor(listed: readonly Article[]): Map<string, Article[]> {
  const byAuthor = new Map<string, Article[]>();
  for (const article of listed) {
    for (const slug of new Set(article.bylines.map((byline) => byline.author?.slug))) {
      if (slug === undefined) continue;
      const articles = byAuthor.get(slug);
      if (articles) articles.push(article);
      else byAuthor.set(slug, [article]);
    }
  }
  return byAuthor;
}

/**
 * The local pictures to publish, sorted by address: the lead images the articles recorded and
 * every picture in a published body. Draft pages' pictures are checked like draft articles', but
 * not published.
 */
function collectPictures(
  input: SiteInput,
  visible: readonly RenderedEntry<unknown>[],
  publishedPages: readonly RenderedEntry<unknown>[],
  images: ImageUses,
): { references: ImageReference[]; diagnostics: Diagnostic[] } {
  const published = new Set(publishedPages);
  const diagnostics = [
    ...[...visible, ...publishedPages, ...input.authors].flatMap((entry) => checkBodyImages(entry, input, images)),
    ...input.pages.filter((entry) => !published.has(entry)).flatMap((entry) => checkBodyImages(entry, input)),
  ];
  return { references: [...images.values()].sort((a, b) => compareText(a.url, b.url)), diagnostics };
}

function reservedSection(section: { url: string }): Diagnostic {
  return error("config/sections", CONFIG_FILE, `the section address ${section.url} is used by the site itself`, {
    field: "sections",
    fix: "Give the section another `slug`.",
  });
}
