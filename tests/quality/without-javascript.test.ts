import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { serveWithSiteHeaders } from "../support/serve-sample-build.ts";
import { htmlFiles } from "../support/site-files.ts";
import type { StaticServer } from "../support/static-server.ts";

const { outputDir, root } = inject("sampleBuild");

describe("reading without JavaScript", () => {
  it("loads no script on any page but the search page (JSON-LD is data, not script)", () => {
    const withScripts = htmlFiles(outputDir)
      .map((file) => ({ file: path.relative(outputDir, file), $: load(readFileSync(file, "utf8")) }))
      .filter(({ $ }) => $("script").not('[type="application/ld+json"]').length > 0)
      .map(({ file }) => file);
    expect(withScripts).toEqual(["search/index.html"]);
  });

  describe("in Chromium with JavaScript turned off", () => {
    let server: StaticServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await serveWithSiteHeaders(outputDir, root);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
      it(`shows the whole of ${name} (${sitePath}): headline, content, navigation`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`${server.origin}${sitePath}`);
        expect(await page.locator("h1").isVisible()).toBe(true);
        expect(await page.locator(".site-nav a").first().isVisible()).toBe(true);
        const main = page.locator("main");
        expect((await main.innerText()).length).toBeGreaterThan(80);
        // Everything inside main that holds text is on screen, not hidden waiting for a script.
        const hidden = await main
          .locator("p, li, h2, h3, figure, table")
          .evaluateAll(
            (elements) =>
              elements.filter(
                (element) =>
                  element.getClientRects().length === 0 && !element.closest("[hidden], noscript, .visually-hidden, [data-search-results]"),
              ).length,
          );
        expect(hidden).toBe(0);
        if (name.startsWith("article")) expect(await page.locator(".article-body p").first().isVisible()).toBe(true);
        await context.close();
      });
    }
  });
});
