import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import { copyFixture, readPage, writeFiles } from "./support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

const SECTIONS = `
sections:
  - name: Politics
    description: The council and its money.
    tags: [Council]
  - name: News
    tags: [River]
  - name: Opinion
`;

const OPINION = `---
title: Keep the ferry running
date: 2026-11-22
byline: Priya Raman
section: opinion
tags: [River]
---
The ferry matters.
`;

/** The newsroom fixture with sections in its config and `files` written over it. */
function sectionSite(files: Record<string, string> = {}): string {
  const root = copyFixture("newsroom");
  const config = readFileSync(path.join(root, "tidings.config.yml"), "utf8");
  writeFiles(root, { "tidings.config.yml": config + SECTIONS, "content/articles/2026/ferry.md": OPINION, ...files });
  return root;
}

const links = (out: string, sitePath: string, selector = ".article-list .card-title a") => {
  const $ = readPage(out, sitePath);
  return $(selector)
    .map((_, a) => $(a).attr("href"))
    .get();
};

describe("sections", () => {
  let out: string;
  beforeAll(async () => {
    const built = await build({ root: sectionSite({ "content/fronts/politics.yml": "containers:\n  - title: Top story\n    layout: lead\n    backfill: { section: Politics, limit: 1 }\n" }), now: NOW, outputDir: "_site" });
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    out = built.outputDir;
  }, 120_000);

  it("files each article in one section: its `section` field, else the first section with one of its tags", () => {
    // flood-wall is tagged Council and River: Politics is listed first, so it wins.
    expect(links(out, "/politics/latest/")).toEqual(["/2026/11/24/flood-wall/"]);
    expect(links(out, "/news/")).toEqual(["/2026/11/20/second-story/", "/2026/11/10/third-story/"]);
    // `section: opinion` matches the section's slug, whatever its tags say.
    expect(links(out, "/opinion/")).toEqual(["/2026/11/22/ferry/"]);
  });

  it("gives a section with a fronts file its curated front, with its list under latest/", () => {
    const front = readPage(out, "/politics/");
    expect(front("h1").text()).toBe("Politics");
    expect(front("section.front-container h2").text()).toBe("Top story");
    expect(links(out, "/politics/", "section.front-container .card-title a")).toEqual(["/2026/11/24/flood-wall/"]);
    expect(front("a[href='/politics/latest/']")).toHaveLength(1);
    expect(front("link[rel=alternate][type='application/rss+xml'][href='/politics/feed.xml']")).toHaveLength(1);
    expect(readPage(out, "/politics/latest/")("h1").text()).toBe("Politics: latest");
  });

  it("publishes an RSS feed per section with its own articles", () => {
    const feed = readFileSync(path.join(out, "news", "feed.xml"), "utf8");
    expect(feed).toContain("<title>News — The Test Gazette</title>");
    expect(feed).toContain("/2026/11/20/second-story/");
    expect(feed).not.toContain("/2026/11/24/flood-wall/");
    expect(existsSync(path.join(out, "opinion", "feed.xml"))).toBe(true);
    expect(readPage(out, "/news/")("a[href='/news/feed.xml']").text()).toContain("Follow News");
  });

  it("links every section from the navigation, before the configured links", () => {
    expect(links(out, "/tags/", "nav.site-nav a")).toEqual(["/politics/", "/news/", "/opinion/", "/", "/tags/", "/about/"]);
    expect(readPage(out, "/news/")("nav.site-nav a[aria-current=page]").attr("href")).toBe("/news/");
  });

  it("shows the section in the article's breadcrumb and as articleSection in its JSON-LD", () => {
    const article = readPage(out, "/2026/11/22/ferry/");
    expect(
      article("nav.breadcrumb a")
        .map((_, a) => [[article(a).attr("href"), article(a).text()]])
        .get(),
    ).toEqual([
      ["/", "Home"],
      ["/opinion/", "Opinion"],
    ]);
    const jsonLd = JSON.parse(article("script[type='application/ld+json']").first().text()) as { articleSection: string };
    expect(jsonLd.articleSection).toBe("Opinion");
  });

  it("lists section pages in the sitemap", () => {
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    for (const page of ["/politics/", "/politics/latest/", "/news/", "/opinion/"]) expect(sitemap).toContain(`${page}</loc>`);
  });
});

const problem = (diagnostics: readonly Diagnostic[], file: string) =>
  diagnostics.filter((d) => d.file === file).map((d) => ({ line: d.line, field: d.field, severity: d.severity, message: d.message }));

describe("section mistakes", () => {
  it("reports an unknown section with its line and a did-you-mean, a front for no section and a backfill from no section", async () => {
    const root = sectionSite({
      "content/articles/2026/ferry.md": OPINION.replace("section: opinion", "section: Opinon"),
      "content/fronts/polotics.yml": "containers:\n  - title: Top\n    layout: lead\n",
      "content/fronts/home.yml": "containers:\n  - title: Top\n    layout: lead\n    backfill: { section: Polotics, limit: 2 }\n",
    });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(false);
    expect(problem(built.diagnostics, "content/articles/2026/ferry.md")).toEqual([
      { line: 5, field: "section", severity: "error", message: '`section` is "Opinon", which is not a section; did you mean "Opinion"?' },
    ]);
    expect(problem(built.diagnostics, "content/fronts/polotics.yml")).toEqual([
      { line: 1, field: undefined, severity: "error", message: 'there is no section "polotics" for this front; did you mean politics.yml?' },
    ]);
    const home = problem(built.diagnostics, "content/fronts/home.yml");
    expect(home).toHaveLength(1);
    expect(home[0]).toMatchObject({ line: 4, field: "containers[1].backfill.section", severity: "error" });
    expect(home[0]?.message).toContain('did you mean "politics"');
  }, 120_000);

  it("reports a section in front matter when the config has none", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/articles/2026/ferry.md": OPINION });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(false);
    expect(problem(built.diagnostics, "content/articles/2026/ferry.md").map((d) => [d.line, d.field])).toEqual([[5, "section"]]);
  }, 120_000);
});
