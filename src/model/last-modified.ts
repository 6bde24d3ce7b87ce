import type { Article, DateInfo } from "./types.ts";

/** When an article's content last changed, as feeds and sitemaps report it: `updated`, else `date`. */
export function lastModified(article: Article): DateInfo {
  return article.updated ?? article.date;
}

/** The latest of the articles' last changes, or undefined for none. */
export function latestModified(articles: Iterable<Article>): DateInfo | undefined {
  let latest: DateInfo | undefined;
  for (const article of articles) {
    const modified = lastModified(article);
    if (latest === undefined || modified.epochMs > latest.epochMs) latest = modified;
  }
  return latest;
}
