import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

describe("search (the newsroom fixture)", () => {
  let result: BuildResult;

  beforeAll(async () => {
    result = await build({ root: copyFixture("newsroom"), now: NOW });
  });

  it("writes a Pagefind index of the article pages only", () => {
    expect(result.ok).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(result.outputDir, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(["en-gb"]);
    expect(entry.languages["en-gb"]?.page_count).toBe(result.articles);
    expect(existsSync(path.join(result.outputDir, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("marks the article for indexing and leaves out labels, dates, sources, corrections and the donation block", () => {
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    expect($("[data-pagefind-body]").is("main > article")).toBe(true);
    for (const selector of [".type-label", ".dateline", ".sources", ".corrections", "aside.donate"]) {
      expect($(selector).is("[data-pagefind-ignore]"), selector).toBe(true);
    }
    for (const selector of ["h1", ".standfirst", ".byline", ".article-body", ".article-tags a"]) {
      expect($(selector).closest("[data-pagefind-ignore]"), selector).toHaveLength(0);
    }
    expect($("[data-pagefind-meta]").attr("data-pagefind-meta")).toBe("date:24 November 2026");
    for (const page of ["/", "/tags/", "/tags/river/", "/authors/priya-raman/", "/about/", "/search/"]) {
      expect(readPage(result.outputDir, page)("[data-pagefind-body]"), page).toHaveLength(0);
    }
  });

  it("has a search page with a labelled search form, and a link to the topics for browsers without JavaScript", () => {
    const $ = readPage(result.outputDir, "/search/");
    const form = $('form[role="search"]');
    expect(form.attr("action")).toBe("/search/");
    expect(form.attr("method")).toBe("get");
    const input = form.find("input[type=search]");
    expect(input.attr("name")).toBe("q");
    expect(form.find(`label[for="${input.attr("id")}"]`).text()).toBe("Search articles");
    // cheerio, like a browser with scripting, reads <noscript> as text.
    const fallback = load($("noscript").text());
    expect(fallback("p").text()).toContain("Search needs JavaScript");
    expect(fallback("a").attr("href")).toBe("/tags/");
    expect($('[role="status"]')).toHaveLength(1);
    const script = $('script[type="module"]').attr("src") ?? "";
    expect(script).toMatch(/^\/assets\/search\.[0-9a-f]{10}\.js$/);
    expect(existsSync(path.join(result.outputDir, script))).toBe(true);
  });

  it("loads the search script on the search page only, and links to search from every page", () => {
    for (const page of ["/", "/2026/11/24/flood-wall/", "/tags/"]) {
      const $ = readPage(result.outputDir, page);
      // An article loads the donation ask's script, and only that.
      expect($("script[src]").not('[src^="/assets/ask."]'), page).toHaveLength(0);
      expect($('footer a[href="/search/"]').text(), page).toBe("Search");
    }
  });
});
