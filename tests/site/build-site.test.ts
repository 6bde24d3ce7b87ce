import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { articleEntry, authorEntry, pageEntry, siteInput, testConfig } from "../support/site-input.ts";

describe("buildSite", () => {
  it("puts articles at /YYYY/MM/DD/slug/ on the site's calendar, newest first", () => {
    const { site, diagnostics } = buildSite(
      siteInput({
        articles: [
          articleEntry("content/articles/old.md", { title: "Old", date: "2026-01-02" }),
          // 00:30 on 1 July in London is still 30 June in UTC: the URL must follow the site's calendar.
          articleEntry("content/articles/new.md", { title: "New", date: "2026-07-01 00:30" }),
          articleEntry("content/articles/x.md", { title: "Custom", date: "2026-03-01", slug: "my-slug" }),
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(site.articles.map((a) => a.url)).toEqual(["/2026/07/01/new/", "/2026/03/01/my-slug/", "/2026/01/02/old/"]);
  });

  it("keeps a date-only article on its calendar day in every site time zone", () => {
    for (const timeZone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Asia/Kolkata"]) {
      const { site } = buildSite(
        siteInput({
          config: testConfig({ timeZone }),
          now: Date.UTC(2030, 0, 1),
          articles: [articleEntry("a/story.md", { date: "2023-10-26" }, timeZone)],
        }),
      );
      expect(site.articles[0]?.url).toBe("/2023/10/26/story/");
      expect(site.articles[0]?.date.machine).toBe("2023-10-26");
      expect(site.articles[0]?.date.day).toBe("26 October 2023");
    }
  });

  it("matches tags case-insensitively and gives different tags different pages", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("a.md", { date: "2026-01-01", tags: ["Housing", "C++"] }),
          articleEntry("b.md", { date: "2026-01-02", tags: ["housing", "C#"] }),
          articleEntry("c.md", { date: "2026-01-03", tags: ["Housing", "Covid 19"] }),
          articleEntry("d.md", { date: "2026-01-04", tags: ["Covid-19"] }),
        ],
      }),
    );
    const bySlug = Object.fromEntries(site.tags.map((tag) => [tag.slug, tag]));
    expect(bySlug["housing"]?.name).toBe("Housing");
    expect(bySlug["housing"]?.articles).toHaveLength(3);
    expect(bySlug["c-plus-plus"]?.name).toBe("C++");
    expect(bySlug["c-sharp"]?.name).toBe("C#");
    expect(new Set(site.tags.map((tag) => tag.url)).size).toBe(site.tags.length);
    expect(site.tags).toHaveLength(5);
    // Every article's tag links point at the shared tag page.
    expect(site.articles.find((a) => a.file === "b.md")?.tags[0]).toEqual({ name: "Housing", slug: "housing", url: "/tags/housing/" });
  });

  it("links bylines to author files by name or alias, shown as the author file names them, and leaves other names plain", () => {
    const { site } = buildSite(
      siteInput({
        authors: [authorEntry("content/authors/priya-raman.md", { name: "Priya Raman", aliases: ["P. Raman"] })],
        articles: [
          articleEntry("a.md", { date: "2026-01-01", byline: ["p. raman", "Staff reporter"] }),
          articleEntry("b.md", { date: "2026-01-02", byline: ["Priya Raman"] }),
        ],
      }),
    );
    const [b, a] = site.articles;
    expect(a?.bylines).toEqual([
      { name: "Priya Raman", author: { slug: "priya-raman", url: "/authors/priya-raman/", sameAs: [] } },
      { name: "Staff reporter" },
    ]);
    expect(b?.bylines[0]?.author?.url).toBe("/authors/priya-raman/");
    expect(site.authors[0]?.articles.map((x) => x.file)).toEqual(["b.md", "a.md"]);
  });

  it("lists each author's published articles newest first, an article with two of them under both and under one named twice once", () => {
    const { site } = buildSite(
      siteInput({
        authors: [
          authorEntry("content/authors/priya-raman.md", { name: "Priya Raman", aliases: ["P. Raman"] }),
          authorEntry("content/authors/tom-hale.md", { name: "Tom Hale" }),
          authorEntry("content/authors/ada-ng.md", { name: "Ada Ng" }),
        ],
        articles: [
          articleEntry("both.md", { date: "2026-01-03", byline: ["Tom Hale", "Priya Raman"] }),
          articleEntry("twice.md", { date: "2026-01-02", byline: ["Priya Raman", "P. Raman"] }),
          articleEntry("tom.md", { date: "2026-01-01", byline: ["Tom Hale"] }),
          articleEntry("draft.md", { date: "2026-01-04", byline: ["Tom Hale"], draft: true }),
        ],
      }),
    );
    const listed = Object.fromEntries(site.authors.map((author) => [author.slug, author.articles.map((article) => article.file)]));
    expect(listed).toEqual({ "priya-raman": ["both.md", "twice.md"], "tom-hale": ["both.md", "tom.md"], "ada-ng": [] });
  });

  it("reports two articles that would share a URL, naming both files", () => {
    const { diagnostics } = buildSite(
      siteInput({
        articles: [
          articleEntry("content/articles/one/flood.md", { date: "2026-01-01" }),
          articleEntry("content/articles/two/flood.md", { date: "2026-01-01 18:00" }),
        ],
      }),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe("site/url-collision");
    expect(`${diagnostics[0]?.file} ${diagnostics[0]?.message}`).toContain("content/articles/one/flood.md");
    expect(`${diagnostics[0]?.file} ${diagnostics[0]?.message}`).toContain("content/articles/two/flood.md");
  });

  it("refuses a page that would take an address the site uses itself", () => {
    const { diagnostics } = buildSite(
      siteInput({ pages: [pageEntry("content/pages/tags.md", { title: "Tags" }), pageEntry("content/pages/2024.md", { title: "Year" })] }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["site/reserved-slug", "site/reserved-slug"]);
  });

  it("leaves drafts and future articles out of production, and shows them marked in preview", () => {
    const articles = [
      articleEntry("live.md", { date: "2026-11-01" }),
      articleEntry("draft.md", { date: "2026-11-02", draft: true }),
      articleEntry("future.md", { date: "2027-01-05" }),
    ];
    const production = buildSite(siteInput({ articles })).site;
    expect(production.articles.map((a) => a.file)).toEqual(["live.md"]);
    const preview = buildSite(siteInput({ articles, mode: "preview" })).site;
    expect(preview.articles.map((a) => [a.file, a.draft, a.scheduled])).toEqual([
      ["future.md", false, true],
      ["draft.md", true, false],
      ["live.md", false, false],
    ]);
    expect(preview.listed.map((a) => a.file)).toEqual(["future.md", "draft.md", "live.md"]);
  });

  it("paginates the home page, tags and authors", () => {
    const { site } = buildSite(
      siteInput({
        articles: Array.from({ length: 5 }, (_, i) => articleEntry(`a${i}.md`, { date: `2026-01-0${i + 1}`, tags: ["River"] })),
      }),
    );
    // Archive blocks count from the oldest: /page/1/ holds the two oldest; /page/2/ holds a3 and
    // a2 but leaves out a3 while the front page shows it; a block of front-page articles only
    // (/page/3/) waits until they leave the front page.
    expect(site.homePages.map((p) => [p.url, p.items.map((a) => a.file), p.previous, p.next])).toEqual([
      ["/", ["a4.md", "a3.md"], undefined, "/page/2/"],
      ["/page/2/", ["a2.md"], "/", "/page/1/"],
      ["/page/1/", ["a1.md", "a0.md"], "/page/2/", undefined],
    ]);
    expect(site.tagPages.map((p) => p.url)).toEqual(["/tags/river/", "/tags/river/page/2/", "/tags/river/page/1/"]);
  });

  it("shows the donation block unless the article, its type or its tags turn it off", () => {
    const config = testConfig({
      donation: { heading: "H", text: "T", button: "B", url: "/donate/", exclude: { types: ["sponsored"], tags: ["Corrections", "Paid Content"] } },
      types: { news: "News", sponsored: "Sponsored" },
    });
    const { site } = buildSite(
      siteInput({
        config,
        articles: [
          articleEntry("plain.md", { date: "2026-01-01" }),
          articleEntry("off.md", { date: "2026-01-02", donate: false }),
          articleEntry("sponsored.md", { date: "2026-01-03", type: "sponsored" }),
          articleEntry("tagged.md", { date: "2026-01-04", tags: ["corrections"] }),
          // Tags match whatever their case, on either side: the config's and the article's are both folded.
          articleEntry("other-case.md", { date: "2026-01-05", tags: ["River", "pAID cONTENT"] }),
          articleEntry("near-miss.md", { date: "2026-01-06", tags: ["Paid"] }),
        ],
      }),
    );
    expect(Object.fromEntries(site.articles.map((a) => [a.file, a.showDonation]))).toEqual({
      "plain.md": true,
      "off.md": false,
      "sponsored.md": false,
      "tagged.md": false,
      "other-case.md": false,
      "near-miss.md": true,
    });
  });

  it("reports a lead image whose file does not exist, and one outside content/", () => {
    const { diagnostics } = buildSite(
      siteInput({
        fileExists: () => false,
        articles: [
          articleEntry("content/articles/a.md", { date: "2026-01-01", image: { src: "images/missing.jpg", alt: "A" } }),
          articleEntry("content/articles/b.md", { date: "2026-01-02", image: { src: "../../../etc/passwd", alt: "B" } }),
        ],
      }),
    );
    // The config's /donate/ link has no page here either; that is the link check's business.
    expect(diagnostics.filter((d) => d.code.startsWith("content/")).map((d) => [d.file, d.code])).toEqual([
      ["content/articles/a.md", "content/image-missing"],
      ["content/articles/b.md", "content/image-outside"],
    ]);
  });

  it("lists every local image once, with every place that uses it, and publishes the originals until they are processed", () => {
    const withBodyImage = { ...articleEntry("content/articles/b.md", { date: "2026-01-02" }), images: [{ src: "images/a.jpg", line: 9 }] };
    const { site, diagnostics } = buildSite(
      siteInput({
        articles: [articleEntry("content/articles/a.md", { date: "2026-01-01", image: { src: "images/a.jpg", alt: "A" } }), withBodyImage],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(site.images).toEqual([
      {
        sourcePath: "/site/content/articles/images/a.jpg",
        url: "/media/articles/images/a.jpg",
        uses: [
          { file: "content/articles/a.md", line: 1, field: "image.src", lead: true },
          { file: "content/articles/b.md", line: 9, lead: false },
        ],
      },
    ]);
    expect(site.assets).toEqual([{ from: "/site/content/articles/images/a.jpg", to: "/media/articles/images/a.jpg" }]);
  });

  it("warns about an image on another website, which is shown as it is", () => {
    const { site, diagnostics } = buildSite(
      siteInput({
        articles: [articleEntry("content/articles/a.md", { date: "2026-01-01", image: { src: "https://example.org/a.jpg", alt: "A" } })],
      }),
    );
    expect(diagnostics.map((d) => [d.severity, d.code, d.field])).toEqual([["warning", "content/image-remote", "image.src"]]);
    expect(site.articles[0]?.image?.url).toBe("https://example.org/a.jpg");
    expect(site.images).toEqual([]);
  });

  it("reports a publisher logo that is not in public/", () => {
    const config = testConfig({ logo: "/logo.png" });
    const missing = buildSite(siteInput({ config, fileExists: (file) => !file.endsWith("logo.png") })).diagnostics;
    expect(missing).toEqual([expect.objectContaining({ code: "config/logo-missing", file: "tidings.config.yml", field: "logo" })]);
    expect(buildSite(siteInput({ config })).diagnostics).toEqual([]);
  });

  it("hides an expired article from lists but keeps its page", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("a.md", { date: "2026-01-01", expires: undefined }),
          articleEntry("old.md", { date: "2026-01-01", tags: ["Events"], ...expires("2026-02-01") }),
        ],
      }),
    );
    expect(site.articles.map((a) => a.file).sort()).toEqual(["a.md", "old.md"]);
    expect(site.listed.map((a) => a.file)).toEqual(["a.md"]);
    expect(site.tags.find((t) => t.slug === "events")?.articles).toEqual([]);
  });
});

function expires(date: string) {
  return { expires: { epochMs: Date.parse(`${date}T00:00:00Z`), iso: `${date}T00:00:00+00:00`, hasTime: false } };
}
