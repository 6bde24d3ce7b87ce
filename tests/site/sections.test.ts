import path from "node:path";
import { describe, expect, it, beforeAll } from "vitest";
import { parseConfig, type SiteConfig } from "../../src/config/config.ts";
import { chooseSection, sectionByFolder } from "../../src/site/sections.ts";
import { existsSync, readFileSync } from "node:fs";
import type { CheerioAPI } from "cheerio";
import { build } from "../../src/build.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

function siteConfig(sections: string): SiteConfig {
  const parsed = parseConfig(
    `name: The Gazette\nurl: https://gazette.example.org\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\n${sections}`,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.config;
}

const config = siteConfig(`sections:
  - { name: News, tags: [River] }
  - { name: Politics, tags: [Council] }
  - { name: Culture, folders: [arts, 2026/festival] }
  - { name: Opinion }
`);

const sectionOf = (file: string, tags: string[] = [], section?: string) =>
  chooseSection({ file, tags, section, line: 3 }, config).section?.slug;

describe("chooseSection", () => {
  it("files an article under content/articles/<slug>/ in that section by default", () => {
    expect(sectionOf("content/articles/politics/budget.md")).toBe("politics");
    expect(sectionOf("content/articles/opinion/2026/ferry.md")).toBe("opinion");
  });

  it("uses a section's `folders` instead of its slug when the config lists them, at any depth", () => {
    expect(sectionOf("content/articles/arts/gallery.md")).toBe("culture");
    expect(sectionOf("content/articles/2026/festival/line-up.md")).toBe("culture");
    // `folders` replaces the default: culture/ is no longer Culture's folder.
    expect(sectionOf("content/articles/culture/gallery.md")).toBe("news");
  });

  it("matches whole folder names only, and never the file name", () => {
    expect(sectionOf("content/articles/politics-extra/budget.md")).toBe("news");
    expect(sectionOf("content/articles/2026/politics.md")).toBe("news");
  });

  it("puts the front matter first, then the folder, then the tags, then the first section", () => {
    expect(sectionOf("content/articles/politics/budget.md", ["River"], "Opinion")).toBe("opinion");
    expect(sectionOf("content/articles/politics/budget.md", ["River"])).toBe("politics");
    expect(sectionOf("content/articles/2026/budget.md", ["Council"])).toBe("politics");
    expect(sectionOf("content/articles/2026/budget.md", ["Weather"])).toBe("news");
  });

  it("still reports a `section` naming no section, whatever the folder", () => {
    const chosen = chooseSection({ file: "content/articles/politics/budget.md", tags: [], section: "Sport", line: 3 }, config);
    expect(chosen.diagnostic).toMatchObject({ code: "front-matter/section", line: 3 });
  });
});

describe("sectionByFolder", () => {
  it("prefers the deeper of two folders that both hold the file", () => {
    const nested = siteConfig(`sections:
  - { name: News, folders: [2026] }
  - { name: Culture, folders: [2026/festival] }
`).sections;
    expect(sectionByFolder("content/articles/2026/festival/line-up.md", nested)?.slug).toBe("culture");
    expect(sectionByFolder("content/articles/2026/budget.md", nested)?.slug).toBe("news");
    expect(sectionByFolder("content/pages/2026/about.md", nested)).toBeUndefined();
  });

  it("files nothing by folder for a section whose `folders` is empty", () => {
    const off = siteConfig("sections:\n  - { name: News }\n  - { name: Politics, folders: [] }\n").sections;
    expect(sectionByFolder("content/articles/politics/budget.md", off)).toBeUndefined();
  });
});

describe("the sections' `folders` setting", () => {
  it("refuses a folder that could reach outside content/articles, with its line", () => {
    for (const folder of ["../pages", "/etc", "politics/", "a/./b", "a\\\\b"]) {
      const parsed = parseConfig(
        `name: G\nurl: https://g.example.org\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\nsections:\n  - name: News\n    folders: ["${folder}"]\n`,
      );
      expect(parsed.ok, folder).toBe(false);
      if (!parsed.ok) expect(parsed.diagnostics[0]).toMatchObject({ line: 6 });
    }
  });
});

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

/** A page's breadcrumb as [href, text, aria-current] per item, read from the one `nav[aria-label=Breadcrumb]`'s ordered list. */
function trail($: CheerioAPI): [string | undefined, string, string | undefined][] {
  const nav = $("nav[aria-label=Breadcrumb]");
  expect(nav).toHaveLength(1);
  return nav
    .find("> ol > li")
    .map((_, li) => {
      const a = $(li).find("a");
      return [[a.attr("href"), a.text(), a.attr("aria-current")]];
    })
    .get() as [string | undefined, string, string | undefined][];
}

/** Every JSON-LD block of a page, parsed as JSON. */
function jsonLdOf($: CheerioAPI): Record<string, unknown>[] {
  return $("script[type='application/ld+json']")
    .map((_, script) => [JSON.parse($(script).text()) as Record<string, unknown>])
    .get() as Record<string, unknown>[];
}

describe("sections", () => {
  let out: string;
  beforeAll(async () => {
    const built = await build({
      root: sectionSite({
        "content/fronts/politics.yml":
          "containers:\n  - title: Top story\n    layout: lead\n    backfill: { section: Politics, limit: 1 }\n",
      }),
      now: NOW,
      outputDir: "_site",
    });
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

  it("shows the section in the article's breadcrumb (not the headline, right below it) and, with the headline, in its JSON-LD", () => {
    const article = readPage(out, "/2026/11/22/ferry/");
    expect(trail(article)).toEqual([
      ["/", "Home", undefined],
      ["/opinion/", "Opinion", undefined],
    ]);
    const jsonLd = jsonLdOf(article);
    expect(jsonLd.find((data) => data["@type"] === "NewsArticle")?.["articleSection"]).toBe("Opinion");
    expect(jsonLd.find((data) => data["@type"] === "BreadcrumbList")).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Home", item: "https://gazette.example.org/" },
        { "@type": "ListItem", position: 2, name: "Opinion", item: "https://gazette.example.org/opinion/" },
        { "@type": "ListItem", position: 3, name: "Keep the ferry running", item: "https://gazette.example.org/2026/11/22/ferry/" },
      ],
    });
  });

  it("gives section pages the breadcrumb too: a front, its latest list and a section without a front", () => {
    expect(trail(readPage(out, "/politics/"))).toEqual([
      ["/", "Home", undefined],
      ["/politics/", "Politics", "page"],
    ]);
    expect(trail(readPage(out, "/politics/latest/"))).toEqual([
      ["/", "Home", undefined],
      ["/politics/", "Politics", undefined],
      ["/politics/latest/", "Latest", "page"],
    ]);
    const opinion = readPage(out, "/opinion/");
    expect(trail(opinion)).toEqual([
      ["/", "Home", undefined],
      ["/opinion/", "Opinion", "page"],
    ]);
    const list = jsonLdOf(opinion).find((data) => data["@type"] === "BreadcrumbList") as { itemListElement: { item: string }[] };
    expect(list.itemListElement.map((item) => item.item)).toEqual(["https://gazette.example.org/", "https://gazette.example.org/opinion/"]);
    // The home page is the top of every trail: it has none.
    expect(readPage(out, "/")("nav[aria-label=Breadcrumb]")).toHaveLength(0);
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
      {
        line: 1,
        field: undefined,
        severity: "error",
        message: 'there is no section "polotics" for this front; did you mean politics.yml?',
      },
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
