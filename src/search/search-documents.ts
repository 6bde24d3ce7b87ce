import type { Article, Site } from "../site/types.ts";
import { articleHtml } from "../site/article-html.ts";
import { escapeHtml } from "../site/lede.ts";

/** One article as the search index reads it: its address, when it was published, and a small HTML document of what is searchable. */
export interface SearchDocument {
  url: string;
  /** Publication time (ms), which orders the archive into search shards. */
  publishedMs: number;
  /**
   * The document's HTML, made when asked: the index reads one shard's at a time, and 100,000
   * documents held at once would be 300 MB more in the build's process while Eleventy renders.
   */
  html: () => string;
}

/**
 * The searchable part of an article as a document of its own: headline, standfirst, byline,
 * the lead image's caption and credit, the body and the topics. Made from the model rather than
 * read from the written page, so what the index holds changes only when these do: a related
 * list that now names a newer article, the age notice or the donation ask leave the index alone,
 * and the index never waits for pages to be written. Pagefind takes the first `<h1>` as the
 * result's title and the `date` meta for the result's date line.
 */
export function searchDocument(article: Article, language: string): SearchDocument {
  return { url: article.url, publishedMs: article.date.epochMs, html: () => documentHtml(article, language) };
}

function documentHtml(article: Article, language: string): string {
  const parts = [`<h1>${escapeHtml(article.title)}</h1>`];
  if (article.standfirst) parts.push(`<p>${article.standfirst}</p>`);
  if (article.bylines.length > 0) parts.push(`<p>By ${article.bylines.map((byline) => escapeHtml(byline.name)).join(", ")}</p>`);
  const caption = [article.image?.caption, article.image?.credit].filter(Boolean).join(" ");
  if (caption) parts.push(`<p>${escapeHtml(caption)}</p>`);
  // A live page's updates are part of its story.
  parts.push(`<div>${articleHtml(article).join("\n")}</div>`);
  if (article.tags.length > 0) parts.push(`<ul>${article.tags.map((tag) => `<li>${escapeHtml(tag.name)}</li>`).join("")}</ul>`);
  return (
    `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${escapeHtml(article.title)}</title></head>` +
    `<body><article data-pagefind-body data-pagefind-meta="date:${escapeHtml(article.date.day)}">${parts.join("\n")}</article></body></html>`
  );
}

/** Every article page's search document. */
export function searchDocuments(site: Pick<Site, "articles" | "config">): SearchDocument[] {
  return site.articles.map((article) => searchDocument(article, site.config.language));
}
