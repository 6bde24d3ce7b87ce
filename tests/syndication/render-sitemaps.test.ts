import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newsLanguage, recentArticles, renderNewsSitemap } from "../../src/syndication/render-news-sitemap.ts";
import { renderRobots } from "../../src/syndication/render-robots.ts";
import { renderSitemap, renderSitemapIndex } from "../../src/syndication/render-sitemap.ts";
import type { Site } from "../../src/site/site.ts";
import { RFC_3339 } from "../support/formats.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";
import { NEWS_SITEMAP_XSD, parseXml, SITEMAP_XSD, textOf, xmllint } from "../support/xml.ts";
import { tempFolder } from "../support/temp-folder.ts";

type Node = Record<string, unknown>;
const folder = tempFolder("sitemaps");

function validates(xml: string, schema: string): { status: number; output: string } {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  return xmllint(["--noout", "--schema", schema, file]);
}

function sitemapOf(site: Site): string {
  const file = site.outputFiles.find((output) => output.kind === "sitemap");
  if (file?.kind !== "sitemap") throw new Error("no sitemap");
  return renderSitemap(file.entries, site);
}

describe("renderSitemap", () => {
  const site = richSite();
  const xml = sitemapOf(site);
  const urls = (parseXml(xml)["urlset"] as Node)["url"] as Node[];

  it("is valid against the sitemap protocol's XSD", () => {
    expect(validates(xml, SITEMAP_XSD)).toMatchObject({ status: 0 });
  });

  it("lists absolute addresses of published articles with lastmod in RFC 3339, and no draft, scheduled or expired one", () => {
    const locs = urls.map((url) => url["loc"]);
    expect(locs).toContain("https://news.example.org/2026/11/26/flood/");
    expect(locs.filter((loc) => /draft|future|expired/.test(String(loc)))).toEqual([]);
    expect(urls.find((url) => url["loc"] === "https://news.example.org/2026/11/26/flood/")?.["lastmod"]).toBe("2026-11-27T09:15:00+00:00");
    for (const url of urls) if (url["lastmod"] !== undefined) expect(url["lastmod"]).toMatch(RFC_3339);
  });

  it("puts a site in a sub-folder under its folder", () => {
    const sub = richSite({ config: { url: "https://example.github.io/gazette/" } });
    const locs = ((parseXml(sitemapOf(sub))["urlset"] as Node)["url"] as Node[]).map((url) => String(url["loc"]));
    expect(locs[0]).toBe("https://example.github.io/gazette/");
    expect(locs.every((loc) => loc.startsWith("https://example.github.io/gazette/"))).toBe(true);
  });

  // The `sitemap` package ships only sitemap.xsd (not siteindex.xsd), so the index is checked through a parser.
  it("writes a sitemap index of absolute addresses", () => {
    const index = renderSitemapIndex(["/sitemap-1.xml", "/sitemap-2.xml"], site);
    expect(((parseXml(index)["sitemapindex"] as Node)["sitemap"] as Node[]).map((s) => s["loc"])).toEqual([
      "https://news.example.org/sitemap-1.xml",
      "https://news.example.org/sitemap-2.xml",
    ]);
    expect((parseXml(index)["sitemapindex"] as Node)["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  });

  it("is rejected by the XSD when a lastmod is not a W3C date (the check can fail)", () => {
    expect(validates(xml.replace(/<lastmod>[^<]+</, "<lastmod>Thu, 26 Nov 2026<"), SITEMAP_XSD).status).not.toBe(0);
  });
});

describe("renderNewsSitemap", () => {
  const site = richSite();
  const xml = renderNewsSitemap(site);
  const urls = (parseXml(xml)["urlset"] as Node)["url"] as Node[];

  it("is valid against the sitemap XSD with Google's news extension", () => {
    expect(validates(xml, NEWS_SITEMAP_XSD)).toMatchObject({ status: 0 });
  });

  it("lists only articles first published in the two days before the build, with publication, date and title", () => {
    // now is 27 Nov 12:00 UTC: 26 Nov 18:40 and 10:00 are inside, 1 Nov is not; the draft (26 Nov) and scheduled ones never.
    expect(urls.map((url) => url["loc"])).toEqual([
      "https://news.example.org/2026/11/26/flood/",
      "https://news.example.org/2026/11/26/hostile/",
    ]);
    const news = urls[0]?.["news:news"] as Node;
    expect(news["news:publication"]).toEqual({ "news:name": "Test Gazette", "news:language": "en" });
    expect(news["news:publication_date"]).toBe("2026-11-26T18:40:00+00:00");
    expect(textOf(news["news:title"])).toBe("Flood wall approved");
    expect(textOf((urls[1]?.["news:news"] as Node)["news:title"])).toBe(HOSTILE_TITLE);
  });

  it("counts the two days from the build's now, and stops at 1,000 articles", () => {
    // Two days before 28 Nov 12:00 is 26 Nov 12:00: 18:40 that day is in, 10:00 is out.
    const later = { ...site, now: Date.UTC(2026, 10, 28, 12) };
    expect(recentArticles(later).map((a) => a.title)).toEqual(["Flood wall approved"]);
    const many = { ...site, syndicated: Array.from({ length: 1200 }, () => site.syndicated[0]) } as Site;
    expect(recentArticles(many)).toHaveLength(1000);
  });

  it("keeps an article for 48 hours after its first publication, to the minute", () => {
    // "Flood wall approved" was first published on 26 Nov at 18:40 UTC: listed until 28 Nov 18:40.
    const listedAt = (now: number) => {
      const urls = [(parseXml(renderNewsSitemap({ ...site, now }))["urlset"] as Node)["url"]].flat() as Node[];
      return urls.filter((url) => url["news:news"] !== undefined).map((url) => url["loc"]);
    };
    expect(listedAt(Date.UTC(2026, 10, 28, 18, 39))).toEqual(["https://news.example.org/2026/11/26/flood/"]);
    expect(listedAt(Date.UTC(2026, 10, 28, 18, 40))).toEqual(["https://news.example.org/2026/11/26/flood/"]);
    expect(listedAt(Date.UTC(2026, 10, 28, 18, 41))).toEqual([]);
  });

  it("stays valid with nothing recent, listing the newest article without news metadata", () => {
    const quiet = { ...site, now: Date.UTC(2027, 0, 10) };
    const text = renderNewsSitemap(quiet);
    const only = (parseXml(text)["urlset"] as Node)["url"] as Node[];
    expect(only).toEqual([{ loc: "https://news.example.org/2026/11/26/flood/" }]);
    expect(validates(text, NEWS_SITEMAP_XSD)).toMatchObject({ status: 0 });
  });

  it("is rejected by the news XSD when the language is not an ISO 639 code (the check can fail)", () => {
    expect(validates(xml.replace("<news:language>en<", "<news:language>en-GB<"), NEWS_SITEMAP_XSD).status).not.toBe(0);
  });
});

describe("newsLanguage", () => {
  it("gives the ISO 639 code Google wants, with its Chinese exceptions", () => {
    expect(["en-GB", "en", "cy", "fil-PH", "zh-Hans-CN", "zh-TW", "zh-Hant", "zh"].map(newsLanguage)).toEqual([
      "en",
      "en",
      "cy",
      "fil",
      "zh-cn",
      "zh-tw",
      "zh-tw",
      "zh-cn",
    ]);
  });
});

describe("renderRobots", () => {
  it("allows crawling and names both sitemaps; a preview build keeps crawlers out", () => {
    const site = richSite();
    expect(renderRobots(site)).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\nSitemap: https://news.example.org/news-sitemap.xml\n",
    );
    expect(renderRobots(richSite({ mode: "preview" }))).toContain("Disallow: /\n");
  });
});
