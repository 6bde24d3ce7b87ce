import { rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

// Seven articles on four days, two to a page (the fixture's articlesPerPage): the front page
// holds the newest two, then blocks counted from the oldest: /page/3/ (partly behind the front),
// /page/2/ and /page/1/.
const STORIES: [slug: string, date: string][] = [
  ["g", "2026-11-28 18:00"],
  ["f", "2026-11-28 09:15"],
  ["e", "2026-11-27 16:00"],
  ["d", "2026-11-27 08:00"],
  ["c", "2026-11-26 12:00"],
  ["b", "2026-11-25 12:00"],
  ["a", "2026-11-25"],
];

const NOW = Date.UTC(2026, 11, 6, 12);

describe("the latest news list", () => {
  let result: BuildResult;

  beforeAll(async () => {
    const root = copyFixture("newsroom");
    // Only these stories, so the pages' contents are known.
    rmSync(path.join(root, "content", "articles"), { recursive: true });
    writeFiles(root, Object.fromEntries(STORIES.map(([slug, date]) => [`content/articles/2026/${slug}.md`, `---\ntitle: Story ${slug.toUpperCase()}\ndate: ${date}\nbyline: Priya Raman\n---\nThe story of ${slug}.\n`])));
    result = await build({ root, now: NOW });
  });

  it("builds", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("reads straight down: one heading for each day, newest first, and under it that day's stories with their times only", () => {
    const $ = readPage(result.outputDir, "/page/2/");
    const days = $(".list-day-heading").toArray().map((heading) => [$(heading).prop("tagName"), $(heading).find("time").attr("datetime"), $(heading).text()]);
    expect(days).toEqual([
      ["H2", "2026-11-27", "27 November 2026"],
      ["H2", "2026-11-26", "26 November 2026"],
    ]);
    // Each day's list follows its heading, and a story's headline is a level below the day's.
    const underDay = $(".list-day-heading").toArray().map((heading) => $(heading).next(".article-list").find(".card-title").toArray().map((title) => `${$(title).prop("tagName")} ${$(title).text()}`));
    expect(underDay).toEqual([["H3 Story D"], ["H3 Story C"]]);
    expect($(".card-meta time").toArray().map((time) => [$(time).attr("datetime"), $(time).text()])).toEqual([
      ["2026-11-27T08:00:00+00:00", "08:00"],
      ["2026-11-26T12:00:00+00:00", "12:00"],
    ]);
    // A story without a time of day shows none.
    const oldest = readPage(result.outputDir, "/page/1/");
    expect(oldest(".card-meta").last().text().trim()).toBe("Priya Raman");
    expect(oldest(".list-day-heading").text()).toBe("25 November 2026");
  });

  it("gives each card in an author's list its byline and its date in a <time> element, and nothing more", () => {
    const $ = readPage(result.outputDir, "/authors/priya-raman/");
    expect($(".card-meta").first().text()).toBe("Priya Raman · 28 November 2026, 18:00");
    expect($(".card-meta time").first().attr("datetime")).toBe("2026-11-28T18:00:00+00:00");
    // A story without a time of day shows its day alone (the oldest, on the first archive page).
    const oldest = readPage(result.outputDir, "/authors/priya-raman/page/1/");
    expect(oldest(".card-meta").last().text()).toBe("Priya Raman · 25 November 2026");
    expect(oldest(".card-meta time").last().attr("datetime")).toBe("2026-11-25");
  });

  it("names the days an archive page holds, and its older neighbour's on the link there", () => {
    const $ = readPage(result.outputDir, "/page/2/");
    expect($("h1 .page-of").text()).toBe("26 November 2026 to 27 November 2026");
    expect($("title").text()).toMatch(/^Latest news, 26 November 2026 to 27 November 2026 — /);
    const older = $("nav.pagination a[rel=next]");
    expect(older.attr("href")).toBe("/page/1/");
    expect(older.find(".pagination-days").text()).toBe("25 November 2026");
    expect($("nav.pagination a[rel=prev]").attr("href")).toBe("/page/3/");
    const front = readPage(result.outputDir, "/");
    expect(front("nav.pagination a[rel=next]").attr("href")).toBe("/page/3/");
    expect(front("nav.pagination a[rel=next] .pagination-days").text()).toBe("27 November 2026");
  });

  it("links every archive page back to the newest articles, except where 'newer' already leads there", () => {
    for (const page of ["/page/2/", "/page/1/"]) {
      const $ = readPage(result.outputDir, page);
      expect($("nav.pagination a.pagination-newest").attr("href"), page).toBe("/");
    }
    const behindFront = readPage(result.outputDir, "/page/3/");
    expect(behindFront("nav.pagination a[rel=prev]").attr("href")).toBe("/");
    expect(behindFront("a.pagination-newest")).toHaveLength(0);
    expect(readPage(result.outputDir, "/")("a.pagination-newest")).toHaveLength(0);
  });

  it("lists no page numbers, so a full archive page never changes as stories are added", () => {
    const $ = readPage(result.outputDir, "/page/1/");
    expect($("nav.pagination a").toArray().map((a) => $(a).attr("href"))).toEqual(["/page/2/", "/"]);
  });
});
