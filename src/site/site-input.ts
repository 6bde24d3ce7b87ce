import type { SiteConfig } from "../config/config.ts";
import type { Messages } from "../i18n/messages.ts";
import type { ArticleFrontMatter, AuthorFrontMatter, PageFrontMatter } from "../content/schemas.ts";
import type { ValidEntry } from "../content/validate-entry.ts";
import type { Campaign } from "../donation/campaign.ts";
import type { LiveUpdateSource } from "../live/live-coverage.ts";
import type { ParsedFront } from "../fronts/fronts.ts";
import type { ParsedSeries } from "../series/series.ts";
import type { BuildMode } from "../model/types.ts";
import type { BodyHtml } from "../model/body-html.ts";
import type { SiteLanguage } from "../i18n/site-languages.ts";
import type { ArticleRecord } from "../history/record-types.ts";

/** A validated entry together with its rendered Markdown body. */
export interface RenderedEntry<FrontMatter> extends ValidEntry<FrontMatter> {
  /** The rendered body, its HTML made when asked. */
  html: BodyHtml;
  firstParagraph: string;
  wordCount: number;
  /** Images in the body, with `src` as the editor wrote it, its file line and, for an embed's poster, the attribute naming it. */
  images: readonly { src: string; line: number; field?: string | undefined }[];
  /** Links in the body, with `url` as the editor wrote it and its file line. */
  links: readonly { url: string; line: number }[];
  /** Element ids in the body (headings, footnotes), which links may point at. */
  ids: readonly string[];
  /** A live page's `::update` parts, top to bottom (absent or empty for other bodies). */
  updates?: readonly LiveUpdateSource[];
}

/** Everything the site model is built from. */
export interface SiteInput {
  config: SiteConfig;
  /** The line of each field of tidings.config.yml, by path (`standards.masthead`), for problems the whole-site checks find in it. */
  configLines?: ReadonlyMap<string, number> | undefined;
  /** The words Tidings writes for readers, in the site's language (src/i18n/). */
  messages: Messages;
  /** The words in each of the site's languages, by tag, for a site of several (the main one's are `messages`). */
  messagesByLanguage?: ReadonlyMap<string, Messages> | undefined;
  /** The language whose part of the site this input builds (see buildSite); default: the config's main language, at `/`. */
  language?: SiteLanguage | undefined;
  articles: readonly RenderedEntry<ArticleFrontMatter>[];
  authors: readonly RenderedEntry<AuthorFrontMatter>[];
  pages: readonly RenderedEntry<PageFrontMatter>[];
  mode: BuildMode;
  /** The reference time for scheduling, ms since the epoch. */
  now: number;
  /** Absolute path of the project root, to resolve image files. */
  root: string;
  /** Whether a file exists (injected so the model stays testable without a disk). */
  fileExists: (absolutePath: string) => boolean;
  /** The campaign from content/campaign.yml, when the newsroom runs one. */
  campaign?: Campaign | undefined;
  /** The home page's front from content/fronts/home.yml, when editors curate it. */
  homeFront?: ParsedFront | undefined;
  /** Section fronts (content/fronts/<section slug>.yml) by section slug. */
  sectionFronts?: ReadonlyMap<string, ParsedFront> | undefined;
  /** A further language's fronts (content/fronts/home.cy.yml, news.cy.yml), by its code. */
  languageFronts?: ReadonlyMap<string, { home?: ParsedFront; sections: ReadonlyMap<string, ParsedFront> }> | undefined;
  /** Each article's record of changes from git (by file), where it has one (src/history/). */
  records?: ReadonlyMap<string, ArticleRecord> | undefined;
  /** The series files (content/series/*.yml). */
  series?: readonly ParsedSeries[] | undefined;
}
