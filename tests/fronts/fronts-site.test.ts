import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

const EXPIRED = `---
title: Road closed for the weekend
date: 2026-11-21
expires: 2026-11-23
byline: Staff reporter
tags: River
---
The road is closed.
`;

// Line numbers matter: the warnings below name them.
const HOME = `title: Today in the valley
containers:
  - title: Top story
    layout: lead
    pinned:
      - content/articles/2026/flood-wall.md
    backfill: { limit: 1 }
  - title: On the river
    layout: row
    pinned:
      - content/articles/2026/draft-story.md
      - content/articles/2026/future-story.md
      - content/articles/2026/gone.md
      - content/articles/2026/expired-story.md
      - /2026/11/24/flood-wall/
    backfill: { tag: river, limit: 2 }
  - title: Everything else
    layout: list
    backfill: { limit: 5 }
`;

/** The article links of each container on a front, by container heading. */
function containers($: CheerioAPI): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  $("main section.front-container").each((_, section) => {
    const heading = $(section).find("h2").text().trim();
    result[heading] = $(section)
      .find(".card-title a")
      .map((_, a) => $(a).attr("href"))
      .get();
  });
  return result;
}

const about = (diagnostics: readonly Diagnostic[], code: string) =>
  diagnostics.filter((d) => d.code === code).map((d) => [d.line, d.field, d.severity]);

describe("a curated home page (content/fronts/home.yml)", () => {
  let root: string;
  let out: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = copyFixture("newsroom");
    writeFiles(root, { "content/fronts/home.yml": HOME, "content/articles/2026/expired-story.md": EXPIRED });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.ok).toBe(true);
    out = built.outputDir;
    diagnostics = built.diagnostics;
  }, 120_000);

  it("shows the containers in order, pins first, then the backfill, each article once", () => {
    const home = readPage(out, "/");
    expect(home("h1").text()).toBe("Today in the valley");
    // flood-wall is pinned in the river row too, but the first container took it; the draft, the
    // scheduled, the missing and the expired pins give their slots to the newest River articles.
    // "Everything else" has nothing left to show, so it is left out rather than shown empty.
    expect(containers(home)).toEqual({
      "Top story": ["/2026/11/24/flood-wall/"],
      "On the river": ["/2026/11/20/second-story/", "/2026/11/10/third-story/"],
    });
  });

  it("warns, with the line, about each pin that cannot be shown, and builds anyway", () => {
    expect(about(diagnostics, "front/pinned-unlisted")).toEqual([
      [11, "containers[2].pinned[1]", "warning"],
      [12, "containers[2].pinned[2]", "warning"],
      [14, "containers[2].pinned[4]", "warning"],
    ]);
    expect(about(diagnostics, "front/pinned-missing")).toEqual([[13, "containers[2].pinned[3]", "warning"]]);
    expect(about(diagnostics, "front/pinned-twice")).toEqual([[15, "containers[2].pinned[5]", "warning"]]);
    const messages = diagnostics.filter((d) => d.file === "content/fronts/home.yml").map((d) => d.message);
    expect(messages.some((m) => m.includes("is a draft"))).toBe(true);
    expect(messages.some((m) => m.includes("scheduled"))).toBe(true);
    expect(messages.some((m) => m.includes("expired"))).toBe(true);
  });

  it("moves the newest-first list to /latest/, keeping its stable archive blocks", () => {
    const latest = readPage(out, "/latest/");
    expect(latest("h1").text()).toBe("Latest news");
    expect(latest("title").text()).toMatch(/^Latest news — /);
    const links = latest(".article-list .card-title a")
      .map((_, a) => latest(a).attr("href"))
      .get();
    expect(links[0]).toBe("/2026/11/24/flood-wall/");
    const next = latest("a[rel=next]").attr("href");
    if (next !== undefined) expect(next).toMatch(/^\/latest\/page\/\d+\/$/);
    // The front links to it, and the sitemap lists both.
    expect(readPage(out, "/")("a[href='/latest/']")).toHaveLength(1);
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("/latest/</loc>");
  });
});

describe("a front's lead story", () => {
  it("shows its picture large, not as a thumbnail, and a heading marked showTitle: false to screen readers only", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/fronts/home.yml": HOME.replace("  - title: Top story\n", "  - title: Top story\n    showTitle: false\n") });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(true);
    const home = readPage(built.outputDir, "/");
    const lead = home("section.layout-lead");
    // The container is still named by its heading, which only screen readers are given.
    expect(home(`#${lead.attr("aria-labelledby") ?? ""}`).text()).toBe("Top story");
    expect(lead.find("h2").hasClass("visually-hidden")).toBe(true);
    expect(home("section.layout-row h2").hasClass("visually-hidden")).toBe(false);
    const card = lead.find(".article-card").first();
    expect(card.hasClass("has-picture")).toBe(true);
    expect(card.find(".card-thumbnail")).toHaveLength(0);
    const picture = card.find("picture.card-picture img");
    expect(picture.attr("srcset")?.split(",").length).toBeGreaterThan(1);
    expect(picture.attr("alt")).toBe("");
    // The other containers' cards keep their thumbnails.
    expect(home("section.layout-row .card-picture")).toHaveLength(0);
  }, 120_000);
});

describe("a fronts file with mistakes", () => {
  it("stops the build with every problem, its line, field and fix", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/fronts/home.yml": `containers:
  - title: Top story
    layout: big
  - title: More
    layout: row
    backfill: { tags: River, limit: 3 }
  - title: Opinion
    layout: list
    backfill: { type: opinon, limit: 3 }
  - title: Too many
    layout: list
    backfill: { limit: many }
`,
    });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(false);
    const front = built.diagnostics.filter((d) => d.file === "content/fronts/home.yml");
    expect(front.map((d) => [d.line, d.field, d.severity])).toEqual([
      [3, "containers[1].layout", "error"],
      [6, "containers[2].backfill.tags", "error"],
      [12, "containers[4].backfill.limit", "error"],
    ]);
    expect(front[0]?.message).toMatch(/lead.*row.*list/);
    expect(front[1]?.fix ?? front[1]?.message).toContain("tag");
    for (const diagnostic of front) expect(diagnostic.fix).toBeTruthy();
  }, 120_000);

  it("reports a backfill type the config does not have", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/fronts/home.yml": `containers:
  - title: Opinion
    layout: list
    backfill: { type: opinon, limit: 3 }
`,
    });
    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(false);
    expect(about(built.diagnostics, "front/backfill")).toEqual([[4, "containers[1].backfill.type", "error"]]);
  }, 120_000);
});

describe("an incremental build of a curated home page", () => {
  it("renders only the front again when an article moves in home.yml", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/fronts/home.yml": HOME });
    const options = { root, now: NOW, outputDir: "_site" };
    const first = await build(options);
    expect(first.ok).toBe(true);
    expect(first.rendered).toBe(first.pages);
    // Second story goes up to the lead; flood-wall then backfills the river row.
    const file = path.join(root, "content", "fronts", "home.yml");
    writeFileSync(file, HOME.replace("      - content/articles/2026/flood-wall.md\n", "      - content/articles/2026/second-story.md\n"));
    const moved = await build(options);
    expect(moved.ok).toBe(true);
    expect(moved.rendered).toBe(1);
    expect(containers(readPage(moved.outputDir, "/"))["Top story"]).toEqual(["/2026/11/20/second-story/"]);
  }, 120_000);

  it("renders again exactly the fronts whose file changed, not the other fronts the moved articles appear on", async () => {
    const root = copyFixture("newsroom");
    const config = readFileSync(path.join(root, "tidings.config.yml"), "utf8");
    const NEWS = "containers:\n  - title: Top story\n    layout: lead\n    pinned: [content/articles/2026/second-story.md]\n    backfill: { limit: 1 }\n  - title: More\n    layout: list\n    backfill: { limit: 5 }\n";
    writeFiles(root, {
      "tidings.config.yml": `${config}\nsections:\n  - { name: News }\n  - { name: Politics, tags: [Council] }\n`,
      "content/fronts/home.yml": HOME,
      "content/fronts/news.yml": NEWS,
    });
    const options = { root, now: NOW, outputDir: "_site" };
    const first = await build(options);
    expect(first.ok).toBe(true);

    // Second story (on the news front too) goes up to the home page's lead: only the home page is rendered.
    const home = path.join(root, "content", "fronts", "home.yml");
    writeFileSync(home, HOME.replace("      - content/articles/2026/flood-wall.md\n", "      - content/articles/2026/second-story.md\n"));
    const moved = await build(options);
    expect(moved.ok).toBe(true);
    expect(moved.renderedFiles).toEqual(["index.html"]);
    expect(moved.rendered).toBe(1);

    // Unpinned from the news front: only the news front is rendered, not the home page it is still on.
    writeFileSync(path.join(root, "content", "fronts", "news.yml"), NEWS.replace("    pinned: [content/articles/2026/second-story.md]\n", ""));
    const unpinned = await build(options);
    expect(unpinned.renderedFiles).toEqual(["news/index.html"]);
    expect(containers(readPage(unpinned.outputDir, "/news/"))["Top story"]).toEqual(["/2026/11/24/flood-wall/"]);

    // The same front written again in other words (a flow list instead of a block list) renders nothing.
    writeFileSync(home, HOME.replace("    pinned:\n      - content/articles/2026/flood-wall.md\n", "    pinned: [content/articles/2026/second-story.md]\n"));
    const reworded = await build(options);
    expect(reworded.rendered).toBe(0);
    expect(reworded.renderedFiles ?? []).toEqual([]);
  }, 120_000);
});
