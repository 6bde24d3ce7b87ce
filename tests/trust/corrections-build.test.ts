import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { htmlValidateErrors } from "../support/html-validators.ts";
import { jsonFeedValidator } from "../support/json-feed-schema.ts";
import { RFC_3339, RFC_822 } from "../support/formats.ts";
import { fileForSitePath } from "../support/site-files.ts";
import { parseXml, textOf } from "../support/xml.ts";

// 27 November 2026, noon UTC: after every fixture article but the draft's and the future one's.
const NOW = Date.UTC(2026, 10, 27, 12);
const SITE = "https://gazette.example.org";

type Node = Record<string, unknown>;

/** The newsroom fixture (two articles to a page) with four corrections on three articles, and one on a draft. */
function correctedNewsroom(): string {
  const root = copyFixture("newsroom");
  const add = (file: string, corrections: string) => {
    const target = path.join(root, file);
    writeFiles(root, { [file]: readFileSync(target, "utf8").replace(/^---\n/, `---\ncorrections:\n${corrections}`) });
  };
  add(
    "content/articles/2026/second-story.md",
    '  - { date: 2026-11-21 10:00, text: "The school reopens on Monday, not Tuesday." }\n  - { date: 2026-11-26 16:00, text: "The pier is 40 metres long, not 400 & more." }\n',
  );
  add("content/articles/2026/third-story.md", "  - { date: 2026-11-11 09:30, text: An earlier version named the wrong ward. }\n");
  add("content/articles/2026/draft-story.md", "  - { date: 2026-11-26 12:00, text: A correction nobody should see. }\n");
  return root;
}

describe("corrections everywhere a reader looks (the newsroom fixture)", () => {
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    result = await build({ root: correctedNewsroom(), now: NOW });
    out = result.outputDir;
  }, 120_000);

  it("builds", () => {
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  });

  it("paginates the corrections page like the article lists: the newest two, then a stable archive block", () => {
    const front = readPage(out, "/corrections/");
    const texts = ($: typeof front) =>
      $(".corrections-index li p:last-child")
        .map((_, p) =>
          $(p)
            .text()
            .replace(/^.*?: /, ""),
        )
        .get();
    expect(texts(front)).toEqual([
      "The pier is 40 metres long, not 400 & more.",
      "An earlier version gave the wall’s length as 400 metres. It is 340 metres.",
    ]);
    expect(front(".pagination a[rel=next]").attr("href")).toBe("/corrections/page/1/");
    expect(front(".pagination a[rel=next]").text()).toContain("Older corrections");
    const archive = readPage(out, "/corrections/page/1/");
    expect(texts(archive)).toEqual(["The school reopens on Monday, not Tuesday.", "An earlier version named the wrong ward."]);
    expect(archive("title").text()).toBe("Corrections, 11 November 2026 to 21 November 2026 — The Test Gazette");
    expect(archive(".pagination a[rel=prev]").attr("href")).toBe("/corrections/");
    expect(archive(".corrections-index a").first().attr("href")).toBe("/2026/11/20/second-story/#corrections");
  });

  it("links the feeds from the corrections page: alternate links in the head and a visible one", () => {
    const $ = readPage(out, "/corrections/");
    const alternates = $('head link[rel="alternate"][href^="/corrections/"]')
      .map((_, link) => [[$(link).attr("type"), $(link).attr("href"), $(link).attr("title")]])
      .get();
    expect(alternates).toEqual([
      ["application/rss+xml", "/corrections/feed.xml", "Corrections — The Test Gazette"],
      ["application/atom+xml", "/corrections/atom.xml", "Corrections — The Test Gazette"],
      ["application/feed+json", "/corrections/feed.json", "Corrections — The Test Gazette"],
    ]);
    expect($(".feed-link a").attr("href")).toBe("/corrections/feed.xml");
    expect($(".feed-link a").text()).toBe("Follow corrections by RSS feed");
  });

  it("publishes an RSS feed of every published correction, newest first, each linking to its article", () => {
    const channel = (parseXml(readFileSync(fileForSitePath(out, "/corrections/feed.xml"), "utf8"))["rss"] as Node)["channel"] as Node;
    const items = channel["item"] as Node[];
    expect(channel["atom:link"]).toMatchObject({ "@href": `${SITE}/corrections/feed.xml`, "@rel": "self" });
    expect(items.map((item) => [textOf(item["title"]), item["link"], item["description"]])).toEqual([
      ["Correction: Second story", `${SITE}/2026/11/20/second-story/#corrections`, "The pier is 40 metres long, not 400 &amp; more."],
      [
        "Correction: Council approves “riverside” flood wall — after six-hour debate",
        `${SITE}/2026/11/24/flood-wall/#corrections`,
        "An earlier version gave the wall’s length as 400 metres. It is 340 metres.",
      ],
      ["Correction: Second story", `${SITE}/2026/11/20/second-story/#corrections`, "The school reopens on Monday, not Tuesday."],
      ["Correction: Third story", `${SITE}/2026/11/10/third-story/#corrections`, "An earlier version named the wrong ward."],
    ]);
    for (const item of items) expect(item["pubDate"]).toMatch(RFC_822);
    expect(new Set(items.map((item) => textOf(item["guid"]))).size).toBe(items.length);
  });

  it("publishes the same corrections as Atom and as a valid JSON Feed", () => {
    const atom = parseXml(readFileSync(fileForSitePath(out, "/corrections/atom.xml"), "utf8"))["feed"] as Node;
    const entries = atom["entry"] as Node[];
    expect(atom["updated"]).toBe("2026-11-26T16:00:00+00:00");
    expect(entries.map((entry) => entry["published"])).toEqual([
      "2026-11-26T16:00:00+00:00",
      "2026-11-25T00:00:00+00:00",
      "2026-11-21T10:00:00+00:00",
      "2026-11-11T09:30:00+00:00",
    ]);
    for (const entry of entries) expect(entry["updated"]).toMatch(RFC_3339);
    const json = JSON.parse(readFileSync(fileForSitePath(out, "/corrections/feed.json"), "utf8")) as Node;
    const validate = jsonFeedValidator();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect((json["items"] as Node[]).map((item) => item["content_text"])).toEqual(entries.map((entry) => textOf(entry["summary"])));
    expect(readFileSync(fileForSitePath(out, "/corrections/feed.xml"), "utf8")).not.toContain("nobody should see");
  });

  it("names no standards and links to no error channel for a newsroom whose config names none", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    expect($(".footer-standards, .report-error")).toHaveLength(0);
    expect(JSON.stringify(JSON.parse($('script[type="application/ld+json"]').first().text()).publisher)).not.toMatch(/Policy|masthead/);
  });

  it("writes valid HTML on both corrections pages", async () => {
    const files = ["/corrections/", "/corrections/page/1/"].map((page) => fileForSitePath(out, page));
    expect(await htmlValidateErrors(files, out)).toEqual([]);
  });
});
