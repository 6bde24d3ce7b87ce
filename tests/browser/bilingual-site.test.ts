import { cpSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import path from "node:path";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { listFiles } from "../../src/core/files.ts";
import { htmlValidateErrors, vnuErrors } from "../support/html-validators.ts";
import { copyFixture } from "../support/fixture-site.ts";
import { SAMPLE_SITE } from "../support/sample-site.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";

// The English and Welsh fixture: "wal" and "flood" are words of one story, in each language.
const NOW = Date.UTC(2026, 10, 21, 12);

async function hrefs(links: Locator): Promise<(string | null)[]> {
  return Promise.all((await links.all()).map((link) => link.getAttribute("href")));
}

describe("a site of two languages, in Chromium and the validators", () => {
  let server: StaticServer;
  let browser: Browser;
  let outputDir: string;

  beforeAll(async () => {
    const root = copyFixture("bilingual");
    // The newsroom's stylesheet, as the sample site has it.
    cpSync(path.join(SAMPLE_SITE, "public", "css"), path.join(root, "public", "css"), { recursive: true });
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    outputDir = result.outputDir;
    server = await serveFolder(outputDir);
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

  it("writes valid HTML on every page of both languages (html-validate and the Nu HTML Checker)", async () => {
    const pages = listFiles(outputDir).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(30);
    const [fromHtmlValidate, fromVnu] = await Promise.all([htmlValidateErrors(pages, outputDir), vnuErrors(outputDir)]);
    expect(fromHtmlValidate).toEqual([]);
    expect(fromVnu).toEqual([]);
  });

  it("has no axe violations on a translated article, a home page and a list, with the language menu", async () => {
    for (const sitePath of ["/cy/2026/11/20/flood-wall/", "/", "/cy/", "/cy/tags/cyngor/"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}${sitePath}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((violation) => `${sitePath} ${violation.id}: ${violation.nodes.map((node) => String(node.target)).join(", ")}`)).toEqual([]);
      await context.close();
    }
  });
});
