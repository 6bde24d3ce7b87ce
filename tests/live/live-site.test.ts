import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { build, type BuildResult } from "../../src/build.ts";
import { loadSite } from "../../src/load-site.ts";
import { searchDocument } from "../../src/search/search-documents.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { NEWS_SITEMAP_XSD, parseXml, xmllint } from "../support/xml.ts";
import { englishMessages } from "../../src/i18n/catalogues.ts";

// 1 December 2026, 12:00 in London (UTC in winter): the 13:10 update is not due yet.
const NOW = Date.UTC(2026, 11, 1, 12);
const SITE = "https://gazette.example.org";
const LIVE = "/2026/12/01/flood-live/";
const ENDED = "/2026/11/30/storm-live/";

const LIVE_PAGE = `---
title: "Live: flood warning on the river"
date: 2026-12-01 06:30
live: true
byline: Priya Raman
tags: [River]
---
A flood warning is in force. Updates below, newest first.

::update{time="2026-12-01 13:10" title="Rest centre stays open" key="true"}

Not due until 13:10.

::update{time="2026-12-01 11:40" title="Peak expected this afternoon" key="true"}

The river should peak between 1pm and 3pm. See [the first update](#update-20261201-0645).

::update{time="2026-12-01 08:50" key="true"}

Mill Lane is closed between the footbridge and the allotments.

::update{time="2026-12-01 06:45" title="Flood warning issued"}

The warning covers the Quayside.
`;

const ENDED_PAGE = `---
title: "Live: the storm"
date: 2026-11-30 07:00
live: true
ended: 2026-11-30 20:00
byline: Priya Raman
---
The storm, as it happened.

::update{time="2026-11-30 19:30"}

The wind has dropped.
`;

const part = (title: string, date: string, extra = "") => `---\ntitle: ${title}\ndate: ${date}\nbyline: Priya Raman\nseries: flood-inquiry\n${extra}---\nThe story of ${title}.\n`;

function jsonLd($: ReturnType<typeof readPage>): Record<string, unknown> {
  return JSON.parse($("script[type='application/ld+json']").first().text()) as Record<string, unknown>;
}

describe("a site with live pages and a series", () => {
  let result: BuildResult;
  let preview: BuildResult;
  let root: string;

  beforeAll(async () => {
    const files = {
      "content/articles/2026/flood-live.md": LIVE_PAGE,
      "content/articles/2026/storm-live.md": ENDED_PAGE,
      "content/series/flood-inquiry.yml": "title: The flood inquiry\ndescription: Our reporting on the inquiry.\n",
      "content/articles/2026/inquiry-one.md": part("Inquiry opens", "2026-10-01 09:00"),
      "content/articles/2026/inquiry-two.md": part("Inquiry hears from residents", "2026-10-15 09:00"),
      "content/articles/2026/inquiry-three.md": part("Inquiry reports", "2026-11-20 09:00"),
    };
    root = copyFixture("newsroom");
    writeFiles(root, files);
    result = await build({ root, now: NOW });
    const previewRoot = copyFixture("newsroom");
    writeFiles(previewRoot, files);
    preview = await build({ root: previewRoot, now: NOW, mode: "preview" });
  });

  it("builds without a problem", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("shows the updates newest first, each an article with its anchor and its time, and holds back the one not yet due", () => {
    const $ = readPage(result.outputDir, LIVE);
    const updates = $(".live-updates > article.live-update");
    expect(updates.toArray().map((u) => [$(u).attr("id"), $(u).find("h3 time").attr("datetime"), $(u).find("h3 a").attr("href"), $(u).find(".live-update-title").text()])).toEqual([
      ["update-20261201-1140", "2026-12-01T11:40:00+00:00", "#update-20261201-1140", "Peak expected this afternoon"],
      ["update-20261201-0850", "2026-12-01T08:50:00+00:00", "#update-20261201-0850", ""],
      ["update-20261201-0645", "2026-12-01T06:45:00+00:00", "#update-20261201-0645", "Flood warning issued"],
    ]);
    expect(updates.first().find("h3 time").text()).toBe("11:40, 1 December 2026");
    expect(updates.first().find(".article-body p").text()).toContain("should peak between 1pm and 3pm");
    expect($.html()).not.toContain("Not due until 13:10");
    // The introduction stays above the updates (its opening paragraph is the standfirst, as on any article).
    expect($(".standfirst").text()).toBe("A flood warning is in force. Updates below, newest first.");
    // It is all standfirst: no body block before the updates.
    expect($(".article-body").first().closest(".live-update").length).toBe(1);
  });

  it("gives each update's time a line of its own, with the date only where it changes, and a live page no reading time", () => {
    for (const page of [LIVE, ENDED]) {
      const $ = readPage(result.outputDir, page);
      expect($(".reading-time"), page).toHaveLength(0);
      const days = $(".live-update time").map((_, time) => ($(time).attr("datetime") ?? "").slice(0, 10)).get();
      const shown = $(".live-update time").map((_, time) => $(time).find(".live-update-day").length > 0).get();
      expect(days.length, page).toBeGreaterThan(0);
      expect(shown, page).toEqual(days.map((day, index) => index === 0 || day !== days[index - 1]));
    }
    // The open page's updates span more than one update, so the rule above was tried on neighbours.
    expect(readPage(result.outputDir, LIVE)(".live-update").length).toBeGreaterThan(1);
    // An ordinary article keeps its reading time.
    expect(readPage(result.outputDir, "/2026/10/01/inquiry-one/")(".reading-time")).toHaveLength(1);
  });

  it("labels open coverage Live, on the page and in lists, and an ended one with its closing time", () => {
    const live = readPage(result.outputDir, LIVE);
    expect(live(".article-header .live-flag").text()).toBe("Live");
    expect(live(".live-ended")).toHaveLength(0);
    expect(live(".dateline .updated time").attr("datetime")).toBe("2026-12-01T11:40:00+00:00");
    const ended = readPage(result.outputDir, ENDED);
    expect(ended(".live-flag")).toHaveLength(0);
    expect(ended(".live-ended time").attr("datetime")).toBe("2026-11-30T20:00:00+00:00");
    expect(ended(".live-ended").text()).toBe("Live coverage ended 30 November 2026, 20:00");
    // A banner before the headline, not one more grey line among the dates.
    expect(ended(".article-header > .live-ended[role=note] + h1, .article-header > .live-ended[role=note] ~ h1")).toHaveLength(1);
    const home = readPage(result.outputDir, "/");
    const card = home(`.article-card:has(a[href='${LIVE}'])`);
    expect(card.find(".live-flag").text()).toBe("Live");
    expect(home(`.article-card:has(a[href='${ENDED}']) .live-flag`)).toHaveLength(0);
  });

  it("lists the key events at the top, newest first, each a link to its update and named by its title or its opening words", () => {
    const $ = readPage(result.outputDir, LIVE);
    const nav = $("nav.key-events");
    expect(nav).toHaveLength(1);
    expect(nav.attr("aria-labelledby")).toBe("key-events-heading");
    expect($("#key-events-heading").text()).toBe("Key events");
    const events = nav.find("li a").toArray().map((link) => [$(link).attr("href"), $(link).find("time").attr("datetime"), $(link).find(".key-event-title").text()]);
    expect(events).toEqual([
      ["#update-20261201-1140", "2026-12-01T11:40:00+00:00", "Peak expected this afternoon"],
      ["#update-20261201-0850", "2026-12-01T08:50:00+00:00", "Mill Lane is closed between the footbridge and the allotments."],
    ]);
    // Above the updates (and the introduction), and each link's target is on the page.
    expect($("nav.key-events ~ .live-updates")).toHaveLength(1);
    for (const [href] of events) expect($(href ?? "")).toHaveLength(1);
    // The updates themselves say which are key events; the first update (06:45) is not one.
    expect($("article.live-update").toArray().map((u) => $(u).find(".key-event-flag").text())).toEqual(["Key event", "Key event", ""]);
    // A page without key events has no empty list.
    expect(readPage(result.outputDir, ENDED)(".key-events")).toHaveLength(0);
  });

  it("shows the preview the update not yet due, marked as scheduled", () => {
    const $ = readPage(preview.outputDir, LIVE);
    const first = $("article.live-update").first();
    expect(first.attr("id")).toBe("update-20261201-1310");
    expect(first.find(".status-flag").text()).toBe("Scheduled");
    expect($(".key-events li a").first().attr("href")).toBe("#update-20261201-1310");
  });

  it("describes the page as a LiveBlogPosting with its coverage times and every published update", () => {
    const data = jsonLd(readPage(result.outputDir, LIVE));
    expect(data).toMatchObject({
      "@type": "LiveBlogPosting",
      headline: "Live: flood warning on the river",
      coverageStartTime: "2026-12-01T06:30:00+00:00",
      datePublished: "2026-12-01T06:30:00+00:00",
      dateModified: "2026-12-01T11:40:00+00:00",
    });
    expect(data["coverageEndTime"]).toBeUndefined();
    const updates = data["liveBlogUpdate"] as Record<string, unknown>[];
    expect(updates.map((u) => [u["@type"], u["headline"], u["datePublished"], u["url"]])).toEqual([
      ["BlogPosting", "Peak expected this afternoon", "2026-12-01T11:40:00+00:00", `${SITE}${LIVE}#update-20261201-1140`],
      ["BlogPosting", "Mill Lane is closed between the footbridge and the allotments.", "2026-12-01T08:50:00+00:00", `${SITE}${LIVE}#update-20261201-0850`],
      ["BlogPosting", "Flood warning issued", "2026-12-01T06:45:00+00:00", `${SITE}${LIVE}#update-20261201-0645`],
    ]);
    expect(updates[2]?.["articleBody"]).toBe("The warning covers the Quayside.");
    expect(jsonLd(readPage(result.outputDir, ENDED))["coverageEndTime"]).toBe("2026-11-30T20:00:00+00:00");
  });

  it("dates the page by its newest update in the feeds, the sitemap and the news sitemap, and carries the updates in the feeds", () => {
    const feed = JSON.parse(readFileSync(path.join(result.outputDir, "feed.json"), "utf8")) as { items: Record<string, string>[] };
    const item = feed.items.find((entry) => entry["url"] === `${SITE}${LIVE}`);
    expect(item?.["date_modified"]).toBe("2026-12-01T11:40:00+00:00");
    expect(item?.["content_html"]).toContain(`<a href="${SITE}${LIVE}#update-20261201-0850">08:50, 1 December 2026</a>`);
    expect(item?.["content_html"]).not.toContain("Not due");
    const atom = parseXml(readFileSync(path.join(result.outputDir, "atom.xml"), "utf8"))["feed"] as { entry: Record<string, unknown>[] };
    expect(atom.entry.find((entry) => entry["id"] === `${SITE}${LIVE}`)?.["updated"]).toBe("2026-12-01T11:40:00+00:00");
    const news = readFileSync(path.join(result.outputDir, "news-sitemap.xml"), "utf8");
    expect(xmllint(["--noout", "--schema", NEWS_SITEMAP_XSD, path.join(result.outputDir, "news-sitemap.xml")]).status).toBe(0);
    const urls = (parseXml(news)["urlset"] as { url: Record<string, unknown>[] }).url;
    expect(urls.find((url) => url["loc"] === `${SITE}${LIVE}`)?.["lastmod"]).toBe("2026-12-01T11:40:00+00:00");
    const sitemap = (parseXml(readFileSync(path.join(result.outputDir, "sitemap.xml"), "utf8"))["urlset"] as { url: Record<string, unknown>[] }).url;
    expect(sitemap.find((url) => url["loc"] === `${SITE}${LIVE}`)?.["lastmod"]).toBe("2026-12-01T11:40:00+00:00");
    expect(sitemap.find((url) => url["loc"] === `${SITE}/series/flood-inquiry/`)?.["lastmod"]).toBe("2026-11-20T09:00:00+00:00");
  });

  it("makes the published updates searchable, and not the one held back", () => {
    const article = loadSite({ root, now: NOW, mode: "production" }).site?.articles.find((candidate) => candidate.url === LIVE);
    if (!article) throw new Error("the live page is in the model");
    const text = load(searchDocument(article, englishMessages()).html())("[data-pagefind-body]").text();
    expect(text).toContain("Mill Lane is closed");
    expect(text).toContain("The warning covers the Quayside.");
    expect(text).not.toContain("Not due until 13:10");
  });

  it("lists a series' parts in order on its page, and gives each part its place, its neighbours and isPartOf", () => {
    const $ = readPage(result.outputDir, "/series/flood-inquiry/");
    expect($("h1").text()).toBe("The flood inquiry");
    expect($(".series-description").text()).toBe("Our reporting on the inquiry.");
    expect($(".article-card").toArray().map((card) => [$(card).find(".series-part").text(), $(card).find(".card-title a").attr("href")])).toEqual([
      ["Part 1", "/2026/10/01/inquiry-one/"],
      ["Part 2", "/2026/10/15/inquiry-two/"],
      ["Part 3", "/2026/11/20/inquiry-three/"],
    ]);
    const middle = readPage(result.outputDir, "/2026/10/15/inquiry-two/");
    // The series is the part's kicker: one line above the headline, with its place in it.
    expect(middle(".article-header .kicker a.kicker-text").text()).toBe("The flood inquiry");
    expect(middle(".article-header .kicker a.kicker-text").attr("href")).toBe("/series/flood-inquiry/");
    expect(middle(".article-header .kicker .series-part").text()).toBe("Part 2 of 3");
    expect(middle(".series-heading a").attr("href")).toBe("/series/flood-inquiry/");
    expect(middle(".series-nav a[rel=prev]").attr("href")).toBe("/2026/10/01/inquiry-one/");
    expect(middle(".series-nav a[rel=next]").attr("href")).toBe("/2026/11/20/inquiry-three/");
    expect(jsonLd(middle)["isPartOf"]).toEqual({ "@type": "CreativeWorkSeries", name: "The flood inquiry", url: `${SITE}/series/flood-inquiry/` });
    const first = readPage(result.outputDir, "/2026/10/01/inquiry-one/");
    expect(first(".series-nav a[rel=prev]")).toHaveLength(0);
    expect(first(".series-heading").text()).toBe("Part 1 of 3: The flood inquiry");
  });
});

describe("live pages and series with mistakes", () => {
  it("reports every bad update line and series name with its file and line, and writes nothing", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/series/flood-inquiry.yml": "title: The flood inquiry\nsubtitle: Typo\n",
      "content/series/budget.yml": "title: The budget\n",
      "content/articles/2026/bad-live.md": `---
title: Bad live page
date: 2026-12-01 06:30
live: true
ended: 2026-12-01 10:00
byline: Priya Raman
---
Intro.

::update{time="2026-12-01 08:00"}

Later than the one above? No, first.

::update{time="2026-12-01 09:00"}

Out of order.

::update{time="2026-12-01 11:00"}

After the end.

::update{time="2026-12-01"}

No time of day.

::update{title="No time"}

No time at all.
`,
      "content/articles/2026/not-live.md": `---\ntitle: Not live\ndate: 2026-11-30 09:00\nbyline: Priya Raman\nseries: budgett\n---\nIntro.\n\n::update{time="2026-11-30 10:00"}\n\nAn update.\n`,
    });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    const problems = result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.line, d.code]);
    expect(problems).toEqual([
      ["content/articles/2026/bad-live.md", 14, "site/live-update-order"],
      ["content/articles/2026/bad-live.md", 18, "site/live-update-late"],
      ["content/articles/2026/bad-live.md", 22, "site/live-update-time"],
      ["content/articles/2026/bad-live.md", 26, "markdown/live-update"],
      ["content/articles/2026/not-live.md", 5, "site/series-unknown"],
      ["content/articles/2026/not-live.md", 9, "site/live-not-live"],
      ["content/series/flood-inquiry.yml", 2, "series/unknown-field"],
    ]);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    const unknown = result.diagnostics.find((d) => d.code === "site/series-unknown");
    expect(unknown?.message).toContain("did you mean budget?");
  });
});
