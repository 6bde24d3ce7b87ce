import type { SiteConfig } from "../config/config.ts";
import type { Messages } from "../i18n/messages.ts";
import type { SiteLanguage } from "../i18n/site-languages.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Front } from "../fronts/fronts.ts";
import type { HistoryPage } from "../history/history-pages.ts";
import type {
  Article,
  Author,
  AuthorListPage,
  BuildMode,
  CorrectionEntry,
  CorrectionsFeed,
  Feed,
  ImageReference,
  ListPage,
  OutputFile,
  Page,
  Section,
  SectionListPage,
  Series,
  SitePath,
  Tag,
  TagListPage,
} from "../model/types.ts";

/** Everything the templates render, computed once before Eleventy runs. */
export interface Site {
  config: SiteConfig;
  /** The words Tidings writes for readers, in the site's language. */
  messages: Messages;
  mode: BuildMode;
  /** The build's reference time (for scheduling), in ms since the epoch. */
  now: number;
  /** Every article that gets a page, newest first (expired articles included). */
  articles: Article[];
  /** Articles in lists: published and not expired, newest first (the preview adds drafts and scheduled ones). */
  listed: Article[];
  /**
   * What feeds, sitemaps and related-article lists carry: published, not expired, never a draft or a
   * scheduled article, even in the preview. Newest first.
   */
  syndicated: Article[];
  tags: Tag[];
  authors: Author[];
  pages: Page[];
  homePages: ListPage[];
  /** The curated fronts: the home page (content/fronts/home.yml; without it `homePages` starts at `/`) and section fronts. */
  fronts: Front[];
  sections: Section[];
  /** Each section's chronological list: at its address, or under `latest/` when the section has a front. */
  sectionPages: SectionListPage[];
  /** Every series with at least one published part, by slug. */
  series: Series[];
  tagPages: TagListPage[];
  authorPages: AuthorListPage[];
  /** The history pages of the articles that changed after publication. */
  histories: HistoryPage[];
  /** Every correction on every article with a page, newest first, for the corrections page. */
  corrections: CorrectionEntry[];
  /** The corrections page and its archive blocks, paginated as the article lists are. */
  correctionPages: ListPage<CorrectionEntry>[];
  /** The newest corrections of syndicated articles, as a feed in RSS, Atom and JSON Feed. */
  correctionsFeed: CorrectionsFeed;
  /** The site-wide feed (RSS, Atom and JSON Feed). */
  feed: Feed;
  /** Every feed: the site's, then one per tag and one per author. */
  feeds: Feed[];
  /** Feeds, sitemaps and robots.txt, one entry per file. */
  outputFiles: OutputFile[];
  /** Local files to copy into the output: source path → site path. */
  /**
   * `version`, when set, is the file's version (size and modification time) known without a stat:
   * a copy src/media/ is still making in the background carries its source's.
   */
  assets: { from: string; to: SitePath; version?: string }[];
  /** Every local image content refers to, sorted by site path; src/media/ turns them into `assets`. */
  images: ImageReference[];
  /** The language of this model's pages: the main one for a whole site. */
  language?: SiteLanguage;
  /**
   * A site of several languages: each language's part, main first, a Site of its own (its articles,
   * lists, feeds and sitemaps, at its own addresses). The whole site's lists hold every part's
   * items, so a function of every page reads the whole; one of a language's pages reads its part.
   */
  editions?: Site[];
  /** Problems in the content, shown on every page of the preview (never set for a real build). */
  problems?: Diagnostic[];
}
