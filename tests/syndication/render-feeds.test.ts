import { describe, expect, it } from "vitest";
import { renderAtom } from "../../src/syndication/render-atom.ts";
import { renderJsonFeed } from "../../src/syndication/render-json-feed.ts";
import { renderRss } from "../../src/syndication/render-rss.ts";
import type { Feed } from "../../src/model/types.ts";
import { jsonFeedValidator } from "../support/json-feed-schema.ts";
import { RFC_3339, RFC_822 } from "../support/formats.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";
import { parseXml, textOf } from "../support/xml.ts";

type Node = Record<string, unknown>;
const site = richSite();
const titles = ["Flood wall approved", HOSTILE_TITLE, "Older story"];

describe("renderRss", () => {
  const rss = parseXml(renderRss(site.feed, site))["rss"] as Node;
  const channel = rss["channel"] as Node;
  const items = channel["item"] as Node[];
  const flood = items[0] as Node;

  it("writes an RSS 2.0 channel with its required elements and a self link", () => {
    expect(rss["@version"]).toBe("2.0");
    expect([channel["title"], channel["link"], channel["description"], channel["language"]]).toEqual([
      "Test Gazette",
      "https://news.example.org/",
      "News for the valley",
      "en-GB",
    ]);
    expect(channel["atom:link"]).toMatchObject({
      "@href": "https://news.example.org/feed.xml",
      "@rel": "self",
      "@type": "application/rss+xml",
    });
    expect(channel["lastBuildDate"]).toMatch(RFC_822);
  });

  it("carries the newest published articles only, with every field and RFC 822 dates in the site's zone", () => {
    expect(items.map((item) => textOf(item["title"]))).toEqual(titles);
    expect(flood["link"]).toBe("https://news.example.org/2026/11/26/flood/");
    expect(flood["guid"]).toEqual({ "#text": "https://news.example.org/2026/11/26/flood/", "@isPermaLink": "true" });
    expect(flood["pubDate"]).toBe("Thu, 26 Nov 2026 18:40:00 +0000");
    for (const item of items) expect(item["pubDate"]).toMatch(RFC_822);
    expect(flood["dcterms:modified"]).toBe("2026-11-27T09:15:00+00:00");
    expect(flood["dc:creator"]).toEqual(["Priya Raman", "Staff reporter"]);
    expect((flood["category"] as Node[]).map((c) => [c["#text"], c["@domain"]])).toEqual([
      ["River", "https://news.example.org/tags/river/"],
      ["Council", "https://news.example.org/tags/council/"],
    ]);
    expect(flood["media:content"]).toMatchObject({
      "@url": "https://news.example.org/media/articles/images/wall-0123456789-1200.jpeg",
      "@medium": "image",
      "@type": "image/jpeg",
    });
  });

  it("puts the summary in description as HTML-escaped text, and the full content in content:encoded", () => {
    // Readers treat description as HTML: the summary's own < and & must reach them as text.
    expect(flood["description"]).toBe("The wall will protect &lt;300&gt; homes &amp; shops.");
    const content = textOf(flood["content:encoded"]);
    expect(content).toContain('<img src="https://news.example.org/media/articles/images/wall.jpg" alt="A wall by the river">');
    expect(content).toContain("<p>The wall will protect &lt;300&gt; homes &amp; shops.</p>");
    expect(content).toContain('<a href="https://news.example.org/2026/11/26/flood/#note">the note</a>');
  });

  it("keeps a hostile headline and byline as text", () => {
    const hostile = items[1] as Node;
    expect(textOf(hostile["title"])).toBe(HOSTILE_TITLE);
    expect(hostile["dc:creator"]).toEqual([HOSTILE_TITLE]);
  });
});

describe("renderAtom", () => {
  const feed = parseXml(renderAtom(site.feed, site))["feed"] as Node;
  const entries = feed["entry"] as Node[];

  it("writes the feed's required id, title, updated and self link", () => {
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["id"]).toBe("https://news.example.org/atom.xml");
    expect(textOf(feed["title"])).toBe("Test Gazette");
    expect(feed["updated"]).toBe("2026-11-27T09:15:00+00:00");
    expect((feed["link"] as Node[]).map((l) => [l["@rel"], l["@href"]])).toEqual([
      ["self", "https://news.example.org/atom.xml"],
      ["alternate", "https://news.example.org/"],
    ]);
    expect(feed["icon"]).toBe("https://news.example.org/logo.png");
  });

  it("gives each entry an id, title, RFC 3339 dates, authors with their pages, categories, summary and HTML content", () => {
    expect(entries.map((e) => textOf(e["title"]))).toEqual(titles);
    const flood = entries[0] as Node;
    expect(flood["id"]).toBe("https://news.example.org/2026/11/26/flood/");
    expect([flood["published"], flood["updated"]]).toEqual(["2026-11-26T18:40:00+00:00", "2026-11-27T09:15:00+00:00"]);
    for (const entry of entries) {
      expect(entry["published"]).toMatch(RFC_3339);
      expect(entry["updated"]).toMatch(RFC_3339);
    }
    expect(flood["author"]).toEqual([
      { name: "Priya Raman", uri: "https://news.example.org/authors/priya-raman/" },
      { name: "Staff reporter" },
    ]);
    expect((flood["category"] as Node[]).map((c) => c["@label"])).toEqual(["River", "Council"]);
    expect(flood["summary"]).toEqual({ "#text": "The wall will protect <300> homes & shops.", "@type": "text" });
    expect((flood["content"] as Node)["@type"]).toBe("html");
    expect(textOf(flood["content"])).toContain('<a href="https://news.example.org/2026/11/26/flood/#note">the note</a>');
    expect((flood["link"] as Node[]).find((l) => l["@rel"] === "enclosure")).toMatchObject({
      "@href": "https://news.example.org/media/articles/images/wall-0123456789-1200.jpeg",
      "@type": "image/jpeg",
    });
  });

  it("still has an updated date when the feed is empty: the build's time", () => {
    const empty: Feed = { ...site.feed, items: [] };
    expect((parseXml(renderAtom(empty, site))["feed"] as Node)["updated"]).toBe("2026-11-27T12:00:00+00:00");
  });
});

describe("renderJsonFeed", () => {
  const validate = jsonFeedValidator();
  const text = renderJsonFeed(site.feed, site);
  const feed = JSON.parse(text) as Node;
  const items = feed["items"] as Node[];

  it("is valid against the JSON Feed 1.1 schema, with version first", () => {
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(feed)[0]).toBe("version");
    expect(feed["version"]).toBe("https://jsonfeed.org/version/1.1");
  });

  it("gives each item its permalink, full content, summary, image, RFC 3339 dates, authors and tags", () => {
    expect(items.map((item) => item["title"])).toEqual(titles);
    expect(items[0]).toMatchObject({
      id: "https://news.example.org/2026/11/26/flood/",
      url: "https://news.example.org/2026/11/26/flood/",
      summary: "The wall will protect <300> homes & shops.",
      image: "https://news.example.org/media/articles/images/wall-0123456789-1200.jpeg",
      date_published: "2026-11-26T18:40:00+00:00",
      date_modified: "2026-11-27T09:15:00+00:00",
      authors: [{ name: "Priya Raman", url: "https://news.example.org/authors/priya-raman/" }, { name: "Staff reporter" }],
      tags: ["River", "Council"],
      language: "en-GB",
    });
    expect(items[0]?.["content_html"]).toContain('<img src="https://news.example.org/media/articles/map.png" alt="Map">');
  });

  it("is caught by the schema when a required field is missing or a date is not RFC 3339", () => {
    expect(validate({ ...feed, version: "https://jsonfeed.org/version/1" })).toBe(false);
    expect(validate({ ...feed, items: [{ id: "x" }] })).toBe(false);
    expect(validate({ ...feed, items: [{ ...items[0], date_published: "Thu, 26 Nov 2026 18:40:00 +0000" }] })).toBe(false);
    expect(validate({ ...feed, items: [{ ...items[0], authors: [{}] }] })).toBe(false);
  });
});

describe("tag and author feeds", () => {
  it("carry only that tag's or author's published articles", () => {
    const byPage = Object.fromEntries(site.feeds.map((feed) => [feed.page, feed]));
    const river = parseXml(renderRss(byPage["/tags/river/"] as Feed, site))["rss"] as Node;
    expect(((river["channel"] as Node)["item"] as Node[]).map((item) => textOf(item["title"]))).toEqual([
      "Flood wall approved",
      HOSTILE_TITLE,
    ]);
    const priya = parseXml(renderRss(byPage["/authors/priya-raman/"] as Feed, site))["rss"] as Node;
    expect(((priya["channel"] as Node)["item"] as Node[]).map((item) => textOf(item["title"]))).toEqual([
      "Flood wall approved",
      "Older story",
    ]);
    expect((priya["channel"] as Node)["atom:link"]).toMatchObject({ "@href": "https://news.example.org/authors/priya-raman/feed.xml" });
  });
});
