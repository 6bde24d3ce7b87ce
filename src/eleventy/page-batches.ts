import { PAGE_TEMPLATES, siteChromes, type OutputPage, type PageTemplate, type PageViews, type SiteChrome } from "../pages/page-views.ts";
import type { Site } from "../site/site.ts";

/** The views each page template paginates over, one page per view; a batched or incremental build gives each Eleventy run a share of them. */
export type PageLists = { [T in PageTemplate]: PageViews[T][] };

/**
 * The site as Eleventy's templates see it: the views to paginate over in this run, and the
 * furniture of each language's part (`parts`, main first), of which the page shell picks its
 * page's (the `languagePart` filter) before anything is printed.
 */
export type EleventySite = { parts: SiteChrome[]; paginate: PageLists };

/** The site as templates see it when this run writes `lists`. */
export function toEleventySite(site: Site, lists: PageLists): EleventySite {
  return { parts: siteChromes(site), paginate: lists };
}

/** The pages sorted into their templates' lists, in order. */
export function toPageLists(pages: readonly OutputPage[]): PageLists {
  const lists = Object.fromEntries(PAGE_TEMPLATES.map((template) => [template, [] as unknown[]])) as unknown as Record<PageTemplate, unknown[]>;
  for (const page of pages) lists[page.template].push(page.view);
  return lists as unknown as PageLists;
}

/**
 * Split pages into runs of at most `size`, in order. Eleventy keeps the HTML of every page it
 * writes until its run ends, so one run for 30,000 pages holds them all at once; several runs
 * keep memory flat as a site grows.
 */
export function pageBatches(pages: readonly OutputPage[], size: number): PageLists[] {
  const batches: PageLists[] = [];
  for (let start = 0; start < pages.length; start += size) batches.push(toPageLists(pages.slice(start, start + size)));
  return batches;
}
