import type { Article, Feed } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import type { SiteConfig } from "../config/config.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { feedContentHtml } from "./feed-content.ts";
import { toRfc3339 } from "./feed-dates.ts";
import { shareImage } from "./share-image.ts";

/** The JSON Feed 1.1 version URL, which must open every feed. */
export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/): `version` first, the feed's
 * addresses, and per item the permalink as `id` and `url`, the full content as `content_html`,
 * the summary, the share image, RFC 3339 dates, `authors` (with the author page as `url` when
 * there is one), `tags` and `language`.
 */
export function renderJsonFeed(feed: Feed, site: Site): string {
  const { config } = site;
  if (feed.json === undefined) throw new Error(`the feed for ${feed.page} has no JSON Feed address`);
  return renderJsonFeedDocument({ title: feed.title, description: feed.description, json: feed.json, page: feed.page }, config, feed.items.map((article) => toItem(article, site)));
}

/**
 * A JSON Feed document of `items`, with what every JSON Feed of the site says of itself: `version`
 * first, its title, page and own address, description, the logo as icon, the newsroom as author
 * and the language.
 */
export function renderJsonFeedDocument(feed: { title: string; description: string; json: string; page: string }, config: SiteConfig, items: readonly unknown[]): string {
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: absolute(feed.page),
    feed_url: absolute(feed.json),
    description: feed.description,
    ...(config.logo !== undefined ? { icon: absolute(config.logo) } : {}),
    authors: [{ name: config.name, url: absolute("/") }],
    language: config.language,
    items,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toItem(article: Article, site: Site): Record<string, unknown> {
  const { config } = site;
  const url = toAbsoluteUrl(article.url, config.url);
  const image = shareImage(article, config);
  return {
    id: url,
    url,
    title: article.title,
    content_html: feedContentHtml(article, config, site.messages),
    summary: article.summary,
    ...(image ? { image: image.url } : {}),
    date_published: toRfc3339(article.date),
    ...(article.updated ? { date_modified: toRfc3339(article.updated) } : {}),
    authors: article.bylines.map((byline) =>
      byline.author ? { name: byline.name, url: toAbsoluteUrl(byline.author.url, config.url) } : { name: byline.name },
    ),
    tags: article.tags.map((tag) => tag.name),
    language: config.language,
  };
}
