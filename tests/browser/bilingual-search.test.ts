import { cpSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { copyFixture } from "../support/fixture-site.ts";
import { SAMPLE_SITE } from "../support/sample-site.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";

// The English and Welsh fixture: "wal" and "flood" are words of one story, in each language.
const NOW = Date.UTC(2026, 10, 21, 12);

async function hrefs(links: Locator): Promise<(string | null)[]> {
  return Promise.all((await links.all()).map((link) => link.getAttribute("href")));
}

describe("search in a site of two languages, in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copyFixture("bilingual");
    // The newsroom's stylesheet, as the sample site has it.
    cpSync(path.join(SAMPLE_SITE, "public", "css"), path.join(root, "public", "css"), { recursive: true });
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    server = await serveFolder(result.outputDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function results(searchPage: string, query: string): Promise<(string | null)[]> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (cause) => errors.push(cause.message));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.origin}${searchPage}?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator("[role=status]").textContent()).toContain(query);
    const found = await hrefs(page.locator(".search-result-title a"));
    expect(errors).toEqual([]);
    await page.close();
    return found;
  }

  it("finds the stories of the page's own language only", async () => {
    expect(await results("/cy/search/", "wal")).toEqual(["/cy/2026/11/20/flood-wall/"]);
    expect(await results("/cy/search/", "cyngor")).toEqual(expect.arrayContaining(["/cy/2026/11/20/flood-wall/", "/cy/2026/11/15/cyllideb/"]));
    expect(await results("/search/", "wall")).toEqual(["/2026/11/20/flood-wall/"]);
    // The English index knows nothing of the Welsh stories, and the other way round.
    expect(await results("/search/", "cyngor")).toEqual([]);
    expect(await results("/cy/search/", "ferry")).toEqual([]);
  });
});
