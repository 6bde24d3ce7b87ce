import { inFolder } from "../core/folder-path.ts";
import type { SitePath } from "./types.ts";

// Every site path Tidings generates is built from validated slugs and digits; this is the final
// gate that keeps any input from producing a path outside the output folder.
const SAFE_PATH = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*(?:[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+)?$/;

/** True when a site path is made only of slug segments: no `..`, no backslashes, no encoded tricks. */
export function isSafeSitePath(sitePath: string): boolean {
  return SAFE_PATH.test(sitePath);
}

/** The path of an article: `/YYYY/MM/DD/slug/`. */
export function articlePath(parts: { year: string; month: string; day: string }, slug: string): SitePath {
  return `/${parts.year}/${parts.month}/${parts.day}/${slug}/`;
}

/** The path of archive block `number` (counted from the oldest end) of a list whose front page is at `base` (`/`, `/tags/x/`). */
export function listPagePath(base: SitePath, number: number): SitePath {
  return `${base}page/${number}/`;
}

/** The path of a tag's first page. */
export function tagPath(slug: string): SitePath {
  return `/tags/${slug}/`;
}

/** The path of an author's first page. */
export function authorPath(slug: string): SitePath {
  return `/authors/${slug}/`;
}

/** The path of a standalone page. */
export function pagePath(slug: string): SitePath {
  return `/${slug}/`;
}

/** The output file for a site path: `index.html` inside folders, the file itself otherwise. */
export function outputFileFor(sitePath: SitePath): string {
  return sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
}

/** A site path as published under the site's path prefix: `/about/` → `/news/about/` for a site at `https://example.org/news/`. */
export function withPathPrefix(sitePath: SitePath, pathPrefix: string): string {
  return inFolder(pathPrefix, sitePath);
}

/** Where the site-wide feeds, sitemaps and robots.txt are published: fixed site paths, under the path prefix like every other address. */
export const SITE_FILES = {
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  robots: "/robots.txt",
} as const;

/** The path of the page listing every correction. */
export const CORRECTIONS_PATH: SitePath = "/corrections/";

/** Where the corrections feed is published in each format: beside the corrections page. */
export const CORRECTIONS_FEEDS = {
  rss: `${CORRECTIONS_PATH}feed.xml`,
  atom: `${CORRECTIONS_PATH}atom.xml`,
  json: `${CORRECTIONS_PATH}feed.json`,
} as const;

/** The RSS feed that follows a tag's or an author's page: `/tags/river/feed.xml`. */
export function feedPath(page: SitePath): SitePath {
  return `${page}feed.xml`;
}

/** The path of the `number`th part of a sitemap too large for one file: `/sitemap-2.xml`. */
export function sitemapPartPath(number: number): SitePath {
  return `/sitemap-${number}.xml`;
}
