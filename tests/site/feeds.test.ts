import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { listOutputFiles } from "../../src/site/syndication-list.ts";
import { articleEntry, authorEntry, siteInput, testConfig } from "../support/site-input.ts";

const expired = (date: string) => ({
  expires: { epochMs: Date.parse(`${date}T00:00:00Z`), iso: `${date}T00:00:00+00:00`, hasTime: false },
});

describe("buildFeeds", () => {
  const articles = [
    articleEntry("a.md", { title: "A", date: "2026-11-20", tags: ["River"], byline: ["Priya Raman"] }),
    articleEntry("b.md", { title: "B", date: "2026-11-21", tags: ["River", "Council"] }),
    articleEntry("c.md", { title: "C", date: "2026-11-22", tags: ["river"], byline: ["Priya Raman"] }),
    articleEntry("draft.md", { title: "Draft", date: "2026-11-23", tags: ["River"], draft: true, byline: ["Priya Raman"] }),
    articleEntry("future.md", { title: "Future", date: "2027-01-01", tags: ["River"], byline: ["Priya Raman"] }),
    articleEntry("gone.md", { title: "Gone", date: "2026-10-01", tags: ["River"], byline: ["Priya Raman"], ...expired("2026-11-01") }),
  ];
  const authors = [authorEntry("content/authors/priya-raman.md", { name: "Priya Raman" })];

  it("gives the site RSS, Atom and JSON Feed, and every tag and author an RSS feed beside its page", () => {
    const { site } = buildSite(siteInput({ articles, authors }));
    expect(site.feeds.map((feed) => [feed.kind, feed.page, feed.rss, feed.atom, feed.json])).toEqual([
      ["site", "/", "/feed.xml", "/atom.xml", "/feed.json"],
      ["tag", "/tags/council/", "/tags/council/feed.xml", undefined, undefined],
      ["tag", "/tags/river/", "/tags/river/feed.xml", undefined, undefined],
      ["author", "/authors/priya-raman/", "/authors/priya-raman/feed.xml", undefined, undefined],
    ]);
    expect(site.feed).toBe(site.feeds[0]);
    expect(site.tags.map((tag) => tag.feed)).toEqual(["/tags/council/feed.xml", "/tags/river/feed.xml"]);
    expect(site.feeds[2]?.title).toBe("River — Test Gazette");
  });

  it("carries the newest articles, never a draft, a scheduled or an expired one, even in the preview", () => {
    for (const mode of ["production", "preview"] as const) {
      const { site } = buildSite(siteInput({ articles, authors, mode }));
      expect(site.feeds.map((feed) => feed.items.map((a) => a.title))).toEqual([["C", "B", "A"], ["B"], ["C", "B", "A"], ["C", "A"]]);
    }
  });

  it("stops at feeds.items articles", () => {
    const { site } = buildSite(siteInput({ articles, authors, config: testConfig({ feeds: { items: 2 } }) }));
    expect(site.feeds.map((feed) => feed.items.length)).toEqual([2, 1, 2, 2]);
  });
});

describe("listOutputFiles", () => {
  it("lists every feed format, the sitemap, the news sitemap and robots.txt", () => {
    const { site } = buildSite(siteInput({ articles: [articleEntry("a.md", { date: "2026-11-20", tags: ["River"] })] }));
    expect(site.outputFiles.map((file) => [file.kind, file.path])).toEqual([
      ["rss", "/feed.xml"],
      ["atom", "/atom.xml"],
      ["json-feed", "/feed.json"],
      ["rss", "/tags/river/feed.xml"],
      ["corrections-rss", "/corrections/feed.xml"],
      ["corrections-atom", "/corrections/atom.xml"],
      ["corrections-json-feed", "/corrections/feed.json"],
      ["sitemap", "/sitemap.xml"],
      ["news-sitemap", "/news-sitemap.xml"],
      ["robots", "/robots.txt"],
    ]);
  });

  it("lists every public address with its last change, and leaves out what feeds leave out", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("a.md", { title: "A", date: "2026-11-20 10:00", tags: ["River"] }),
          articleEntry("b.md", {
            title: "B",
            date: "2026-11-01",
            updated: { epochMs: Date.UTC(2026, 10, 25), iso: "2026-11-25T00:00:00+00:00", hasTime: false },
            corrections: [{ date: { epochMs: Date.UTC(2026, 10, 24), iso: "2026-11-24T00:00:00+00:00", hasTime: false }, text: "Fixed." }],
          }),
          articleEntry("draft.md", { date: "2026-11-21", draft: true }),
          articleEntry("gone.md", { date: "2026-10-01", ...expired("2026-11-01") }),
        ],
      }),
    );
    const entries = site.outputFiles.find((file) => file.kind === "sitemap");
    expect(entries?.kind === "sitemap" && entries.entries).toEqual([
      { path: "/", lastmod: "2026-11-25T00:00:00+00:00" },
      { path: "/2026/11/20/a/", lastmod: "2026-11-20T10:00:00+00:00" },
      { path: "/2026/11/01/b/", lastmod: "2026-11-25T00:00:00+00:00" },
      { path: "/tags/", lastmod: "2026-11-20T10:00:00+00:00" },
      { path: "/tags/river/", lastmod: "2026-11-20T10:00:00+00:00" },
      { path: "/authors/" },
      { path: "/corrections/", lastmod: "2026-11-24T00:00:00+00:00" },
    ]);
  });

  it("splits a sitemap past the protocol's limit into parts under a sitemap index", () => {
    // 3 home pages, 5 articles, the tag and author indexes and the corrections page: 11 addresses.
    const { site } = buildSite(
      siteInput({ articles: Array.from({ length: 5 }, (_, i) => articleEntry(`a${i}.md`, { date: `2026-11-0${i + 1}` })) }),
    );
    const files = listOutputFiles(site, 4);
    const sitemaps = files.filter((file) => file.kind === "sitemap" || file.kind === "sitemap-index");
    expect(sitemaps.map((file) => [file.kind, file.path, file.kind === "sitemap" ? file.entries.length : file.sitemaps])).toEqual([
      ["sitemap", "/sitemap-1.xml", 4],
      ["sitemap", "/sitemap-2.xml", 4],
      ["sitemap", "/sitemap-3.xml", 3],
      ["sitemap-index", "/sitemap.xml", ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"]],
    ]);
  });
});

describe("site corrections", () => {
  const day = (d: number) => ({ epochMs: Date.UTC(2026, 10, d), iso: `2026-11-${String(d).padStart(2, "0")}T00:00:00+00:00`, hasTime: false });
  const corrected = [
    articleEntry("a.md", {
      title: "A",
      date: "2026-11-01",
      corrections: [
        { date: day(3), text: "First on A." },
        { date: day(10), text: "Second on A." },
      ],
    }),
    articleEntry("b.md", { title: "B", date: "2026-11-02", corrections: [{ date: day(5), text: "On B." }] }),
    articleEntry("c.md", { title: "C", date: "2026-11-04", corrections: [{ date: day(6), text: "On C." }] }),
    articleEntry("gone.md", { title: "Gone", date: "2026-11-02", corrections: [{ date: day(8), text: "On an expired story." }], ...expired("2026-11-20") }),
  ];

  it("lists every correction on the site, newest first, with its article", () => {
    const { site } = buildSite(siteInput({ articles: corrected.slice(0, 2) }));
    expect(site.corrections.map((c) => [c.date.machine, c.article.title, c.article.url, c.text, c.id])).toEqual([
      ["2026-11-10", "A", "/2026/11/01/a/", "Second on A.", "correction-2"],
      ["2026-11-05", "B", "/2026/11/02/b/", "On B.", "correction-1"],
      ["2026-11-03", "A", "/2026/11/01/a/", "First on A.", "correction-1"],
    ]);
  });

  it("cuts the corrections page into archive blocks counted from the oldest, as article lists are", () => {
    // articlesPerPage is 2: the page shows the newest two, block 1 the oldest two, block 2 what is left.
    const { site } = buildSite(siteInput({ articles: corrected }));
    expect(site.correctionPages.map((page) => [page.url, page.items.map((item) => item.text), page.next ?? null])).toEqual([
      ["/corrections/", ["Second on A.", "On an expired story."], "/corrections/page/2/"],
      ["/corrections/page/2/", ["On C."], "/corrections/page/1/"],
      ["/corrections/page/1/", ["On B.", "First on A."], null],
    ]);
    const sitemap = site.outputFiles.find((file) => file.kind === "sitemap");
    expect(sitemap?.kind === "sitemap" && sitemap.entries.filter((entry) => entry.path.startsWith("/corrections/"))).toEqual([
      { path: "/corrections/", lastmod: "2026-11-10T00:00:00+00:00" },
      { path: "/corrections/page/2/", lastmod: "2026-11-06T00:00:00+00:00" },
      { path: "/corrections/page/1/", lastmod: "2026-11-05T00:00:00+00:00" },
    ]);
  });

  it("feeds the newest feeds.items corrections of syndicated articles only, beside the corrections page", () => {
    const { site } = buildSite(siteInput({ articles: corrected, config: testConfig({ feeds: { items: 3 } }) }));
    const feed = site.correctionsFeed;
    expect([feed.title, feed.page, feed.rss, feed.atom, feed.json]).toEqual([
      "Corrections — Test Gazette",
      "/corrections/",
      "/corrections/feed.xml",
      "/corrections/atom.xml",
      "/corrections/feed.json",
    ]);
    // The expired story's correction stays on the page but, like the story, out of what machines read.
    expect(feed.items.map((item) => item.text)).toEqual(["Second on A.", "On C.", "On B."]);
  });
});
