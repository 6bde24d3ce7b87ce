import type { BodyHtml } from "./body-html.ts";

/** A date as the templates need it: machine-readable, and already formatted for readers in the site's time zone. */
export interface DateInfo {
  epochMs: number;
  /** Full ISO 8601 with the site's offset, for feeds and structured data. */
  iso: string;
  /** The value for `<time datetime>`: a calendar day when no time was given, else the full ISO. */
  machine: string;
  /** The day as readers see it, e.g. `24 November 2026`. */
  day: string;
  /** The time of day as readers see it, e.g. `18:40`, or "" when the editor gave only a day. */
  time: string;
}

/** A site path such as `/2026/11/24/flood-wall/`, always starting and (for pages) ending with `/`. */
export type SitePath = string;

/** A section as an article names it: its breadcrumb and `articleSection`. */
export interface SectionRef {
  name: string;
  slug: string;
  url: SitePath;
}

/** A tag as it appears on an article: its display name and where its page is. */
export interface TagRef {
  name: string;
  slug: string;
  url: SitePath;
}

/** The author file a byline name matches: its page, and what structured data says of the person. */
export interface BylineAuthor {
  slug: string;
  url: SitePath;
  role?: string;
  /** The author's profile links (`sameAs` in JSON-LD). */
  sameAs: string[];
  /** The topics the author knows and covers (`knowsAbout` in JSON-LD), when the author file lists them. */
  knowsAbout?: string[];
}

/** One name in a byline; `author` is set when the name matches an author file. */
export interface Byline {
  name: string;
  author?: BylineAuthor;
}

/** One reference a story rests on. */
export interface Source {
  name: string;
  url?: string;
  note?: string;
}

/** A local or remote image with its accessibility text and credits. */
export interface Image {
  /** The URL the page uses: a site path for local files, the address for remote ones. */
  url: string;
  /** Absolute path of a local source file, for copying or processing; absent for remote images. */
  sourcePath?: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Intrinsic size in pixels, known once a local file has been read (see src/media/). */
  width?: number;
  height?: number;
  /** Resized versions in modern formats; absent for remote images and files published as they are (SVG, GIF). */
  picture?: Picture;
  /** The 1200-pixel-wide JPEG that link previews (OpenGraph, Twitter cards) show; absent for remote images. */
  share?: ShareImage;
}

/**
 * A local image's resized versions, ready to print as `<picture>`: AVIF and WebP `<source>`s and
 * a JPEG (PNG when the image has transparency) `<img>`. Every URL here already carries the site's
 * path prefix, as `srcset` cannot go through a template filter one candidate at a time. With an
 * image CDN there are no `<source>`s (the CDN picks the format) and the URLs are the CDN's.
 */
export interface Picture {
  /** Best format first. */
  sources: { type: string; srcset: string }[];
  /** The fallback `<img>`'s `src`, `srcset`, and the size of its largest version. */
  src: string;
  srcset: string;
  /** How wide the image shows, for the browser to pick a version: the article column (see site.css). */
  sizes: string;
  width: number;
  height: number;
  /** The smallest version in each format, for thumbnails in lists of articles. */
  thumbnail: Thumbnail;
}

/** An image's smallest versions, best format first, with the fallback `<img>` and its size. */
export interface Thumbnail {
  sources: { type: string; src: string }[];
  src: string;
  width: number;
  height: number;
}

/** An image file for link previews: a site path (templates make it absolute), or an image CDN's web address. */
export interface ShareImage {
  url: SitePath;
  width: number;
  height: number;
  /** The MIME type, when the address's extension does not say it (a CDN asked for a JPEG of a PNG). */
  type?: string;
}

/** Where content refers to a local image: the file, the line and field when known, and whether it is a lead image. */
export interface ImageUse {
  file: string;
  line?: number;
  field?: string;
  lead: boolean;
}

/** A local image file that content refers to, with every place that refers to it (for diagnostics). */
export interface ImageReference {
  /** Absolute path of the source file. */
  sourcePath: string;
  /** The site path the original would be published at; resized versions are named after it. */
  url: SitePath;
  uses: ImageUse[];
}

/** A dated correction notice. */
export interface Correction {
  date: DateInfo;
  text: string;
}

/** An article as another page links to it: enough for a short list, without the article itself. */
export interface ArticleLink {
  url: SitePath;
  title: string;
  date: DateInfo;
  type: { key: string; label: string };
}

/** One correction on the site-wide corrections page and in its feeds, with the article it corrects. */
export interface CorrectionEntry extends Correction {
  article: ArticleLink;
  /**
   * Its name among the article's corrections, `correction-1` for the oldest: what feeds identify it
   * by, unchanged when later corrections are added.
   */
  id: string;
}

/** One timestamped update of a live page, as the page shows it. */
export interface LiveUpdate {
  /** The update's anchor on the page (`update-20261202-1405`), from its time in the site's zone. */
  id: string;
  time: DateInfo;
  /** The headline the editor gave (`title="…"`), if any. */
  title?: string;
  html: string;
  /** Timed after the build: shown only in preview builds, marked as scheduled. */
  scheduled: boolean;
  /** Marked `key="true"` by the editor: listed among the key events. */
  key: boolean;
}

/** A key event in the list at the top of a live page: a link to its update. */
export interface KeyEvent {
  /** The update's anchor. */
  id: string;
  time: DateInfo;
  /** The update's title, else the opening words of its text ("" when it has none). */
  title: string;
}

/** What makes an article a live page (`live: true`): its updates, newest first, and whether coverage is still open. */
export interface LiveCoverage {
  /** True until `ended` has passed: the page carries the "Live" label. */
  open: boolean;
  /** When coverage closed (or will close), from `ended`. */
  ended?: DateInfo;
  /** The updates readers see, newest first (the preview adds scheduled ones). */
  updates: LiveUpdate[];
  /** The updates marked as key events, newest first. */
  keyEvents: KeyEvent[];
}

/** The one line above a headline that says where a story belongs: "Live", its series, its section or its first topic. */
export interface Kicker {
  text: string;
  /** Where it leads (a series, section or topic page); none for "Live". */
  url?: SitePath;
  /** Set for open live coverage, which the page marks as such. */
  live?: true;
}

/** An article's place in a series (`series:` in front matter), as its page shows it. */
export interface SeriesPlace {
  title: string;
  url: SitePath;
  /** 1-based position among the series' published parts, and how many there are. */
  part: number;
  count: number;
  previous?: ArticleLink;
  next?: ArticleLink;
}

/** A series of articles (content/series/<slug>.yml) with its published parts in order. */
export interface Series {
  file: string;
  slug: string;
  url: SitePath;
  title: string;
  description?: string;
  /** Part 1 first. */
  parts: Article[];
}

/** An article ready for the templates. */
/**
 * One language's version of a page, for `<link rel="alternate" hreflang>`, the language menu and
 * structured data: its language's tag and name, and its address. The list is in the site's order
 * of languages, main first; `current` marks the page's own.
 */
export interface PageTranslation {
  language: string;
  name: string;
  url: SitePath;
  current?: true;
}

export interface Article {
  kind: "article";
  /** Source file relative to the project root. */
  file: string;
  slug: string;
  url: SitePath;
  title: string;
  /** Its language's tag (`en-GB`, `cy`): the site's main language unless the file says another. */
  language: string;
  /** Every version of it in the site's languages, its own included, when it has a translation (see PageTranslation). */
  translations?: PageTranslation[];
  /** The summary for lists, feeds and meta tags: `summary`, else the first paragraph as plain text. */
  summary: string;
  /** The standfirst under the headline, as inline HTML: `summary` escaped, else the body's opening paragraph (moved out of the body). */
  standfirst: string;
  type: { key: string; label: string };
  date: DateInfo;
  updated?: DateInfo;
  bylines: Byline[];
  sources: Source[];
  tags: TagRef[];
  /** The one section the article is filed in, when the config has sections. */
  section?: SectionRef;
  image?: Image;
  /** Without a lead image: the source file of the body's first local picture, which lists show instead. */
  firstBodyImage?: string;
  /** That picture's versions, once src/media/ has made them. */
  bodyPicture?: Picture;
  /** Newest first. */
  corrections: Correction[];
  /** Shown only in preview builds, marked as a draft. */
  draft: boolean;
  /** Dated in the future: shown only in preview builds, marked as scheduled. */
  scheduled: boolean;
  /** False once `expires` has passed: the page stays, but lists and feeds leave it out. */
  listed: boolean;
  expires?: DateInfo;
  /** Whether the donation block appears on this article. */
  showDonation: boolean;
  /** The body HTML, split in two where the editor placed the donation marker; made when asked (see BodyHtml). */
  body: BodyHtml;
  wordCount: number;
  readingMinutes: number;
  /** Articles sharing tags or sources with this one, best match first (see related.ts). */
  related: ArticleLink[];
  /** A note for readers when the article is older than the configured age, e.g. "This article is more than 2 years old." */
  ageNotice?: string;
  /** Set on a live page (`live: true`). */
  live?: LiveCoverage;
  /** Set when the article is a part of a series. */
  series?: SeriesPlace;
  /** The line above its headline, on its page and its cards (see articleKicker). */
  kicker?: Kicker;
  /** Its type's label where it says something (see shownTypeLabel). */
  typeLabel?: string;
  /** Where the reporting was done (`dateline`), as the editor wrote it; the body opens with it. */
  dateline?: string;
  /** How the story was reported (`methods`): plain text, one string per paragraph. */
  methods?: string[];
}

/** A person with an author file. */
export interface Author {
  kind: "author";
  file: string;
  slug: string;
  url: SitePath;
  name: string;
  role?: string;
  email?: string;
  links: { label: string; url: string }[];
  /** The bio as HTML. */
  bio: string;
  /** The topics the author knows and covers, as the author file lists them (`knowsAbout`). */
  knowsAbout: string[];
  /** Listed articles, newest first. */
  articles: Article[];
  /** Where this author's RSS feed is. */
  feed: SitePath;
}

/** A topic shared by articles; names are matched without regard to case. */
export interface Tag extends TagRef {
  /** Listed articles, newest first. */
  articles: Article[];
  /** Where this tag's RSS feed is. */
  feed: SitePath;
}

/** A standalone page such as About or Donate. */
export interface Page {
  kind: "page";
  file: string;
  slug: string;
  url: SitePath;
  title: string;
  /** Its language's tag. */
  language: string;
  /** Every version of it in the site's languages, its own included, when it has a translation. */
  translations?: PageTranslation[];
  summary: string;
  body: string;
  draft: boolean;
  showDonation: boolean;
}

/**
 * One page of a paginated list of articles (or of other dated items: the corrections). The list's
 * front page (`number` 0, at the list's own address) shows its newest items; the archive behind it
 * is cut into blocks counted from the oldest end (`/page/1/` holds the oldest), so adding an item
 * changes the front page and the newest block but never moves an older block's items or address.
 */
export interface ListPage<Item extends { date: DateInfo } = Article> {
  url: SitePath;
  /** 0 for the front page, else the archive block's number counted from the oldest articles. */
  number: number;
  /** Newest first. */
  items: Item[];
  /** The page of newer articles. */
  previous?: SitePath;
  /** The page of older articles. */
  next?: SitePath;
  /** The days the page of older articles spans, for its link (an older block is full, so this never changes). */
  olderDays?: DaySpan;
  /** The list's front page, from an archive block: the way back to the newest articles. */
  newest?: SitePath;
}

/** The days a page of articles spans, oldest first; the same day twice for one day. */
export interface DaySpan {
  oldest: string;
  newest: string;
}

/** A section of the site (config `sections`) with its listed articles, newest first. */
export interface Section extends SectionRef {
  description?: string;
  articles: Article[];
  /** Its RSS feed, beside its page. */
  feed: SitePath;
}

/** One page of a section's chronological list. */
export interface SectionListPage extends ListPage {
  section: Section;
}

/** One page of a tag's article list. */
export interface TagListPage extends ListPage {
  tag: Tag;
}

/** One page of an author's article list. */
export interface AuthorListPage extends ListPage {
  author: Author;
}

/** A feed of the newest articles: the whole site's, or one tag's or one author's. */
export interface Feed {
  kind: "site" | "section" | "tag" | "author";
  title: string;
  description: string;
  /** The page whose articles the feed follows. */
  page: SitePath;
  /** Where each format of the feed is published; tag and author feeds are RSS only. */
  rss: SitePath;
  atom?: SitePath;
  json?: SitePath;
  /** The newest syndicated articles, at most `feeds.items` of them. */
  items: Article[];
}

/** The feed of the newest corrections across a language's part of the site, in RSS, Atom and JSON Feed, beside the corrections page. */
export interface CorrectionsFeed {
  title: string;
  description: string;
  /** The corrections page, which the feed follows. */
  page: SitePath;
  rss: SitePath;
  atom: SitePath;
  json: SitePath;
  /** The newest corrections of syndicated articles, at most `feeds.items` of them, newest first. */
  items: CorrectionEntry[];
}

/** One address in the sitemap, with when its content last changed (RFC 3339) when the site knows. */
export interface SitemapEntry {
  path: SitePath;
  lastmod?: string;
}

/** A file that is not a page: a feed, a sitemap or robots.txt, rendered by src/syndication/. */
export type OutputFile =
  | { kind: "rss" | "atom" | "json-feed"; path: SitePath; feed: Feed }
  | { kind: "corrections-rss" | "corrections-atom" | "corrections-json-feed"; path: SitePath; feed: CorrectionsFeed }
  | { kind: "sitemap"; path: SitePath; entries: SitemapEntry[] }
  | { kind: "sitemap-index"; path: SitePath; sitemaps: SitePath[] }
  | { kind: "news-sitemap"; path: SitePath }
  | { kind: "robots"; path: SitePath };

/** Whether the build is for readers or for editors previewing their work. */
export type BuildMode = "production" | "preview";

/** Where the pages find the stylesheet and the scripts: site paths with a content hash. */
export interface SiteAssets {
  stylesheet: string;
  searchScript: string;
  askScript: string;
  embedScript: string;
}

/** A file published as it is: absolute source path → site path. */
export interface StaticFile {
  from: string;
  to: string;
  /** The file's version when known without a stat (see Site.assets); else its size and mtime are read. */
  version?: string;
}
