import { toContentDate } from "../content/dates.ts";
import { element, renderXmlDocument, textElement } from "../core/xml.ts";
import { escapeHtml } from "../model/lede.ts";
import { latestModified } from "../model/last-modified.ts";
import type { CorrectionEntry, CorrectionsFeed } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";
import { rssChannelHead } from "./render-rss.ts";
import { renderAtomDocument } from "./render-atom.ts";
import { renderJsonFeedDocument } from "./render-json-feed.ts";
import { toRfc3339, toRfc822 } from "./feed-dates.ts";
import { JSON_FEED_VERSION } from "./render-json-feed.ts";

/** What every format says of one correction: its title, where it is shown, its id and its text. */
interface CorrectionItem {
  title: string;
  /** The corrections block of the article it corrects. */
  url: string;
  /** Stable across builds and never an address a reader opens: the article's address and the correction's name. */
  id: string;
  entry: CorrectionEntry;
}

function toItems(feed: CorrectionsFeed, site: Site): CorrectionItem[] {
  const { config, messages } = site;
  return feed.items.map((entry) => {
    const article = toAbsoluteUrl(entry.article.url, config.url);
    return {
      title: messages.text("corrections.itemTitle", { title: entry.article.title }),
      url: `${article}#corrections`,
      id: `${article}#${entry.id}`,
      entry,
    };
  });
}

/**
 * When the feed last changed: its newest correction. A feed with none has not changed since the
 * articles it would correct did, which keeps it the same from one build to the next (the build's
 * own time would make every build a new site, see stableUntil); only a site with no article at all
 * falls back to the build's time, as its site feed does.
 */
function lastChange(feed: CorrectionsFeed, site: Site): string {
  return feed.items[0]?.date.iso ?? latestModified(site.syndicated)?.iso ?? toContentDate(site.now, site.config.timeZone, true).iso;
}

/**
 * The corrections feed as RSS 2.0 (https://www.rssboard.org/rss-specification): each item is one
 * correction, titled with the article it corrects, linking to the corrections block on that
 * article, its text as the description, its date as `pubDate`; the `guid` names the correction
 * (not a permalink: the link is the article's).
 */
export function renderCorrectionsRss(feed: CorrectionsFeed, site: Site): string {
  const channel = element(
    "channel",
    {},
    rssChannelHead({ ...feed, lastChange: feed.items[0]?.date }, site.config),
    toItems(feed, site).map((item) =>
      element(
        "item",
        {},
        textElement("title", item.title),
        textElement("link", item.url),
        textElement("guid", item.id, { isPermaLink: "false" }),
        textElement("pubDate", toRfc822(item.entry.date)),
        textElement("description", escapeHtml(item.entry.text)),
      ),
    ),
  );
  return renderXmlDocument(element("rss", { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" }, channel));
}

/**
 * The corrections feed as Atom (RFC 4287): the feed's required `id`, `title`, `updated`, author
 * and self link; each entry one correction with its `id`, title, a link to the corrections block
 * on its article, its date as `published` and `updated`, and its text as the `summary`.
 */
export function renderCorrectionsAtom(feed: CorrectionsFeed, site: Site): string {
  const { config } = site;
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  return renderAtomDocument(
    { title: feed.title, description: feed.description, atom: feed.atom, page: feed.page, updated: lastChange(feed, site) },
    config,
    toItems(feed, site).map((item) =>
      element(
        "entry",
        {},
        textElement("id", item.id),
        textElement("title", item.title, { type: "text" }),
        element("link", { rel: "alternate", type: "text/html", href: item.url }),
        textElement("published", toRfc3339(item.entry.date)),
        textElement("updated", toRfc3339(item.entry.date)),
        textElement("summary", item.entry.text, { type: "text" }),
      ),
    ),
  );
}

/**
 * The corrections feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `version` first,
 * the feed's addresses, and per item the correction's `id`, the corrections block on its article
 * as `url`, its title, its text as `content_text` and its date.
 */
export function renderCorrectionsJsonFeed(feed: CorrectionsFeed, site: Site): string {
  const { config } = site;
  const absolute = (path: string) => toAbsoluteUrl(path, config.url);
  return renderJsonFeedDocument(
    { title: feed.title, description: feed.description, json: feed.json, page: feed.page },
    config,
    toItems(feed, site).map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_text: item.entry.text,
      date_published: toRfc3339(item.entry.date),
      language: config.language,
    })),
  );
}
