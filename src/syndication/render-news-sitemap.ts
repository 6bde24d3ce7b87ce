import type { Article } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { NEWS_WINDOW_MS } from "../site/feeds.ts";
import { lastModified } from "../model/last-modified.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { toRfc3339 } from "./feed-dates.ts";
import { SITEMAP_NAMESPACE } from "./render-sitemap.ts";
import { element, renderXmlDocument, textElement } from "../core/xml.ts";

/** The namespace of Google's news sitemap extension. */
export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** Google News takes at most 1,000 articles in one news sitemap (and only from the last two days: NEWS_WINDOW_MS). */
export const NEWS_LIMIT = 1000;

/**
 * A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the syndicated articles first published within two days before the build's `now`, newest first,
 * at most 1,000, each with when it last changed (`lastmod`), the publication's name and language,
 * the first publication time and the headline.
 *
 * With nothing recent, it lists the newest article without news metadata (which Google's rules
 * allow for older URLs), or the home page: the sitemap schema requires at least one `url`.
 */
export function renderNewsSitemap(site: Site): string {
  const recent = recentArticles(site);
  const urls = recent.map((article) =>
    element(
      "url",
      {},
      textElement("loc", toAbsoluteUrl(article.url, site.config.url)),
      // When it last changed (a live page: its newest update), so crawlers come back as updates land.
      textElement("lastmod", toRfc3339(lastModified(article))),
      element(
        "news:news",
        {},
        element(
          "news:publication",
          {},
          textElement("news:name", site.config.name),
          textElement("news:language", newsLanguage(site.config.language)),
        ),
        textElement("news:publication_date", toRfc3339(article.date)),
        textElement("news:title", article.title),
      ),
    ),
  );
  if (recent.length === 0) {
    urls.push(element("url", {}, textElement("loc", toAbsoluteUrl(site.syndicated[0]?.url ?? "/", site.config.url))));
  }
  return renderXmlDocument(element("urlset", { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE }, urls));
}

/** The articles a news sitemap lists at the build's `now`: first published in the last two days, newest first, at most 1,000. */
export function recentArticles(site: Site): Article[] {
  const since = site.now - NEWS_WINDOW_MS;
  return site.syndicated.filter((article) => article.date.epochMs >= since && article.date.epochMs <= site.now).slice(0, NEWS_LIMIT);
}

/**
 * The language as Google News wants it: an ISO 639 code of two or three letters (`en-GB` → `en`),
 * except Chinese, which is `zh-cn` (simplified) or `zh-tw` (traditional).
 */
export function newsLanguage(languageTag: string): string {
  const [primary = "", ...rest] = languageTag.toLowerCase().split(/[-_]/);
  if (primary !== "zh") return primary;
  return rest.some((subtag) => subtag === "hant" || subtag === "tw" || subtag === "hk" || subtag === "mo") ? "zh-tw" : "zh-cn";
}
