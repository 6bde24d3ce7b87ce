import { describe, expect, it } from "vitest";
import type { CorrectionsFeed } from "../../src/model/types.ts";
import { renderCorrectionsAtom, renderCorrectionsJsonFeed, renderCorrectionsRss } from "../../src/syndication/render-corrections-feeds.ts";
import { RFC_3339, RFC_822 } from "../support/formats.ts";
import { jsonFeedValidator } from "../support/json-feed-schema.ts";
import { HOSTILE_TITLE, richSite } from "../support/rich-site.ts";
import { parseXml, textOf } from "../support/xml.ts";

type Node = Record<string, unknown>;
const site = richSite();
const feed = site.correctionsFeed;
const FLOOD = "https://news.example.org/2026/11/26/flood/";

// The rich site's flood story has two corrections; a hostile headline is added to show it stays text.
const [newest, older] = feed.items;
if (newest === undefined || older === undefined) throw new Error("the rich site has two corrections");
const hostile: CorrectionsFeed = {
  ...feed,
  items: [{ ...newest, article: { ...newest.article, title: HOSTILE_TITLE }, text: `${HOSTILE_TITLE} & <b>` }, older],
};

describe("the corrections feed in RSS", () => {
  const rss = parseXml(renderCorrectionsRss(feed, site))["rss"] as Node;
  const channel = rss["channel"] as Node;
  const items = channel["item"] as Node[];

  it("is an RSS 2.0 channel following the corrections page, with a self link", () => {
    expect(rss["@version"]).toBe("2.0");
    expect([textOf(channel["title"]), channel["link"], channel["language"]]).toEqual([
      "Corrections — Test Gazette",
      "https://news.example.org/corrections/",
      "en-GB",
    ]);
    expect(channel["atom:link"]).toMatchObject({ "@href": "https://news.example.org/corrections/feed.xml", "@rel": "self" });
    expect(channel["lastBuildDate"]).toBe("Fri, 27 Nov 2026 08:00:00 +0000");
  });

  it("has one item per correction, newest first: titled with its article, linking to it, with its text and date", () => {
    expect(items.map((item) => textOf(item["title"]))).toEqual(["Correction: Flood wall approved", "Correction: Flood wall approved"]);
    expect(items.map((item) => item["link"])).toEqual([`${FLOOD}#corrections`, `${FLOOD}#corrections`]);
    expect(items.map((item) => item["guid"])).toEqual([
      { "#text": `${FLOOD}#correction-2`, "@isPermaLink": "false" },
      { "#text": `${FLOOD}#correction-1`, "@isPermaLink": "false" },
    ]);
    expect(items.map((item) => item["description"])).toEqual([
      "An earlier version gave the length as 400 metres.",
      "An earlier version misspelt a name.",
    ]);
    expect(items.map((item) => item["pubDate"])).toEqual(["Fri, 27 Nov 2026 08:00:00 +0000", "Thu, 26 Nov 2026 20:00:00 +0000"]);
    for (const item of items) expect(item["pubDate"]).toMatch(RFC_822);
  });

  it("keeps a hostile headline and correction as text", () => {
    const item = ((parseXml(renderCorrectionsRss(hostile, site))["rss"] as Node)["channel"] as Node)["item"] as Node[];
    expect(textOf(item[0]?.["title"])).toBe(`Correction: ${HOSTILE_TITLE}`);
    // Readers treat description as HTML: the text's own < and & reach them as text.
    expect(textOf(item[0]?.["description"])).toContain("&amp; &lt;b&gt;");
  });
});

describe("the corrections feed in Atom", () => {
  const atom = parseXml(renderCorrectionsAtom(feed, site))["feed"] as Node;
  const entries = atom["entry"] as Node[];

  it("has the feed's required id, title, updated (its newest correction) and links", () => {
    expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(atom["id"]).toBe("https://news.example.org/corrections/atom.xml");
    expect(textOf(atom["title"])).toBe("Corrections — Test Gazette");
    expect(atom["updated"]).toBe("2026-11-27T08:00:00+00:00");
    expect((atom["link"] as Node[]).map((link) => [link["@rel"], link["@href"]])).toEqual([
      ["self", "https://news.example.org/corrections/atom.xml"],
      ["alternate", "https://news.example.org/corrections/"],
    ]);
  });

  it("gives each correction an entry with its id, title, link, RFC 3339 dates and text", () => {
    expect(entries.map((entry) => entry["id"])).toEqual([`${FLOOD}#correction-2`, `${FLOOD}#correction-1`]);
    expect(textOf(entries[0]?.["title"])).toBe("Correction: Flood wall approved");
    expect((entries[0]?.["link"] as Node[])[0]).toMatchObject({ "@rel": "alternate", "@href": `${FLOOD}#corrections` });
    expect([entries[0]?.["published"], entries[0]?.["updated"]]).toEqual(["2026-11-27T08:00:00+00:00", "2026-11-27T08:00:00+00:00"]);
    for (const entry of entries) expect(entry["updated"]).toMatch(RFC_3339);
    expect(entries[1]?.["summary"]).toEqual({ "#text": "An earlier version misspelt a name.", "@type": "text" });
  });

  it("dates a feed without corrections by the newest article, not the build's clock, so a rebuild writes the same", () => {
    const empty = parseXml(renderCorrectionsAtom({ ...feed, items: [] }, site))["feed"] as Node;
    expect(empty["updated"]).toBe("2026-11-27T09:15:00+00:00");
    expect(empty["entry"]).toBeUndefined();
  });
});

describe("the corrections feed in JSON Feed", () => {
  const validate = jsonFeedValidator();
  const document = JSON.parse(renderCorrectionsJsonFeed(feed, site)) as Node;
  const items = document["items"] as Node[];

  it("is valid against the JSON Feed 1.1 schema, with version first, also when empty or hostile", () => {
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(document)[0]).toBe("version");
    expect(validate(JSON.parse(renderCorrectionsJsonFeed({ ...feed, items: [] }, site)))).toBe(true);
    expect(validate(JSON.parse(renderCorrectionsJsonFeed(hostile, site)))).toBe(true);
    expect([document["home_page_url"], document["feed_url"]]).toEqual([
      "https://news.example.org/corrections/",
      "https://news.example.org/corrections/feed.json",
    ]);
  });

  it("gives each correction its id, the article's corrections as url, its title, text and date", () => {
    expect(items[0]).toEqual({
      id: `${FLOOD}#correction-2`,
      url: `${FLOOD}#corrections`,
      title: "Correction: Flood wall approved",
      content_text: "An earlier version gave the length as 400 metres.",
      date_published: "2026-11-27T08:00:00+00:00",
      language: "en-GB",
    });
  });
});
