import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { loadSite } from "../../src/load-site.ts";
import { searchDocument } from "../../src/search/search-documents.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { readFragments } from "../support/pagefind-fragments.ts";
import { englishMessages } from "../../src/i18n/catalogues.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

describe("search (the newsroom fixture)", () => {
  let result: BuildResult;
  let root: string;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    writeFiles(root, { "content/articles/2026/nothing-yet.md": "---\ntitle: Nothing here yet\ndate: 2026-11-21\nbyline: Staff reporter\n---\n" });
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

  it("stores what a result shows: the headline, byline, caption and topics as searched metadata; the kicker, type and date as filters, not searched; and as the text excerpts are cut from, the standfirst and body alone", () => {
    const pages = readFragments(path.join(result.outputDir, "pagefind", "shard-recent"));
    const flood = pages.get("/2026/11/24/flood-wall/");
    expect(flood?.meta).toEqual({
      image: "",
      title: "Council approves “riverside” flood wall — after six-hour debate",
      byline: "Priya Raman and Staff reporter",
      caption: "Work began in October. Gazette staff",
      topics: "Council, River, C++",
    });
    expect(flood?.filters).toEqual({ kicker: ["Council"], type: ["Analysis"], date: ["24 November 2026, 18:40"], datetime: ["2026-11-24T18:40:00+00:00"] });
    const text = flood?.content ?? "";
    // The editor's summary is the standfirst, first; then the body.
    expect(text.startsWith("The wall will protect 300 homes on the east bank. Councillors voted 9–4 on Tuesday night")).toBe(true);
    expect(text).toContain("We cannot wait for the next flood");
    for (const part of ["riverside", "six-hour", "Priya Raman", "Staff reporter", "Work began", "Gazette staff", "C++", "Analysis", "November", "Planning committee minutes", "400 metres", "Support", "min read"]) expect(text).not.toContain(part);

    // Without a summary the body's opening paragraph is the standfirst; a news story has no type label, a day without a time no time.
    const school = pages.get("/2026/11/20/second-story/");
    // A picture in the body is not taken for the result's image, whose address would be searched.
    expect(school?.meta).toEqual({ image: "", title: "Second story", byline: "Priya Raman", topics: "River, Schools" });
    expect(school?.filters).toEqual({ kicker: ["River"], date: ["20 November 2026"], datetime: ["2026-11-20"] });
    expect(school?.content.startsWith("A school by the river reopens.")).toBe(true);

    // An article with no words yet is still found: by its headline, the only text it has.
    const empty = pages.get("/2026/11/21/nothing-yet/");
    expect(empty?.meta).toEqual({ image: "", title: "Nothing here yet", byline: "Staff reporter" });
    expect(empty?.content).toBe("Nothing here yet.");
  });

  it("flags open live coverage as the cards do, instead of the kicker", () => {
    const loaded = loadSite({ root, now: NOW, mode: "production" });
    const article = loaded.site?.articles.find((candidate) => candidate.url === "/2026/11/24/flood-wall/");
    if (!article) throw new Error("the fixture has the flood wall article");
    const $ = load(searchDocument({ ...article, kicker: { text: "Live", live: true } }, englishMessages()).html());
    const filters = $("[data-pagefind-filter]").toArray().map((element) => [$(element).attr("data-pagefind-filter"), $(element).text()]);
    expect(filters).toEqual([
      ["live", "Live"],
      ["type", "Analysis"],
      ["date, datetime[datetime]", "24 November 2026, 18:40"],
    ]);
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
