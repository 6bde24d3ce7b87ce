import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { parseXml, textOf } from "../support/xml.ts";

// A newsroom publishing in English (its main language, at today's addresses) and Welsh (under /cy/):
// tests/fixtures/sites/bilingual. Its clock is a few days after the newest story.
const NOW = Date.UTC(2026, 10, 21, 12);
const SITE = "https://lantern.example.cymru";

let result: BuildResult;
let out: string;
const page = (sitePath: string): CheerioAPI => readPage(out, sitePath);
const file = (sitePath: string) => readFileSync(path.join(out, sitePath), "utf8");

type Node = Record<string, unknown>;
const items = (feedPath: string) => ((parseXml(file(feedPath))["rss"] as Node)["channel"] as Node)["item"] as Node[] | undefined;
const sitemapUrls = (sitemapPath: string) =>
  (((parseXml(file(sitemapPath))["urlset"] as Node)["url"] as Node[] | undefined) ?? []).map((entry) => textOf(entry["loc"]));

function alternates($: CheerioAPI): Record<string, string> {
  return Object.fromEntries($('link[rel="alternate"][hreflang]').map((_, link) => [[$(link).attr("hreflang") ?? "", $(link).attr("href") ?? ""]]).get());
}

function menu($: CheerioAPI): { name: string; href: string; current: boolean; lang: string }[] {
  return $("nav.language-menu a")
    .map((_, link) => ({ name: $(link).text(), href: $(link).attr("href") ?? "", current: $(link).attr("aria-current") === "true", lang: $(link).attr("lang") ?? "" }))
    .get();
}

function jsonLd($: CheerioAPI): Node {
  return JSON.parse($('script[type="application/ld+json"]').first().text()) as Node;
}

beforeAll(async () => {
  const root = copyFixture("bilingual");
  result = await build({ root, now: NOW });
  out = result.outputDir;
}, 120_000);

describe("a site in English and Welsh", () => {
  it("builds, warning only that Welsh messages fall back to English", () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["messages/in-english"]);
  });

  it("keeps the main language at today's addresses and puts each translation under /cy/", () => {
    for (const sitePath of ["/2026/11/20/flood-wall/", "/cy/2026/11/20/flood-wall/", "/cy/2026/11/15/cyllideb/", "/cy/2026/11/19/eisteddfod/", "/about/", "/cy/about/"]) {
      expect(existsSync(path.join(out, sitePath, "index.html")), sitePath).toBe(true);
    }
    // A file's language code is never part of its address, and never read as a section.
    expect(existsSync(path.join(out, "2026/11/20/flood-wall-cy"))).toBe(false);
    expect(existsSync(path.join(out, "cy/2026/11/20/flood-wall-cy"))).toBe(false);
  });

  it("says each page's language, and the Welsh part's own copy", () => {
    expect(page("/").root().find("html").attr("lang")).toBe("en-GB");
    const $ = page("/cy/");
    expect($("html").attr("lang")).toBe("cy");
    expect($("html").attr("dir")).toBeUndefined();
    expect($(".tagline").first().text()).toBe("Newyddion annibynnol i'r cwm");
    expect($(".site-nav a").map((_, link) => $(link).text()).get()).toEqual(["Newyddion", "Diwylliant", "Pynciau", "Amdanom ni"]);
    expect($(".site-nav a").first().attr("href")).toBe("/cy/news/");
    expect($(".skip-link").text()).toBe("Neidio i'r cynnwys");
    expect(page("/cy/2026/11/20/flood-wall/")("aside.donate h2").first().text().trim()).toBe("Cadwch y Llusern ynghyn");
  });

  it("lists each language's articles on its own home page", () => {
    const titles = ($: CheerioAPI) => $(".card-title").map((_, title) => $(title).text().trim()).get();
    expect(titles(page("/"))).toEqual(["Council approves the flood wall", "The ferry returns for the summer"]);
    expect(titles(page("/cy/"))).toEqual(["Y cyngor yn cymeradwyo'r wal lifogydd", "Yr Eisteddfod yn dod i'r cwm"]);
    expect(titles(page("/cy/page/1/"))).toEqual(["Beth mae cyllideb y cyngor yn ei olygu i chi"]);
  });

  it("links translations both ways with hreflang and x-default, by file name and by translationKey", () => {
    for (const [english, welsh] of [
      ["/2026/11/20/flood-wall/", "/cy/2026/11/20/flood-wall/"],
      ["/2026/11/15/budget/", "/cy/2026/11/15/cyllideb/"],
      ["/about/", "/cy/about/"],
      ["/", "/cy/"],
      ["/news/", "/cy/news/"],
      ["/tags/", "/cy/tags/"],
      ["/authors/priya-raman/", "/cy/authors/priya-raman/"],
    ] as const) {
      const expected = { "en-GB": `${SITE}${english}`, cy: `${SITE}${welsh}`, "x-default": `${SITE}${english}` };
      expect(alternates(page(english)), english).toEqual(expected);
      expect(alternates(page(welsh)), welsh).toEqual(expected);
    }
    // A story in one language only, and archive blocks, have no alternates.
    expect(alternates(page("/2026/11/18/ferry/"))).toEqual({});
    expect(alternates(page("/cy/2026/11/19/eisteddfod/"))).toEqual({});
    expect(alternates(page("/cy/page/1/"))).toEqual({});
  });

  it("shows a language menu that leads to the page's translation, else to the language's home page", () => {
    expect(menu(page("/cy/2026/11/20/flood-wall/"))).toEqual([
      { name: "English", href: "/2026/11/20/flood-wall/", current: false, lang: "en-GB" },
      { name: "Cymraeg", href: "/cy/2026/11/20/flood-wall/", current: true, lang: "cy" },
    ]);
    expect(menu(page("/2026/11/18/ferry/"))).toEqual([
      { name: "English", href: "/2026/11/18/ferry/", current: true, lang: "en-GB" },
      { name: "Cymraeg", href: "/cy/", current: false, lang: "cy" },
    ]);
    expect(page("/cy/")("nav.language-menu").attr("aria-label")).toBe("Ieithoedd");
  });

  it("gives structured data the language and the translation links", () => {
    const english = jsonLd(page("/2026/11/20/flood-wall/"));
    expect(english["inLanguage"]).toBe("en-GB");
    expect(english["workTranslation"]).toEqual([{ "@id": `${SITE}/cy/2026/11/20/flood-wall/#article`, url: `${SITE}/cy/2026/11/20/flood-wall/`, inLanguage: "cy" }]);
    const welsh = jsonLd(page("/cy/2026/11/20/flood-wall/"));
    expect(welsh["inLanguage"]).toBe("cy");
    expect(welsh["translationOfWork"]).toEqual({ "@id": `${SITE}/2026/11/20/flood-wall/#article`, url: `${SITE}/2026/11/20/flood-wall/`, inLanguage: "en-GB" });
  });

  it("resolves links between files of either language to their addresses, and checks them", () => {
    const $ = page("/cy/2026/11/20/flood-wall/");
    expect($(".article-body a").map((_, link) => $(link).attr("href")).get()).toEqual(["/2026/11/20/flood-wall/", "/cy/search/", "/cy/2026/11/15/cyllideb/"]);
  });

  it("keeps bylines, topics and sections within the page's language", () => {
    const $ = page("/cy/2026/11/20/flood-wall/");
    expect($(".byline a").first().attr("href")).toBe("/cy/authors/priya-raman/");
    expect($(".article-tags a").map((_, link) => $(link).attr("href")).get()).toEqual(["/cy/tags/afon/", "/cy/tags/cyngor/"]);
    const author = page("/cy/authors/priya-raman/");
    expect(author(".card-title").map((_, title) => author(title).text().trim()).get()).toEqual([
      "Y cyngor yn cymeradwyo'r wal lifogydd",
      "Yr Eisteddfod yn dod i'r cwm",
    ]);
    // Each card's byline and date in the page's language.
    expect(author(".card-meta").first().text()).toBe("Priya Raman · 20 Tachwedd 2026, 09:00");
  });

  it("publishes feeds per language", () => {
    const channel = (feedPath: string) => (parseXml(file(feedPath))["rss"] as Node)["channel"] as Node;
    expect(textOf(channel("/cy/feed.xml")["language"])).toBe("cy");
    expect(items("/cy/feed.xml")?.map((item) => textOf(item["title"]))).toEqual([
      "Y cyngor yn cymeradwyo'r wal lifogydd",
      "Yr Eisteddfod yn dod i'r cwm",
      "Beth mae cyllideb y cyngor yn ei olygu i chi",
    ]);
    expect(items("/feed.xml")?.map((item) => textOf(item["link"]))).toEqual([
      `${SITE}/2026/11/20/flood-wall/`,
      `${SITE}/2026/11/18/ferry/`,
      `${SITE}/2026/11/15/budget/`,
    ]);
    expect(page("/cy/")('link[rel="alternate"][type="application/rss+xml"]').attr("href")).toBe("/cy/feed.xml");
  });

  it("publishes sitemaps and news sitemaps per language, all named in robots.txt", () => {
    const welsh = sitemapUrls("/cy/sitemap.xml");
    expect(welsh).toContain(`${SITE}/cy/2026/11/20/flood-wall/`);
    expect(welsh.every((url) => url.startsWith(`${SITE}/cy/`))).toBe(true);
    const english = sitemapUrls("/sitemap.xml");
    expect(english).toContain(`${SITE}/2026/11/20/flood-wall/`);
    expect(english.some((url) => url.startsWith(`${SITE}/cy/`))).toBe(false);
    const news = parseXml(file("/cy/news-sitemap.xml"))["urlset"] as Node;
    const entries = news["url"] as Node[];
    expect(entries.map((entry) => textOf(entry["loc"]))).toEqual([`${SITE}/cy/2026/11/20/flood-wall/`, `${SITE}/cy/2026/11/19/eisteddfod/`]);
    const publication = ((entries[0]?.["news:news"] as Node)["news:publication"] as Node)["news:language"];
    expect(textOf(publication)).toBe("cy");
    expect(file("/robots.txt").match(/^Sitemap: .*$/gm)).toEqual([
      `Sitemap: ${SITE}/sitemap.xml`,
      `Sitemap: ${SITE}/news-sitemap.xml`,
      `Sitemap: ${SITE}/cy/sitemap.xml`,
      `Sitemap: ${SITE}/cy/news-sitemap.xml`,
    ]);
    expect(existsSync(path.join(out, "cy/robots.txt"))).toBe(false);
  });
});

describe("a further language's own fronts", () => {
  it("curates /cy/ from content/fronts/home.cy.yml, with its stories only, and moves its list to /cy/latest/", async () => {
    const root = copyFixture("bilingual");
    writeFiles(root, {
      "content/fronts/home.cy.yml": [
        "title: Prif straeon",
        "containers:",
        "  - title: Y brif stori",
        "    showTitle: false",
        "    layout: lead",
        "    pinned:",
        "      - content/articles/2026/eisteddfod.md",
        "    backfill: { limit: 1 }",
        "  - title: Y diweddaraf",
        "    layout: row",
        "    pinned:",
        "      - content/articles/2026/ferry.md",
        "    backfill: { limit: 3 }",
        "",
      ].join("\n"),
    });
    const built = await build({ root, now: NOW });
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    // The English story pinned on the Welsh front is not shown there: a warning names it.
    expect(built.diagnostics.filter((diagnostic) => diagnostic.file === "content/fronts/home.cy.yml").map((diagnostic) => diagnostic.severity)).toEqual(["warning"]);
    const $ = readPage(built.outputDir, "/cy/");
    expect($("body").hasClass("page-front")).toBe(true);
    const cards = $(".card-title").map((_, title) => $(title).text().trim()).get();
    expect(cards[0]).toBe("Yr Eisteddfod yn dod i'r cwm");
    expect(cards).not.toContain("The ferry returns for the summer");
    expect($(".front-latest a").attr("href")).toBe("/cy/latest/");
    expect(readPage(built.outputDir, "/cy/latest/")("html").attr("lang")).toBe("cy");
    // The main language's home page is still its list.
    expect(readPage(built.outputDir, "/")("body").hasClass("page-front")).toBe(false);
  }, 120_000);
});
