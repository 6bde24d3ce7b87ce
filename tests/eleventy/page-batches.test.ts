import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { pageBatches, toPageLists } from "../../src/eleventy/page-batches.ts";
import { listOutputPages, PAGE_TEMPLATES } from "../../src/pages/page-views.ts";
import { loadSite } from "../../src/load-site.ts";
import { copyFixture } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

function snapshot(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), "base64")]));
}

describe("pageBatches", () => {
  it("splits the pages into runs of at most the given size, in order, each page once", () => {
    const root = copyFixture("newsroom");
    const { site } = loadSite({ root, mode: "production", now: NOW });
    if (!site) throw new Error("the fixture did not load");
    const pages = listOutputPages(site);
    const all = toPageLists(pages);
    const batches = pageBatches(pages, 3);
    expect(batches.length).toBe(Math.ceil(pages.length / 3));
    expect(batches.every((batch) => Object.values(batch).reduce((sum, list) => sum + list.length, 0) <= 3)).toBe(true);
    for (const name of PAGE_TEMPLATES) {
      expect(batches.flatMap((batch) => batch[name] as unknown[])).toEqual(all[name]);
    }
    expect(pageBatches(pages, 10_000)).toEqual([all]);
  });
});

describe("a build in several Eleventy runs", () => {
  it("writes exactly the files and bytes of a build in one run", async () => {
    const root = copyFixture("newsroom");
    const one = await build({ root, now: NOW, cache: false, outputDir: "_one" });
    const several = await build({ root, now: NOW, cache: false, outputDir: "_several", pagesPerRun: 2 });
    expect(several.ok).toBe(true);
    expect(several.pages).toBe(one.pages);
    expect(snapshot(several.outputDir)).toEqual(snapshot(one.outputDir));
  });
});
