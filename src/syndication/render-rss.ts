import { escapeHtml } from "../model/lede.ts";
import { latestModified } from "../model/last-modified.ts";
import type { Article, Feed } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import type { SiteConfig } from "../config/config.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { feedContentHtml } from "./feed-content.ts";
import { toRfc3339, toRfc822 } from "./feed-dates.ts";
import { shareImage } from "./share-image.ts";
import { cdata, element, renderXmlDocument, textElement, written, type XmlWritten } from "../core/xml.ts";

const NAMESPACES = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:dcterms": "http://purl.org/dc/terms/",
  "xmlns:media": "http://search.yahoo.com/mrss/",
};

/**
 * An RSS 2.0 feed (https://www.rssboard.org/rss-specification). Each item carries its summary in
 * `description`, the full content in `content:encoded`, every byline in `dc:creator` (RSS's own
 * `author` must be an email address), tags as `category`, the share image as `media:content`,
 * `pubDate` in RFC 822 and, when the article was updated, `dcterms:modified` in RFC 3339.
 */
export function renderRss(feed: Feed, site: Site): string {
  const channel = element("channel", {}, rssChannelHead({ ...feed, lastChange: latestModified(feed.items) }, site.config), feed.items.map((article) => writtenItem(article, site)));
  return renderXmlDocument(element("rss", { version: "2.0", ...NAMESPACES }, channel));
}

/**
 * What an RSS channel says of itself before its items: its title, page, description (escaped for
 * HTML, which readers render it as), language, its own address, when it last changed, and the
 * site's logo; shared by every RSS feed of the site.
 */
export function rssChannelHead(
  channel: { title: string; page: string; description: string; rss: string; lastChange?: { epochMs: number; iso: string } | undefined },
  config: SiteConfig,
) {
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  return [
    textElement("title", channel.title),
    textElement("link", absolute(channel.page)),
    textElement("description", escapeHtml(channel.description)),
    textElement("language", config.language),
    element("atom:link", { href: absolute(channel.rss), rel: "self", type: "application/rss+xml" }),
    textElement("lastBuildDate", channel.lastChange && toRfc822(channel.lastChange)),
    textElement("generator", "Tidings"),
    textElement("docs", "https://www.rssboard.org/rss-specification"),
    config.logo !== undefined &&
      element("image", {}, textElement("url", absolute(config.logo)), textElement("title", channel.title), textElement("link", absolute(channel.page))),
  ];
}

// An article is in several feeds (the site's, its section's, each of its topics' and authors'),
// with the same item in each: written once for a site model (rss > channel > item), and gone
// with the model, as render-output.ts keeps each file's text.
const ITEM_DEPTH = 2;
const itemsBySite = new WeakMap<Site, WeakMap<Article, XmlWritten>>();

function writtenItem(article: Article, site: Site): XmlWritten {
  let items = itemsBySite.get(site);
  if (items === undefined) {
    items = new WeakMap();
    itemsBySite.set(site, items);
  }
  let item = items.get(article);
  if (item === undefined) {
    item = written(renderItem(article, site), ITEM_DEPTH);
    items.set(article, item);
  }
  return item;
}

function renderItem(article: Article, site: Site) {
  const { config } = site;
  const url = toAbsoluteUrl(article.url, config.url);
  const image = shareImage(article, config);
  return element(
    "item",
    {},
    textElement("title", article.title),
    textElement("link", url),
    textElement("guid", url, { isPermaLink: "true" }),
    textElement("pubDate", toRfc822(article.date)),
    article.updated && textElement("dcterms:modified", toRfc3339(article.updated)),
    textElement("description", escapeHtml(article.summary)),
    element("content:encoded", {}, cdata(feedContentHtml(article, config, site.messages))),
    article.bylines.map((byline) => textElement("dc:creator", byline.name)),
    article.tags.map((tag) => textElement("category", tag.name, { domain: toAbsoluteUrl(tag.url, config.url) })),
    image &&
      element(
        "media:content",
        { url: image.url, medium: "image", type: image.type },
        textElement("media:description", image.alt, { type: "plain" }),
      ),
  );
}
