import type { Messages } from "../i18n/messages.ts";
import type { SiteConfig } from "../config/config.ts";
import type { Article, Author, Feed, Section, Tag } from "../model/types.ts";
import { SITE_FILES } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";

/** Google News takes only articles first published in the last two days: the news sitemap's window. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** What the feeds are built from. */
export interface FeedInput {
  config: SiteConfig;
  /** The site's words, for the feeds' descriptions. */
  messages: Messages;
  /** Articles feeds may carry, newest first (Site.syndicated). */
  syndicated: readonly Article[];
  sections: readonly Section[];
  tags: readonly Tag[];
  authors: readonly Author[];
  /** Where the language's part of the site is (`/`, `/cy/`): its home page, and its site-wide feeds beside it. */
  base?: string | undefined;
}

/**
 * Every feed of the site: the site-wide one (RSS, Atom and JSON Feed), then one RSS feed per
 * section, per tag and per author, each with the newest `feeds.items` articles that may be syndicated.
 */
export function buildFeeds(input: FeedInput): { site: Feed; all: Feed[] } {
  const { config, messages } = input;
  const size = config.feeds.items;
  const base = input.base ?? "/";
  const allowed = new Set(input.syndicated);
  const newest = (articles: readonly Article[]) => {
    const items: Article[] = [];
    for (const article of articles) {
      if (items.length === size) break;
      if (allowed.has(article)) items.push(article);
    }
    return items;
  };
  const site: Feed = {
    kind: "site",
    title: config.name,
    description: config.description ?? config.tagline ?? messages.text("feed.siteDescription", { site: config.name }),
    page: base,
    rss: inLanguage(base, SITE_FILES.rss),
    atom: inLanguage(base, SITE_FILES.atom),
    json: inLanguage(base, SITE_FILES.json),
    items: newest(input.syndicated),
  };
  // A section's, a tag's or an author's feed follows its page: same articles, RSS beside the page.
  const follow = (kind: "section" | "tag" | "author", subject: Section | Tag | Author, description: string): Feed => ({
    kind,
    title: `${subject.name} — ${config.name}`,
    description,
    page: subject.url,
    rss: subject.feed,
    items: newest(subject.articles),
  });
  const sectionFeeds = input.sections.map((section) =>
    follow("section", section, section.description ?? messages.text("section.description", { section: section.name, site: config.name })),
  );
  const tagFeeds = input.tags.map((tag) => follow("tag", tag, messages.text("feed.tagDescription", { tag: tag.name, site: config.name })));
  const authorFeeds = input.authors.map((author) => follow("author", author, messages.text("feed.authorDescription", { author: author.name, site: config.name })));
  return { site, all: [site, ...sectionFeeds, ...tagFeeds, ...authorFeeds] };
}
