import type { Article, ArticleLink } from "./types.ts";

/** An article as a list elsewhere links to it (related articles, corrections, a series' previous and next parts). */
export function toArticleLink(article: Article): ArticleLink {
  return { url: article.url, title: article.title, date: article.date, type: article.type };
}
