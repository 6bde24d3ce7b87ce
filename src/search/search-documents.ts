import type { Messages } from "../i18n/messages.ts";
import type { Article } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { articleHtml } from "../model/article-html.ts";
import { escapeHtml } from "../model/lede.ts";

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
  /**
   * The document's HTML with the body's key (see BodyHtml) in place of the body's HTML: made
   * without reading the body, and the same for two documents only when their HTML is the same,
   * so it is what a shard's key hashes.
   */
  keyText: () => string;
  /** About how many characters `html()` gives more than `keyText()`: the body's, less its key's. */
  bodyChars: number;
}

/**
 * The searchable part of an article as a document of its own, made from the model rather than
 * read from the written page, so what the index holds changes only when these do: a related
 * list that now names a newer article, the age notice or the donation ask leave the index alone,
 * and the index never waits for pages to be written.
 *
 * Pagefind searches a page's text and, since 1.5, every metadata field too; it builds a result's
 * excerpt from the text alone. So the text is the article's own prose, the standfirst (the body's
 * opening paragraph unless the editor wrote a summary) and the body, and the headline, byline,
 * the lead image's caption and credit and the topics are metadata, found by a search but never
 * repeated in an excerpt. A result found by those alone gets Pagefind's excerpt from the start of
 * the text: the standfirst. What a result shows but no search should match (the kicker, the type
 * label, the date, whose "2026" or "November" would match every article of that year or month)
 * is carried in filters, which Pagefind returns with a result but does not search, and fetches
 * only when a search filters by them (the search page never does).
 *
 * What templates/_assets/search.js reads: the `title` and `byline` meta; the `kicker` filter (or
 * `live`, for open live coverage), `type` (the type label, where it says something), `date` (as
 * readers see it) and `datetime` (for `<time datetime>`).
 */
export function searchDocument(article: Article, messages: Messages): SearchDocument {
  return {
    url: article.url,
    publishedMs: article.date.epochMs,
    html: () => documentHtml(article, messages, articleHtml(article)),
    keyText: () => documentHtml(article, messages, [article.body.key, ...(article.live?.updates ?? []).map((update) => update.html)]),
    bodyChars: article.body.chars - article.body.key.length,
  };
}

// The document with `bodyHtml` as the article's text: its body's parts and a live page's updates (articleHtml), or what stands for them.
function documentHtml(article: Article, messages: Messages, bodyHtml: readonly string[]): string {
  const { language } = messages;
  const described: string[] = [];
  if (article.kicker?.live === true) described.push(filter("live", messages.text("kicker.live")));
  else if (article.kicker !== undefined) described.push(filter("kicker", article.kicker.text));
  if (article.typeLabel !== undefined) described.push(filter("type", article.typeLabel));
  described.push(`<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>`);
  // Else Pagefind takes the first picture after the headline as `image` and `image_alt` metadata,
  // and would search the words of its address ("jpeg", a hash) in every article with a picture.
  described.push(`<p data-pagefind-meta="image:"></p>`);
  if (article.bylines.length > 0) described.push(`<p data-pagefind-meta="byline">${messages.list(article.bylines.map((byline) => byline.name))}</p>`);
  const { date } = article;
  // As partials/dates.njk prints it.
  const shownDate = date.time === "" ? date.day : messages.text("date.dayTime", { day: date.day, time: date.time });
  described.push(
    `<p><time data-pagefind-filter="date, datetime[datetime]" datetime="${escapeHtml(date.machine)}">${escapeHtml(shownDate)}</time></p>`,
  );
  const caption = [article.image?.caption, article.image?.credit].filter(Boolean).join(" ");
  if (caption) described.push(`<p data-pagefind-meta="caption">${escapeHtml(caption)}</p>`);
  if (article.tags.length > 0)
    described.push(`<p data-pagefind-meta="topics">${escapeHtml(article.tags.map((tag) => tag.name).join(", "))}</p>`);

  const text: string[] = [];
  if (article.standfirst) text.push(`<p>${article.standfirst}</p>`);
  // A live page's updates are part of its story.
  text.push(bodyHtml.join("\n"));
  // Pagefind leaves out a page with no words in its text. With neither a standfirst nor a
  // paragraph (a body of a heading, a picture or an embed alone, or none yet), the headline is
  // added after the body, the last words an excerpt would show (search.js shows none that is the
  // headline alone).
  if (article.standfirst === "" && article.summary === "") text.push(`<p>${escapeHtml(article.title)}</p>`);

  return (
    `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${escapeHtml(article.title)}</title></head>` +
    `<body><article data-pagefind-body><header data-pagefind-ignore>${described.join("\n")}</header>\n<div>${text.join("\n")}</div></article></body></html>`
  );
}

// An element whose text is a filter's value.
function filter(name: string, value: string): string {
  return `<p data-pagefind-filter="${name}">${escapeHtml(value)}</p>`;
}

/** Every article page's search document. */
export function searchDocuments(site: Pick<Site, "articles" | "messages">): SearchDocument[] {
  return site.articles.map((article) => searchDocument(article, site.messages));
}
