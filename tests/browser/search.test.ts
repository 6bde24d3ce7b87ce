import { readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { copySampleSite } from "../support/fixture-site.ts";
import { headersFor, parseHeadersFile } from "../support/headers-file.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";

const NOW = Date.UTC(2026, 11, 1, 12);
// "towpath" occurs in the body of one sample article only, the regatta report.
const WORD = "towpath";
const ARTICLE = "/2026/05/30/regatta-returns/";
const TITLE = "Millbrook regatta returns to the Wendle after six-year gap";
const AUTHOR = "Owen Halloran";

/** The href of every link a locator matches. */
async function hrefs(links: Locator): Promise<(string | null)[]> {
  return Promise.all((await links.all()).map((link) => link.getAttribute("href")));
}

describe("search in Chromium (the sample site)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copySampleSite();
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    // Served with the site's own headers, so search must work under its Content-Security-Policy.
    const rules = parseHeadersFile(readFileSync(path.join(root, "public", "_headers"), "utf8"));
    server = await serveFolder(result.outputDir, (sitePath) => headersFor(rules, sitePath));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openSearch(query = ""): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (cause) => errors.push(cause.message));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.origin}/search/${query}`);
    await page.locator("form[role=search]").waitFor({ state: "visible" });
    expect(errors).toEqual([]);
    return page;
  }

  it("finds the article whose body holds a typed word, with the keyboard alone", async () => {
    const page = await openSearch();
    // Tab from the top of the page until the search field has focus.
    let tabs = 0;
    while ((await page.locator("#search-query:focus").count()) === 0) {
      expect(++tabs, "Tab never reached the search field").toBeLessThan(20);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(WORD);
    const results = page.locator(".search-result-title a");
    await results.first().waitFor();
    expect(await hrefs(results)).toEqual([ARTICLE]);
    expect(await results.first().textContent()).toBe(TITLE);
    await expect.poll(() => page.locator("[role=status]").textContent()).toBe(`1 article matches “${WORD}”.`);
    expect(await page.locator(".search-result-excerpt mark").first().textContent()).toBe(WORD);

    // The results are plain links: Tab reaches the first one, Enter follows it.
    tabs = 0;
    while ((await page.locator(".search-result a:focus").count()) === 0) {
      expect(++tabs, "Tab never reached a result").toBeLessThan(5);
      await page.keyboard.press("Tab");
    }
    await Promise.all([page.waitForURL(`${server.origin}${ARTICLE}`), page.keyboard.press("Enter")]);
    await page.context().close();
  });

  it("shows a result as the cards show an article: kicker, headline, an excerpt of the text alone, then byline and date", async () => {
    const page = await openSearch();
    const shardFilters: string[] = [];
    page.on("request", (request) => {
      if (/\/pagefind\/shard-[^/]+\/filter\//.test(new URL(request.url()).pathname)) shardFilters.push(request.url());
    });
    await page.fill("#search-query", WORD);
    const result = page.locator(".search-result").first();
    await result.waitFor();
    expect(await hrefs(page.locator(".search-result-title a"))).toEqual([ARTICLE]);
    // The regatta report's first topic is its kicker (a news story: no type label).
    expect(await result.locator(".kicker").textContent()).toBe("Sport");
    expect(await result.locator(".kicker-text").textContent()).toBe("Sport");
    expect(await result.locator("h2.card-title a").textContent()).toBe(TITLE);
    const excerpt = result.locator(".search-result-excerpt");
    expect(await excerpt.locator("mark").first().textContent()).toBe(WORD);
    expect(await excerpt.textContent()).not.toContain(TITLE);
    expect(await excerpt.textContent()).not.toContain(AUTHOR);
    expect(await result.locator(".card-meta").textContent()).toBe(`${AUTHOR} · 30 May 2026, 19:15`);
    expect(await result.locator(".card-meta time").getAttribute("datetime")).toBe("2026-05-30T19:15:00+01:00");
    // Kicker, type and date are filters, so that no search matches them; the search page never fetches their index.
    expect(shardFilters).toEqual([]);
    await page.context().close();
  });

  it("finds an article by its author's name or a word of its headline alone, and then shows the opening of its text", async () => {
    const page = await openSearch();
    for (const query of ["Halloran", "gap"]) {
      await page.fill("#search-query", query);
      await expect.poll(() => page.locator("[role=status]").textContent()).toMatch(new RegExp(`“${query}”\\.$`));
      const result = page.locator(".search-result").filter({ has: page.locator(`a[href="${ARTICLE}"]`) });
      expect(await result.count(), query).toBe(1);
      const excerpt = (await result.locator(".search-result-excerpt").textContent()) ?? "";
      // The standfirst: the body's opening paragraph (the article has no summary).
      expect(excerpt, query).toMatch(/^More than 3,000 people lined the banks of the Wendle/);
      expect(excerpt, query).not.toContain(TITLE);
      expect(excerpt, query).not.toContain("Halloran");
      expect(await result.locator(".search-result-excerpt mark").count(), query).toBe(0);
      expect(await result.locator(".card-meta").textContent(), query).toBe(`${AUTHOR} · 30 May 2026, 19:15`);
    }
    await page.context().close();
  });

  it("runs the search in the address (?q=), and leaves out what is not the article's own text", async () => {
    const page = await openSearch(`?q=${WORD}`);
    await page.locator(".search-result").first().waitFor();
    expect(await page.locator("#search-query").inputValue()).toBe(WORD);
    // On the regatta page, "Amateur" appears only in the Sources list, which is not indexed.
    // (Pagefind also matches shorter words, such as the "am" of "7am", so other articles may match.)
    await page.fill("#search-query", "amateur");
    await expect.poll(() => page.locator("[role=status]").textContent()).toMatch(/“amateur”\.$/);
    const found = await hrefs(page.locator(".search-result-title a"));
    expect(found).not.toContain(ARTICLE);
    expect(new URL(page.url()).search).toBe("?q=amateur");
    await page.fill("#search-query", "xylophone");
    await expect.poll(() => page.locator("[role=status]").textContent()).toBe("No articles match “xylophone”.");
    expect(await page.locator(".search-result").count()).toBe(0);
    await page.context().close();
  });

  it("has no accessibility violations with results on screen", async () => {
    const page = await openSearch(`?q=${WORD}`);
    await page.locator(".search-result").first().waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => String(node.target)).join(", ")}`)).toEqual([]);
    await page.context().close();
  });

  it("without JavaScript, says search needs it and links to the topics", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    const fallback = page.locator(".search-unavailable");
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.textContent()).toContain("Search needs JavaScript");
    expect(await fallback.locator("a").getAttribute("href")).toBe("/tags/");
    await context.close();
  });

  it("says when the index cannot be loaded, and offers the topics", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${server.origin}/search/`);
    await page.fill("#search-query", WORD);
    await expect.poll(() => page.locator("[role=status]").textContent()).toBe("Search is not available right now. You can browse articles by topic instead.");
    expect(await page.locator("[role=status] a").getAttribute("href")).toBe("/tags/");
    await context.close();
  });

  it("with JavaScript, shows no message about needing it, and loads the index only for a search", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/search/`, { waitUntil: "networkidle" });
    expect(await page.locator(".search-unavailable").isVisible()).toBe(false);
    expect(requests.filter((request) => request.startsWith("/pagefind/"))).toEqual([]);
    await page.focus("#search-query");
    await expect.poll(() => requests.includes("/pagefind/pagefind.js")).toBe(true);
    await context.close();
  });
});
