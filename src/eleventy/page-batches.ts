import type { Site } from "../site/types.ts";

/** The lists the page templates paginate over, one page per item; a batched build gives each Eleventy run a share of them. */
export interface PageLists {
  articles: Site["articles"];
  homePages: Site["homePages"];
  tagPages: Site["tagPages"];
  authorPages: Site["authorPages"];
  pages: Site["pages"];
  /** Feeds, sitemaps and robots.txt. */
  outputFiles: Site["outputFiles"];
}

/** The site as Eleventy's templates see it: the whole model, plus `pages` to paginate over in this run. */
export type EleventySite = Site & { paginate: PageLists };

const LIST_NAMES = ["articles", "homePages", "tagPages", "authorPages", "pages", "outputFiles"] as const;

/** Every page of the site in one run. */
export function allPages(site: Site): PageLists {
  return {
    articles: site.articles,
    homePages: site.homePages,
    tagPages: site.tagPages,
    authorPages: site.authorPages,
    pages: site.pages,
    outputFiles: site.outputFiles,
  };
}

/**
 * Split the site's pages into runs of at most `size` pages, in order. Eleventy keeps the HTML of
 * every page it writes until its run ends, so one run for 30,000 pages holds them all at once;
 * several runs keep memory flat as a site grows.
 */
export function pageBatches(site: Site, size: number): PageLists[] {
  const lists = allPages(site);
  const total = LIST_NAMES.reduce((sum, name) => sum + lists[name].length, 0);
  const batches: PageLists[] = [];
  for (let start = 0; start < Math.max(total, 1); start += size) {
    const end = start + size;
    let offset = 0;
    const batch = { articles: [], homePages: [], tagPages: [], authorPages: [], pages: [], outputFiles: [] } as unknown as PageLists;
    for (const name of LIST_NAMES) {
      const list = lists[name] as unknown[];
      (batch[name] as unknown[]) = list.slice(Math.max(0, start - offset), Math.max(0, end - offset));
      offset += list.length;
    }
    batches.push(batch);
  }
  return batches;
}
