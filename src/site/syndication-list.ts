import { latestModified, lastModified } from "../model/last-modified.ts";
import type { Article, OutputFile, SitemapEntry, SitePath } from "../model/types.ts";
import type { Site } from "./site.ts";
import { SITE_FILES, sitemapPartPath } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";

/** The sitemap protocol's limit of addresses in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

/** The files a build writes besides pages: every feed in every format (the corrections feed among them), the sitemap (split when too large), the news sitemap and robots.txt. */
export function listOutputFiles(site: Omit<Site, "outputFiles">, sitemapLimit = SITEMAP_LIMIT): OutputFile[] {
  const files: OutputFile[] = [];
  // A language's part of the site has its own sitemaps, beside its home page; robots.txt is the host's, the main part's.
  const base = site.language?.base ?? "/";
  const at = (sitePath: SitePath) => inLanguage(base, sitePath);
  for (const feed of site.feeds) {
    files.push({ kind: "rss", path: feed.rss, feed });
    if (feed.atom !== undefined) files.push({ kind: "atom", path: feed.atom, feed });
    if (feed.json !== undefined) files.push({ kind: "json-feed", path: feed.json, feed });
  }
  const corrections = site.correctionsFeed;
  files.push(
    { kind: "corrections-rss", path: corrections.rss, feed: corrections },
    { kind: "corrections-atom", path: corrections.atom, feed: corrections },
    { kind: "corrections-json-feed", path: corrections.json, feed: corrections },
  );
  const entries = listSitemapEntries(site);
  if (entries.length <= sitemapLimit) {
    files.push({ kind: "sitemap", path: at(SITE_FILES.sitemap), entries });
  } else {
    const parts: SitePath[] = [];
    for (let start = 0; start < entries.length; start += sitemapLimit) {
      const path = at(sitemapPartPath(parts.length + 1));
      parts.push(path);
      files.push({ kind: "sitemap", path, entries: entries.slice(start, start + sitemapLimit) });
    }
    files.push({ kind: "sitemap-index", path: at(SITE_FILES.sitemap), sitemaps: parts });
  }
  files.push({ kind: "news-sitemap", path: at(SITE_FILES.newsSitemap) });
  if (base === "/") files.push({ kind: "robots", path: SITE_FILES.robots });
  return files;
}

/**
 * Every public address with when it last changed: syndicated articles (`updated`, else `date`),
 * list pages and series pages (their newest article), the corrections pages (their newest correction), and pages
 * whose date the site does not know (standalone pages, the author index) without a `lastmod`.
 * Drafts, scheduled and expired articles are left out, as from the feeds.
 */
export function listSitemapEntries(site: Omit<Site, "outputFiles">): SitemapEntry[] {
  const syndicated = new Set(site.syndicated);
  const newestOf = (articles: readonly Article[]) => latestModified(articles.filter((article) => syndicated.has(article)))?.iso;
  const entries: SitemapEntry[] = [];
  const add = (path: SitePath, lastmod: string | undefined) => entries.push(lastmod === undefined ? { path } : { path, lastmod });

  for (const front of site.fronts) add(front.url, newestOf(front.containers.flatMap((container) => container.items)));
  for (const page of site.homePages) add(page.url, newestOf(page.items));
  for (const page of site.sectionPages) add(page.url, newestOf(page.items));
  for (const article of site.syndicated) add(article.url, lastModified(article).iso);
  const base = site.language?.base ?? "/";
  add(inLanguage(base, "/tags/"), newestOf(site.tags.flatMap((tag) => tag.articles)));
  for (const page of site.tagPages) add(page.url, newestOf(page.items));
  add(inLanguage(base, "/authors/"), undefined);
  for (const page of site.authorPages) add(page.url, newestOf(page.items));
  for (const series of site.series) add(series.url, newestOf(series.parts));
  for (const page of site.pages) if (!page.draft) add(page.url, undefined);
  for (const page of site.correctionPages) add(page.url, page.items[0]?.date.iso);
  return entries;
}
