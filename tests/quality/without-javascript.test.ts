import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, inject, it } from "vitest";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";
import { htmlFiles } from "../support/site-files.ts";

const { outputDir } = inject("sampleBuild");

describe("reading without JavaScript", () => {
  it("loads no script on any page but the search page, the donation ask's cap and the embeds' click-to-load (JSON-LD is data, not script)", () => {
    const pages = htmlFiles(outputDir).map((file) => ({ file: path.relative(outputDir, file), $: load(readFileSync(file, "utf8")) }));
    const scripts = ($: (typeof pages)[number]["$"]) => $("script").not('[type="application/ld+json"]');
    const enhanced = ($: (typeof pages)[number]["$"]) => $("[data-ask]").length > 0 || $("a[data-embed-src]").length > 0;
    expect(pages.filter(({ $ }) => scripts($).length > 0 && !enhanced($)).map(({ file }) => file)).toEqual(["search/index.html"]);
    // A page with an ask loads ask.js, which adds the frequency cap's buttons; a page with an embed
    // loads embed.js, which swaps a facade (a plain link without it) for the provider's frame on a
    // click: nothing the page needs, and nothing else.
    expect(pages.some(({ $ }) => $("a[data-embed-src]").length > 0), "the sample site has an article with embeds").toBe(true);
    for (const { $ } of pages.filter(({ $ }) => enhanced($))) {
      const expected = [
        ...($("[data-ask]").length > 0 ? [expect.stringMatching(/^\/assets\/ask\.[0-9a-f]{10}\.js$/)] : []),
        ...($("a[data-embed-src]").length > 0 ? [expect.stringMatching(/^\/assets\/embed\.[0-9a-f]{10}\.js$/)] : []),
      ];
      expect(scripts($).map((_, script) => $(script).attr("src")).get().sort()).toEqual(expected);
    }
  });

  describe("in Chromium with JavaScript turned off", () => {
    const site = useServedSampleSite();

    for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
      it(`shows the whole of ${name} (${sitePath}): headline, content, navigation`, async () => {
        const context = await site.browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`${site.server.origin}${sitePath}`);
        expect(await page.locator("h1").isVisible()).toBe(true);
        expect(await page.locator(".site-nav a").first().isVisible()).toBe(true);
        const main = page.locator("main");
        expect((await main.innerText()).length).toBeGreaterThan(80);
        // Everything inside main that holds text is on screen, not hidden waiting for a script.
        const hidden = await main
          .locator("p, li, h2, h3, figure, table")
          .evaluateAll(
            (elements) =>
              elements.filter((element) => {
                if (element.getClientRects().length > 0 || element.closest("[hidden], noscript, .visually-hidden, [data-search-results]")) return false;
                // The amounts of a frequency the reader has not chosen: a radio button shows them, no script.
                const amounts = element.closest(".choice-amounts");
                const chosen = amounts?.closest(".choices")?.querySelector(".choice-input:checked")?.getAttribute("value");
                if (amounts && chosen && chosen !== amounts.getAttribute("data-frequency")) return false;
                // What an amount the reader has not chosen pays for: its radio button shows it, no script.
                const radio = element.matches(".choice-pays") ? element.previousElementSibling?.previousElementSibling?.previousElementSibling : undefined;
                return !(radio?.matches(".amount-input") && !radio.matches(":checked"));
              }).length,
          );
        expect(hidden).toBe(0);
        if (name.startsWith("article")) expect(await page.locator(".article-body p").first().isVisible()).toBe(true);
        await context.close();
      });
    }
  });
});
