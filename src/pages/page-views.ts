import type {
  Article,
  Author,
  Byline,
  CorrectionEntry,
  CorrectionsFeed,
  DateInfo,
  DaySpan,
  Kicker,
  ListPage,
  Page,
  PageTranslation,
  Picture,
  Section,
  Series,
  SitePath,
  Tag,
  Thumbnail,
} from "../model/types.ts";
import type { Site } from "../site/site.ts";
import type { Front } from "../fronts/fronts.ts";
import type { HistoryPage } from "../history/history-pages.ts";
import type { SiteConfig } from "../config/config.ts";
import { STANDARD_POLICIES, type StandardPolicy } from "../config/standards-schema.ts";
import type { Catalogue } from "../i18n/messages.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import { linkTranslations } from "../site/translations.ts";
import { textDirection, type TextDirection } from "../core/text-direction.ts";

/**
 * An article as a list shows it: exactly what `partials/article-list.njk` prints, so a list page's
 * key changes only when something it shows changes (not when a body is edited).
 */
export interface ArticleCard {
  url: SitePath;
  title: string;
  summary: string;
  type: { key: string; label: string };
  date: DateInfo;
  bylines: Byline[];
  draft: boolean;
  scheduled: boolean;
  /** A live page whose coverage is open: lists flag it "Live". */
  live?: true;
  /** The line above its headline (see articleKicker). */
  kicker?: Kicker;
  /** Its type's label where it says something (see shownTypeLabel). */
  typeLabel?: string;
  thumbnail?: Thumbnail;
  /** The lead picture in every size: a front's lead story only (see toLeadCard). */
  picture?: Picture;
}

/** A page that may have versions in the site's other languages (see linkTranslations). */
export interface Translated {
  url: SitePath;
  translations?: PageTranslation[];
}

/** A page of a list of articles as its template sees it (the front page has `number` 0; see `paginate`). */
export interface ListView extends Translated {
  url: SitePath;
  number: number;
  items: ArticleCard[];
  previous?: SitePath;
  next?: SitePath;
  /** The days the older page holds, named on its link. */
  olderDays?: DaySpan;
  /** The list's front page, linked from its archive blocks. */
  newest?: SitePath;
}

/** A page of a section's chronological list, with what the page says of the section. */
export interface SectionListView extends ListView {
  section: { name: string; url: SitePath; feed: SitePath; description?: string };
}

/** A page of a tag's list, with what the page says of the tag. */
export interface TagListView extends ListView {
  tag: { name: string; url: SitePath; feed: SitePath };
}

/** A page of an author's list, with what the page says of the author. */
export interface AuthorListView extends ListView {
  author: Pick<Author, "name" | "url" | "feed" | "bio" | "links" | "knowsAbout"> & { role?: string; email?: string };
}

/** The page listing every tag with its number of articles. */
export interface TagIndexView extends Translated {
  url: SitePath;
  tags: { name: string; url: SitePath; count: number }[];
}

/** The page listing every author. */
export interface AuthorIndexView extends Translated {
  url: SitePath;
  authors: { name: string; url: SitePath; role?: string }[];
}

/** A page of the list of every correction (the corrections page has `number` 0; see `paginate`), with where its feeds are. */
export interface CorrectionsView extends Translated {
  url: SitePath;
  number: number;
  /** Newest first. */
  items: CorrectionEntry[];
  previous?: SitePath;
  next?: SitePath;
  /** The days the older page holds, named on its link. */
  olderDays?: DaySpan;
  /** The corrections page, linked from its archive blocks. */
  newest?: SitePath;
  feed: { title: string; rss: SitePath; atom: SitePath; json: SitePath };
}

/** A curated front as its template sees it: containers of article cards, in page order. */
export interface FrontView extends Translated {
  url: SitePath;
  title?: string;
  /** Where the chronological list is, linked from the front. */
  latest: SitePath;
  /** The section whose front this is; the home page's front has none. */
  section?: { name: string; url: SitePath; feed: SitePath; description?: string };
  containers: { title: string; showTitle: boolean; layout: Front["containers"][number]["layout"]; items: ArticleCard[] }[];
}

/** A series' page: its title, description and parts in order (Part 1 first). */
export interface SeriesView extends Translated {
  url: SitePath;
  title: string;
  description?: string;
  parts: ArticleCard[];
}

/** A page that shows nothing but the site's own furniture (search). */
export interface PlainView extends Translated {
  url: SitePath;
}

/** The page for a missing address: a way on, with the newest stories (NOT_FOUND_STORIES of them). */
export interface NotFoundView {
  url: SitePath;
  latest: ArticleCard[];
}

// How many of the newest stories the 404 page offers.
const NOT_FOUND_STORIES = 5;

/** What each page template renders, by the name of its list in `site.paginate` (one template in templates/ per name). */
export interface PageViews {
  article: Article;
  home: ListView;
  front: FrontView;
  section: SectionListView;
  tag: TagListView;
  author: AuthorListView;
  page: Page;
  tags: TagIndexView;
  authors: AuthorIndexView;
  corrections: CorrectionsView;
  series: SeriesView;
  notFound: NotFoundView;
  search: PlainView;
  history: HistoryPage;
}

/**
 * What every page shows besides its own view: the site's settings, the mode (the preview banner),
 * the preview's problems and where the site-wide feeds are. It is the same for every page, so it
 * is hashed once into every page's key.
 */
export interface SiteChrome {
  config: SiteConfig;
  /** Every message in the site's language, as the templates' `t` filter formats them (so page keys cover the words). */
  messages: Catalogue;
  /** Which way the site's language runs (`dir` on every page's <html>), from `config.language`. */
  direction: TextDirection;
  mode: Site["mode"];
  problems?: Diagnostic[];
  feed: { rss: SitePath; atom?: SitePath; json?: SitePath };
  /** Where this language's part of the site is: `/`, or `/cy/` for a further language; its home page, search and index pages are there. */
  base: SitePath;
  /** Every language of the site, main first, with its home page: the language menu's choices where a page has no translation. A site of one language has one. */
  languages: { tag: string; name: string; home: SitePath }[];
  /** The newsroom's published standards the footer lists, in the order of STANDARD_POLICIES: each policy's page in this part of the site, or its web address. */
  standards: { policy: StandardPolicy; url: string }[];
}

/**
 * The furniture of each language's part of `site`, main first (one for a site of one language):
 * what every page in that part shows around its own view.
 */
export function siteChromes(site: Site): SiteChrome[] {
  const parts = site.editions ?? [site];
  const languages = parts.map((part) => ({ tag: part.config.language, name: part.language?.name ?? part.config.language, home: part.language?.base ?? "/" }));
  return parts.map((part) => {
    const feed: SiteChrome["feed"] = { rss: part.feed.rss };
    if (part.feed.atom !== undefined) feed.atom = part.feed.atom;
    if (part.feed.json !== undefined) feed.json = part.feed.json;
    const chrome: SiteChrome = {
      config: part.config,
      messages: part.messages.patterns,
      direction: textDirection(part.config.language),
      mode: site.mode,
      feed,
      base: part.language?.base ?? "/",
      languages,
      standards: STANDARD_POLICIES.flatMap((policy) => {
        const url = part.config.standards?.[policy];
        return url === undefined ? [] : [{ policy, url }];
      }),
    };
    if (site.problems !== undefined) chrome.problems = site.problems;
    return chrome;
  });
}

/** One choice of the language menu: a language, and where the page in it is (its translation, else the language's home page). */
export interface LanguageChoice {
  language: string;
  name: string;
  url: SitePath;
  current: boolean;
}

/**
 * The language menu of the page at `pageUrl`, in `current`: every language of the site, its own
 * leading to the page itself, each other to the page's translation in it where there is one, else
 * to that language's home page.
 */
export function languageMenu(languages: SiteChrome["languages"], translations: readonly PageTranslation[], current: string, pageUrl: SitePath): LanguageChoice[] {
  return languages.map((language) => ({
    language: language.tag,
    name: language.name,
    url: language.tag === current ? pageUrl : (translations.find((version) => version.language === language.tag)?.url ?? language.home),
    current: language.tag === current,
  }));
}

/** The name of a page template's list. */
export type PageTemplate = keyof PageViews;

/** Every page template, in the order pages are listed. */
export const PAGE_TEMPLATES = [
  "article",
  "home",
  "front",
  "section",
  "tag",
  "author",
  "page",
  "tags",
  "authors",
  "corrections",
  "series",
  "notFound",
  "search",
  "history",
] as const;

/** One HTML page of the built site: the template that renders it and the exact data it shows. */
export type OutputPage = { [T in PageTemplate]: { template: T; url: SitePath; view: PageViews[T] } }[PageTemplate];

/**
 * Every HTML page the site publishes, each with the template that renders it and its view: the
 * one value the template may read besides the site's furniture (`SiteChrome`). A page's output is a
 * function of its view, the chrome, the templates and the code, which is what makes it safe to
 * keep a page from an earlier build when none of them changed.
 */
export function listOutputPages(site: Site): OutputPage[] {
  if (site.editions === undefined) return languagePages(site);
  const pages = site.editions.flatMap(languagePages);
  linkListTranslations(pages, site.editions);
  return pages;
}

/**
 * The pages of one language's part of the site (the whole of a site of one language), its fixed
 * pages (topics, journalists, corrections, search, the 404) at its own addresses.
 */
function languagePages(site: Site): OutputPage[] {
  const base = site.language?.base ?? "/";
  const at = (sitePath: SitePath) => inLanguage(base, sitePath);
  const pages: OutputPage[] = [];
  for (const article of site.articles) pages.push({ template: "article", url: article.url, view: article });
  for (const front of site.fronts) {
    const latest = front.section === undefined ? (site.homePages[0]?.url ?? base) : `${front.section.url}latest/`;
    pages.push({ template: "front", url: front.url, view: toFrontView(front, latest) });
  }
  for (const list of site.homePages) pages.push({ template: "home", url: list.url, view: toListView(list) });
  for (const list of site.sectionPages)
    pages.push({ template: "section", url: list.url, view: { ...toListView(list), section: sectionOf(list.section) } });
  for (const list of site.tagPages) pages.push({ template: "tag", url: list.url, view: { ...toListView(list), tag: tagOf(list.tag) } });
  for (const list of site.authorPages)
    pages.push({ template: "author", url: list.url, view: { ...toListView(list), author: authorOf(list.author) } });
  for (const page of site.pages) pages.push({ template: "page", url: page.url, view: page });
  pages.push({ template: "tags", url: at("/tags/"), view: tagIndex(site.tags, at("/tags/")) });
  pages.push({ template: "authors", url: at("/authors/"), view: authorIndex(site.authors, at("/authors/")) });
  for (const list of site.correctionPages) pages.push({ template: "corrections", url: list.url, view: toCorrectionsView(list, site.correctionsFeed) });
  for (const series of site.series) pages.push({ template: "series", url: series.url, view: toSeriesView(series) });
  for (const history of site.histories) pages.push({ template: "history", url: history.url, view: history });
  pages.push({
    template: "notFound",
    url: at("/404.html"),
    view: { url: at("/404.html"), latest: site.syndicated.slice(0, NOT_FOUND_STORIES).map(toArticleCard) },
  });
  pages.push({ template: "search", url: at("/search/"), view: { url: at("/search/") } });
  return pages;
}

/**
 * Link the pages that are the same place in each language's part of the site (the home pages,
 * a section's, a topic's or a journalist's front page, the fixed pages): the same address once
 * each part's folder is taken off. Articles and standalone pages are linked by their translation
 * keys in the model; archive blocks hold other stories in each language, so they are not linked,
 * nor is the 404 page.
 */
function linkListTranslations(pages: readonly OutputPage[], editions: readonly Site[]): void {
  const languages = editions.flatMap((edition) => (edition.language === undefined ? [] : [edition.language]));
  const bases = languages.map((language) => language.base).filter((base) => base !== "/");
  const placeOf = (url: SitePath) => {
    const base = bases.find((candidate) => url.startsWith(candidate));
    return base === undefined ? url : `/${url.slice(base.length)}`;
  };
  const languageOf = (url: SitePath) => (languages.find((language) => language.base !== "/" && url.startsWith(language.base)) ?? languages[0])?.tag ?? "";
  const linked = pages.flatMap((page): Translated[] => {
    if (page.template === "article" || page.template === "page" || page.template === "notFound" || page.template === "history") return [];
    if ("number" in page.view && page.view.number !== 0) return [];
    return [page.view];
  });
  linkTranslations(linked, (view) => placeOf(view.url), (view) => languageOf(view.url), languages);
}

// An article is on the home page, its tags' and its authors' lists: one card serves them all, so
// page keys can hash each card once (see page-keys.ts).
const cards = new WeakMap<Article, ArticleCard>();

/** An article as lists show it (the same object for the same article, to be read, never changed). */
export function toArticleCard(article: Article): ArticleCard {
  let card = cards.get(article);
  if (card === undefined) {
    card = makeArticleCard(article);
    cards.set(article, card);
  }
  return card;
}

// The card of a front's lead story: its lead picture in every size, for the large place it has.
function toLeadCard(article: Article): ArticleCard {
  const card = toArticleCard(article);
  const picture = article.image?.picture ?? article.bodyPicture;
  return picture === undefined ? card : { ...card, picture };
}

function makeArticleCard(article: Article): ArticleCard {
  const card: ArticleCard = {
    url: article.url,
    title: article.title,
    summary: article.summary,
    type: article.type,
    date: article.date,
    bylines: article.bylines,
    draft: article.draft,
    scheduled: article.scheduled,
  };
  if (article.live?.open === true) card.live = true;
  if (article.kicker !== undefined) card.kicker = article.kicker;
  if (article.typeLabel !== undefined) card.typeLabel = article.typeLabel;
  const thumbnail = (article.image?.picture ?? article.bodyPicture)?.thumbnail;
  if (thumbnail) card.thumbnail = thumbnail;
  return card;
}

function toListView(list: ListPage): ListView {
  return { url: list.url, number: list.number, items: list.items.map(toArticleCard), ...pageLinks(list) };
}

// A page of a paginated list's ways to the newer, older and newest pages.
function pageLinks(list: ListPage<{ date: DateInfo }>): Pick<ListView, "previous" | "next" | "olderDays" | "newest"> {
  const links: Pick<ListView, "previous" | "next" | "olderDays" | "newest"> = {};
  if (list.previous !== undefined) links.previous = list.previous;
  if (list.next !== undefined) links.next = list.next;
  if (list.olderDays !== undefined) links.olderDays = list.olderDays;
  // From the block right behind the front page, "newer" already leads there.
  if (list.newest !== undefined && list.newest !== list.previous) links.newest = list.newest;
  return links;
}

function toCorrectionsView(list: ListPage<CorrectionEntry>, feed: CorrectionsFeed): CorrectionsView {
  return {
    url: list.url,
    number: list.number,
    items: list.items,
    ...pageLinks(list),
    feed: { title: feed.title, rss: feed.rss, atom: feed.atom, json: feed.json },
  };
}

function toFrontView(front: Front, latest: SitePath): FrontView {
  const view: FrontView = {
    url: front.url,
    latest,
    containers: front.containers.map((container) => ({
      title: container.title,
      showTitle: container.showTitle,
      layout: container.layout,
      // A lead container's first story shows its picture large, not as a thumbnail.
      items: container.items.map((article, index) =>
        container.layout === "lead" && index === 0 ? toLeadCard(article) : toArticleCard(article),
      ),
    })),
  };
  if (front.title !== undefined) view.title = front.title;
  if (front.section !== undefined) view.section = front.section;
  return view;
}

function toSeriesView(series: Series): SeriesView {
  const view: SeriesView = { url: series.url, title: series.title, parts: series.parts.map(toArticleCard) };
  if (series.description !== undefined) view.description = series.description;
  return view;
}

function sectionOf(section: Section): SectionListView["section"] {
  const view: SectionListView["section"] = { name: section.name, url: section.url, feed: section.feed };
  if (section.description !== undefined) view.description = section.description;
  return view;
}

function tagOf(tag: Tag): TagListView["tag"] {
  return { name: tag.name, url: tag.url, feed: tag.feed };
}

function authorOf(author: Author): AuthorListView["author"] {
  const view: AuthorListView["author"] = {
    name: author.name,
    url: author.url,
    feed: author.feed,
    bio: author.bio,
    links: author.links,
    knowsAbout: author.knowsAbout,
  };
  if (author.role !== undefined) view.role = author.role;
  if (author.email !== undefined) view.email = author.email;
  return view;
}

function tagIndex(tags: readonly Tag[], url: SitePath): TagIndexView {
  return { url, tags: tags.map((tag) => ({ name: tag.name, url: tag.url, count: tag.articles.length })) };
}

function authorIndex(authors: readonly Author[], url: SitePath): AuthorIndexView {
  return {
    url,
    authors: authors.map((author) =>
      author.role === undefined ? { name: author.name, url: author.url } : { name: author.name, url: author.url, role: author.role },
    ),
  };
}
