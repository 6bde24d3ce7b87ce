import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderNewsArticleJsonLd, toScriptJson } from "../../src/outputs/render-json-ld.ts";
import type { Article } from "../../src/site/types.ts";
import { RFC_3339 } from "../support/formats.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";

const site = richSite();
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
    expect(data["publisher"]).toEqual({
      "@type": "NewsMediaOrganization",
      "@id": "https://news.example.org/#publisher",
      name: "Test Gazette",
      url: "https://news.example.org/",
      logo: { "@type": "ImageObject", url: "https://news.example.org/logo.png" },
    });
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
