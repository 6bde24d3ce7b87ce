import { toContentDate } from "../content/dates.ts";
import { lastModified, latestModified } from "../model/last-modified.ts";
import type { Article, Byline, Feed } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import type { SiteConfig } from "../config/config.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { feedContentHtml } from "./feed-content.ts";
import { toRfc3339 } from "./feed-dates.ts";
import { shareImage } from "./share-image.ts";
import { element, renderXmlDocument, textElement, type XmlChild } from "../core/xml.ts";
import { inLanguage } from "../i18n/site-languages.ts";

/**
 * An Atom feed (RFC 4287). The feed and every entry carry the required `id`, `title` and
 * `updated`; entries add `published`, each byline as an `author` (with the author page as `uri`
 * when there is one), tags as `category`, the summary as text, the full content as escaped
 * HTML, and the share image as an `enclosure` link. Dates are RFC 3339 in the site's time zone.
 */
export function renderAtom(feed: Feed, site: Site): string {
  const { config } = site;
  if (feed.atom === undefined) throw new Error(`the feed for ${feed.page} has no Atom address`);
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  // An empty feed still needs an `updated`: the build's own time is the honest answer.
  const updated = latestModified(feed.items)?.iso ?? toContentDate(site.now, config.timeZone, true).iso;
  return renderAtomDocument({ title: feed.title, description: feed.description, atom: feed.atom, page: feed.page, updated }, config, feed.items.map((article) => renderEntry(article, site)));
}

/**
 * An Atom document of `entries`, with what every Atom feed of the site says of itself: its `id`
 * (its own address), title, subtitle, `updated`, self and page links, the newsroom as author, and
 * the logo as icon.
 */
export function renderAtomDocument(
  feed: { title: string; description: string; atom: string; page: string; updated: string },
  config: SiteConfig,
  entries: readonly XmlChild[],
): string {
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  const root = element(
    "feed",
    { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": config.language },
    textElement("id", absolute(feed.atom)),
    textElement("title", feed.title, { type: "text" }),
    textElement("subtitle", feed.description, { type: "text" }),
    textElement("updated", feed.updated),
    element("link", { rel: "self", type: "application/atom+xml", href: absolute(feed.atom) }),
    element("link", { rel: "alternate", type: "text/html", href: absolute(feed.page) }),
    element("author", {}, textElement("name", config.name), textElement("uri", absolute("/"))),
    textElement("generator", "Tidings"),
    config.logo !== undefined && textElement("icon", absolute(config.logo)),
    entries,
  );
  return renderXmlDocument(root);
}

function renderEntry(article: Article, site: Site) {
  const { config } = site;
  const url = toAbsoluteUrl(article.url, config.url);
  const image = shareImage(article, config);
  return element(
    "entry",
    {},
    textElement("id", url),
    textElement("title", article.title, { type: "text" }),
    element("link", { rel: "alternate", type: "text/html", href: url }),
    textElement("published", toRfc3339(article.date)),
    textElement("updated", toRfc3339(lastModified(article))),
    article.bylines.map((byline) => renderAuthor(byline, config.url)),
    article.tags.map((tag) => element("category", { term: tag.slug, label: tag.name, scheme: toAbsoluteUrl(inLanguage(site.language?.base ?? "/", "/tags/"), config.url) })),
    textElement("summary", article.summary, { type: "text" }),
    textElement("content", feedContentHtml(article, config, site.messages), { type: "html" }),
    image && element("link", { rel: "enclosure", type: image.type, href: image.url, title: image.alt }),
  );
}

function renderAuthor(byline: Byline, siteUrl: string) {
  return element(
    "author",
    {},
    textElement("name", byline.name),
    byline.author && textElement("uri", toAbsoluteUrl(byline.author.url, siteUrl)),
  );
}
