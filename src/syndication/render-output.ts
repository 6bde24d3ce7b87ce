import type { OutputFile } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { renderAtom } from "./render-atom.ts";
import { renderCorrectionsAtom, renderCorrectionsJsonFeed, renderCorrectionsRss } from "./render-corrections-feeds.ts";
import { renderJsonFeed } from "./render-json-feed.ts";
import { renderNewsSitemap } from "./render-news-sitemap.ts";
import { renderRobots } from "./render-robots.ts";
import { renderRss } from "./render-rss.ts";
import { renderSitemap, renderSitemapIndex } from "./render-sitemap.ts";

// A build renders each file twice: for the key that tells whether the output changed, and for the
// page. An OutputFile is listed by one site model and only ever rendered with it, so its text can
// be kept with it, and goes when the model goes.
const rendered = new WeakMap<OutputFile, string>();

/** The text of one non-page file of the site: a feed, a sitemap or robots.txt. `file` must come from `site.outputFiles`. */
export function renderOutputFile(file: OutputFile, site: Site): string {
  let text = rendered.get(file);
  if (text === undefined) {
    text = renderText(file, site);
    rendered.set(file, text);
  }
  return text;
}

function renderText(file: OutputFile, site: Site): string {
  switch (file.kind) {
    case "rss":
      return renderRss(file.feed, site);
    case "atom":
      return renderAtom(file.feed, site);
    case "json-feed":
      return renderJsonFeed(file.feed, site);
    case "corrections-rss":
      return renderCorrectionsRss(file.feed, site);
    case "corrections-atom":
      return renderCorrectionsAtom(file.feed, site);
    case "corrections-json-feed":
      return renderCorrectionsJsonFeed(file.feed, site);
    case "sitemap":
      return renderSitemap(file.entries, site);
    case "sitemap-index":
      return renderSitemapIndex(file.sitemaps, site);
    case "news-sitemap":
      return renderNewsSitemap(site);
    case "robots":
      return renderRobots(site);
    default:
      return assertNever(file);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown output file: ${JSON.stringify(value)}`);
}
