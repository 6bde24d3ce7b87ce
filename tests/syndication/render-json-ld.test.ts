import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderNewsArticleJsonLd, toScriptJson } from "../../src/syndication/render-json-ld.ts";
import type { Article } from "../../src/model/types.ts";
import { RFC_3339 } from "../support/formats.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";
import { STANDARDS } from "../support/trust-site.ts";

const site = richSite();
// The test site's newsroom as every article names it.
const PUBLISHER = {
  "@type": "NewsMediaOrganization",
  "@id": "https://news.example.org/#publisher",
  name: "Test Gazette",
  url: "https://news.example.org/",
  logo: { "@type": "ImageObject", url: "https://news.example.org/logo.png" },
};
const article = (title: string) => site.articles.find((a) => a.title === title) as Article;

/** Embed the JSON-LD the way the article template does, and read it back through an HTML parser. */
function roundTrip(json: string): Record<string, unknown> {
  const $ = load(
    `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body><p id="after">after</p></body></html>`,
  );
  expect($("script")).toHaveLength(1);
  expect($("#after").text()).toBe("after");
  return JSON.parse($("script").text()) as Record<string, unknown>;
}

describe("the publisher's standards (the Trust Project's properties)", () => {
  const standards = { ...STANDARDS, reportError: "mailto:corrections@news.example.org" };

  it("names every configured policy on the NewsMediaOrganization as an absolute address", () => {
    const withStandards = richSite({ config: { standards } });
    const data = roundTrip(renderNewsArticleJsonLd(withStandards.articles[0] as Article, withStandards.config));
    expect(data["publisher"]).toEqual({
      ...PUBLISHER,
      publishingPrinciples: "https://news.example.org/standards/",
      correctionsPolicy: "https://news.example.org/corrections-policy/",
      ethicsPolicy: "https://news.example.org/standards/#ethics",
      verificationFactCheckingPolicy: "https://news.example.org/standards/#checking-the-facts",
      unnamedSourcesPolicy: "https://news.example.org/standards/#unnamed-sources",
      diversityPolicy: "https://group.example.com/diversity",
      ownershipFundingInfo: "https://news.example.org/about/#funding",
      masthead: "https://news.example.org/masthead/",
      actionableFeedbackPolicy: "https://news.example.org/about/#contact",
    });
  });

  it("names only the policies given, under a site's sub-folder", () => {
    const partial = richSite({ config: { url: "https://example.github.io/gazette", standards: { masthead: "/masthead/" } } });
    const publisher = roundTrip(renderNewsArticleJsonLd(partial.articles[0] as Article, partial.config))["publisher"] as Record<string, unknown>;
    expect(Object.keys(publisher).filter((key) => key.endsWith("Policy") || key === "masthead" || key.endsWith("Info") || key.endsWith("Principles"))).toEqual(["masthead"]);
    expect(publisher["masthead"]).toBe("https://example.github.io/gazette/masthead/");
  });
});

describe("NewsArticle JSON-LD", () => {
  const data = roundTrip(renderNewsArticleJsonLd(article("Flood wall approved"), site.config));

  it("carries the headline, the URL and both dates with offsets", () => {
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Flood wall approved",
      url: "https://news.example.org/2026/11/26/flood/",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://news.example.org/2026/11/26/flood/" },
      datePublished: "2026-11-26T18:40:00+00:00",
      dateModified: "2026-11-27T09:15:00+00:00",
      image: ["https://news.example.org/media/articles/images/wall-0123456789-1200.jpeg"],
      description: "The wall will protect <300> homes & shops.",
      isAccessibleForFree: true,
    });
    expect(data["datePublished"]).toMatch(RFC_3339);
  });

  it("names every byline as a Person, with the author page as url when there is one", () => {
    expect(data["author"]).toEqual([
      {
        "@type": "Person",
        name: "Priya Raman",
        url: "https://news.example.org/authors/priya-raman/",
        jobTitle: "Reporter",
        sameAs: ["https://social.example/@priya"],
      },
      { "@type": "Person", name: "Staff reporter" },
    ]);
  });

  it("names the newsroom as a NewsMediaOrganization with its logo", () => {
    expect(data["publisher"]).toEqual(PUBLISHER);
  });

  it("cites the sources and lists the corrections, newest first", () => {
    expect(data["citation"]).toEqual([
      { "@type": "CreativeWork", name: "Council minutes", url: "https://council.example/minutes/%C3%A9", description: "Item 7" },
      { "@type": "CreativeWork", name: "Interview with the study’s author" },
    ]);
    expect(data["correction"]).toEqual([
      {
        "@type": "CorrectionComment",
        text: "An earlier version gave the length as 400 metres.",
        datePublished: "2026-11-27T08:00:00+00:00",
      },
      { "@type": "CorrectionComment", text: "An earlier version misspelt a name.", datePublished: "2026-11-26T20:00:00+00:00" },
    ]);
  });

  it("cannot be ended early by a headline or byline, and gives the hostile text back unchanged", () => {
    const json = renderNewsArticleJsonLd(article(HOSTILE_TITLE), site.config);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const hostile = roundTrip(json);
    expect(hostile["headline"]).toBe(HOSTILE_TITLE);
    expect((hostile["author"] as { name: string }[])[0]?.name).toBe(HOSTILE_TITLE);
  });
});

describe("toScriptJson", () => {
  it("escapes <, >, &, U+2028 and U+2029 and nothing else", () => {
    expect(toScriptJson({ a: "</script><!--&\u2028\u2029é" })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029é"}');
    expect(JSON.parse(toScriptJson({ a: "</script>" }))).toEqual({ a: "</script>" });
  });
});

describe("LiveBlogPosting and isPartOf JSON-LD", () => {
  const base = article("Flood wall approved");
  const time = (iso: string, clock: string) => ({ epochMs: Date.parse(iso), iso, machine: iso, day: "1 December 2026", time: clock });
  const live: Article = {
    ...base,
    live: {
      open: false,
      ended: time("2026-12-01T18:00:00+00:00", "18:00"),
      updates: [
        { id: "update-20261201-1140", time: time("2026-12-01T11:40:00+00:00", "11:40"), title: "Peak expected", html: "<p>The river <strong>peaks</strong> at 2pm.</p>", scheduled: false, key: false },
        { id: "update-20261201-0850", time: time("2026-12-01T08:50:00+00:00", "08:50"), html: `<p>${"A long sentence about the closed roads and the buses. ".repeat(4)}</p>`, scheduled: false, key: false },
      ],
      keyEvents: [],
    },
    series: { title: "Living with the river", url: "/series/living-with-the-river/", part: 2, count: 3 },
  };
  const data = roundTrip(renderNewsArticleJsonLd(live, site.config));

  it("is a LiveBlogPosting with the coverage's start and end and each update as a BlogPosting at its anchor", () => {
    expect(data).toMatchObject({ "@type": "LiveBlogPosting", headline: "Flood wall approved", coverageStartTime: base.date.iso, coverageEndTime: "2026-12-01T18:00:00+00:00" });
    const updates = data["liveBlogUpdate"] as Record<string, string>[];
    expect(updates[0]).toEqual({
      "@type": "BlogPosting",
      "@id": "https://news.example.org/2026/11/26/flood/#update-20261201-1140",
      url: "https://news.example.org/2026/11/26/flood/#update-20261201-1140",
      headline: "Peak expected",
      datePublished: "2026-12-01T11:40:00+00:00",
      articleBody: "The river peaks at 2pm.",
    });
    // Without a title, the headline is the update's first words, cut at a word within Google's 110 characters.
    const headline = updates[1]?.["headline"] ?? "";
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toBe("A long sentence about the closed roads and the buses. A long sentence about the closed roads and the buses.…");
  });

  it("names the series the article is a part of, and is a plain NewsArticle without coverage otherwise", () => {
    expect(data["isPartOf"]).toEqual({ "@type": "CreativeWorkSeries", name: "Living with the river", url: "https://news.example.org/series/living-with-the-river/" });
    const plain = roundTrip(renderNewsArticleJsonLd(base, site.config));
    expect(plain["@type"]).toBe("NewsArticle");
    expect(["coverageStartTime", "liveBlogUpdate", "isPartOf"].filter((key) => key in plain)).toEqual([]);
  });
});
