import type { SitemapEntry, SitePath } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { element, renderXmlDocument, textElement } from "../core/xml.ts";

/** The namespace of the sitemap protocol (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** A sitemap: one `url` per address, with `loc` absolute and `lastmod` (RFC 3339, site time zone) where the site knows it. */
export function renderSitemap(entries: readonly SitemapEntry[], site: Site): string {
  const urls = entries.map((entry) =>
    element("url", {}, textElement("loc", toAbsoluteUrl(entry.path, site.config.url)), textElement("lastmod", entry.lastmod)),
  );
  return renderXmlDocument(element("urlset", { xmlns: SITEMAP_NAMESPACE }, urls));
}

/** A sitemap index pointing at the parts of a sitemap too large for one file. */
export function renderSitemapIndex(sitemaps: readonly SitePath[], site: Site): string {
  const items = sitemaps.map((path) => element("sitemap", {}, textElement("loc", toAbsoluteUrl(path, site.config.url))));
  return renderXmlDocument(element("sitemapindex", { xmlns: SITEMAP_NAMESPACE }, items));
}
