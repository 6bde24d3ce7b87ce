import type { Article, Kicker } from "./types.ts";

/** The article type a story has when its front matter names none; its label is never shown. */
export const DEFAULT_TYPE = "news";

/**
 * The kicker of an article, as the best newsrooms set it: "Live" while its coverage is open,
 * else the series it is part of, else its first topic, else its section; none when it has none
 * of these. A topic before the section: a broad section ("News") on every card of a front says
 * nothing, and the article's page names its section in the breadcrumb already.
 */
export function articleKicker(article: Pick<Article, "live" | "series" | "section" | "tags">): Kicker | undefined {
  if (article.live?.open === true) return { text: "Live", live: true };
  if (article.series !== undefined) return { text: article.series.title, url: article.series.url };
  const tag = article.tags[0];
  if (tag !== undefined) return { text: tag.name, url: tag.url };
  return article.section === undefined ? undefined : { text: article.section.name, url: article.section.url };
}

/**
 * The type label shown beside the kicker: only for a type other than the default (every story
 * being "News" says nothing), and not when the headline already says it ("Analysis: …").
 */
export function shownTypeLabel(article: Pick<Article, "type" | "title">): string | undefined {
  if (article.type.key === DEFAULT_TYPE) return undefined;
  const label = article.type.label.trim();
  const headline = article.title.trim().toLowerCase();
  if (headline.startsWith(label.toLowerCase()) && /^[\s:—–-]/.test(headline.slice(label.length))) return undefined;
  return label;
}
