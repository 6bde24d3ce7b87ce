import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { loadSite } from "../../src/load-site.ts";
import { searchDocument } from "../../src/search/search-documents.ts";
import { copyFixture, readPage } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

describe("search (the newsroom fixture)", () => {
  let result: BuildResult;
  let root: string;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    result = await build({ root, now: NOW });
  });

  it("writes a Pagefind index of the article pages only: the shards, and a vocabulary record for each", () => {
    expect(result.ok).toBe(true);
    const bundle = path.join(result.outputDir, "pagefind");
    const entry = (folder: string) =>
      JSON.parse(readFileSync(path.join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const { shards } = JSON.parse(readFileSync(path.join(bundle, "shards.json"), "utf8")) as { shards: { id: string; path: string }[] };
    // The fixture is smaller than the smallest block: one recent shard.
    expect(shards).toEqual([{ id: "recent", path: "shard-recent/" }]);
    expect(entry(bundle).languages).toEqual({ "en-gb": expect.objectContaining({ page_count: 1 }) });
    expect(entry(path.join(bundle, "shard-recent")).languages).toEqual({ "en-gb": expect.objectContaining({ page_count: result.articles }) });
    expect(existsSync(path.join(bundle, "pagefind.js"))).toBe(true);
    // A shard holds its index only; the library and WebAssembly are the bundle's.
    expect(existsSync(path.join(bundle, "shard-recent", "pagefind.js"))).toBe(false);
  });

  it("indexes headline, standfirst, byline, body and topics, and leaves out labels, dates, sources, corrections and the donation block", () => {
    const loaded = loadSite({ root, now: NOW, mode: "production" });
    const article = loaded.site?.articles.find((candidate) => candidate.url === "/2026/11/24/flood-wall/");
    if (!article) throw new Error("the fixture has the flood wall article");
    const document = searchDocument(article, "en-GB");
    expect(document.url).toBe(article.url);
    const $ = load(document.html());
    const body = $("[data-pagefind-body]");
    expect(body.attr("data-pagefind-meta")).toBe("date:24 November 2026");
    expect(body.find("h1").text()).toBe(article.title);
    const text = body.text();
    for (const part of [article.bylines[0]?.name, article.tags[0]?.name, load(article.body[0]).text().trim().slice(0, 40)]) expect(text).toContain(part);
    for (const part of [article.type.label, article.sources[0]?.name, "Support", "min read"]) expect(text).not.toContain(part);
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
