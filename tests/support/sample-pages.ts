/**
 * One page of each kind in the sample site (The Millbrook Lantern built at SAMPLE_SITE_NOW), named
 * as the screenshots are. The quality gates and browser tests visit these; a test fails if the
 * sample content stops providing one of them.
 */
export const SAMPLE_PAGES = {
  // The curated front (content/fronts/home.yml).
  home: "/",
  // The chronological list the curated home page moves aside.
  latest: "/latest/",
  "home-page-2": "/latest/page/2/",
  // A section's curated front (content/fronts/news.yml), and a section without one: its list.
  "section-front": "/news/",
  section: "/culture/",
  // A lead image, a table, sources, and an update.
  article: "/2026/11/24/flood-wall-approved/",
  // No image anywhere: the page the weight budget is measured on.
  "article-text": "/2026/11/26/landlord-fined-damp-flats/",
  // The donation block placed inside the body with the <!-- donate --> marker.
  "article-donate": "/2026/10/29/gp-surgery-merger/",
  "article-corrections": "/2026/07/09/sewage-overflow-figures/",
  // More than a year old at SAMPLE_SITE_NOW, so it carries an age notice.
  // One embed of every kind: click-to-load facades and post cards, nothing third-party before a click.
  "article-embeds": "/2026/11/27/flood-defence-explained/",
  // A live page, open at SAMPLE_SITE_NOW: updates newest first, the Live label, one update held back; part of no series.
  "article-live": "/2026/12/01/sallow-flood-warning-live/",
  // A series' page, its parts in order (the flood-wall article is its Part 2).
  series: "/series/living-with-the-river/",
  "article-old": "/2025/11/14/how-flood-warnings-work/",
  tag: "/tags/council/",
  tags: "/tags/",
  author: "/authors/priya-raman/",
  authors: "/authors/",
  search: "/search/",
  page: "/about/",
  // The donate page: the campaign and the tiers with what each pays for.
  donate: "/donate/",
  corrections: "/corrections/",
  // The record of changes of the article above, revised after publication (tests/support/sample-build.global.ts commits the revision).
  history: "/2026/11/24/flood-wall-approved/history/",
  "not-found": "/404.html",
} as const;

/** The name of a page kind in SAMPLE_PAGES. */
export type SamplePage = keyof typeof SAMPLE_PAGES;

/** The article page without images that the weight budget is measured on. */
export const TEXT_ARTICLE = SAMPLE_PAGES["article-text"];
