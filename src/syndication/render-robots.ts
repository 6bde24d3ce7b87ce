import type { Site } from "../site/site.ts";
import { SITE_FILES } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";

/**
 * robots.txt: every crawler may read everything, and both sitemaps of every language are named. A preview build
 * asks crawlers to keep out, so a preview published by mistake is not indexed. Crawlers read
 * robots.txt only at a host's root: a site in a sub-folder must name its sitemaps in the host's own.
 */
export function renderRobots(site: Site): string {
  const rule = site.mode === "preview" ? "Disallow: /" : "Allow: /";
  // Each language's part of the site has its own two sitemaps.
  const sitemaps = (site.editions ?? [site])
    .flatMap((part) => [SITE_FILES.sitemap, SITE_FILES.newsSitemap].map((path) => inLanguage(part.language?.base ?? "/", path)))
    .map((path) => `Sitemap: ${toAbsoluteUrl(path, site.config.url)}`);
  return ["User-agent: *", rule, "", ...sitemaps, ""].join("\n");
}
