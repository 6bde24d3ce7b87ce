import type { SiteConfig } from "../config/config.ts";
import { compareText } from "../diagnostics/diagnostic.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import type { Messages } from "../i18n/messages.ts";
import { toArticleLink } from "../model/article-link.ts";
import type { Article, CorrectionEntry, CorrectionsFeed, ListPage } from "../model/types.ts";
import { CORRECTIONS_FEEDS, CORRECTIONS_PATH } from "../model/urls.ts";
import { newestFirst, paginate } from "./pagination.ts";

/** What the corrections of a language's part of the site are made from. */
export interface CorrectionsInput {
  config: SiteConfig;
  /** The part's words, for the feed's title and description. */
  messages: Messages;
  /** Every article with a page: the corrections page lists all their corrections. */
  articles: readonly Article[];
  /** The articles machines may see (Site.syndicated): the feed carries only theirs. */
  syndicated: readonly Article[];
  /** Where the part of the site is (`/`, `/cy/`): its corrections page and feed are beneath it. */
  base: string;
}

/** Every correction of a part of the site, its corrections page cut into stable archive blocks, and its feed. */
export interface BuiltCorrections {
  entries: CorrectionEntry[];
  pages: ListPage<CorrectionEntry>[];
  feed: CorrectionsFeed;
}

/**
 * The corrections of a language's part of the site: every one, newest first, on the corrections
 * page (paginated as the article lists are, so an old archive block never changes), and the
 * newest `feeds.items` of the articles that may be syndicated in its feed, by the one rule for
 * what machines see (decision 006).
 */
export function buildCorrections(input: CorrectionsInput): BuiltCorrections {
  const { config, messages } = input;
  const entries = listCorrections(input.articles);
  const page = inLanguage(input.base, CORRECTIONS_PATH);
  return {
    entries,
    pages: paginate(entries, config.articlesPerPage, page),
    feed: {
      title: messages.text("corrections.feedTitle", { site: config.name }),
      description: messages.text("corrections.description", { site: config.name }),
      page,
      rss: inLanguage(input.base, CORRECTIONS_FEEDS.rss),
      atom: inLanguage(input.base, CORRECTIONS_FEEDS.atom),
      json: inLanguage(input.base, CORRECTIONS_FEEDS.json),
      items: listCorrections(input.syndicated).slice(0, config.feeds.items),
    },
  };
}

/** Every correction on the given articles, newest first (same-day corrections by article, newest first). */
export function listCorrections(articles: readonly Article[]): CorrectionEntry[] {
  const entries: { entry: CorrectionEntry; article: Article }[] = [];
  for (const article of articles) {
    const link = toArticleLink(article);
    // The article's corrections are newest first; each is named by its place counted from the oldest.
    const count = article.corrections.length;
    article.corrections.forEach((correction, index) => {
      entries.push({ entry: { ...correction, article: link, id: `correction-${count - index}` }, article });
    });
  }
  return entries
    .sort(
      (a, b) => b.entry.date.epochMs - a.entry.date.epochMs || newestFirst(a.article, b.article) || compareText(a.entry.text, b.entry.text),
    )
    .map(({ entry }) => entry);
}
