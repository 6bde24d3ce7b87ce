import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS } from "../support/artifacts.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";

/** Where the screenshots go: `<page-type>-<width>[-dark|-print].png`. CI keeps the folder. */
const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
// Paper width at 96 pixels to the inch: A4 less the print margins in site.css is narrower still.
const A4_WIDTH = 794;

// Run in the page (as strings: the tests are compiled without DOM types).
const LUMINANCE = (selector: string, property: string) => `(() => {
  const value = getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}];
  const [r, g, b] = value.match(/[\\d.]+/g).slice(0, 3).map((channel) => Number(channel) / 255)
    .map((channel) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
})()`;
const DISPLAY = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => getComputedStyle(element).display)`;
// Lazy thumbnails below the fold would load for a full-page picture only once scrolled to.
const LOAD_IMAGES =
  "Promise.all([...document.images].map((image) => { image.loading = 'eager'; return image.decode().catch(() => undefined); }))";
// The masthead's navigation and the breadcrumb: each one's scroll and client width, and its links' boxes.
const LINK_BOXES = `[...document.querySelectorAll("nav.site-nav, nav.breadcrumb")].map((nav) => ({
  nav: nav.getAttribute("aria-label"),
  scroll: nav.scrollWidth,
  client: nav.clientWidth,
  links: [...nav.querySelectorAll("a")].map((link) => {
    const box = link.getBoundingClientRect();
    return { text: link.textContent.trim(), left: box.left, right: box.right, top: box.top, bottom: box.bottom };
  }),
}))`;
const AFTER_CONTENT = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => getComputedStyle(element, "::after").content)`;

describe("how pages look (the sample site in Chromium)", () => {
  const site = useServedSampleSite();

  beforeAll(() => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  async function open(sitePath: string, options: { width: number; colorScheme?: "light" | "dark"; print?: boolean }): Promise<Page> {
    const context = await site.browser.newContext({
      viewport: { width: options.width, height: 900 },
      colorScheme: options.colorScheme ?? "light",
    });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}${sitePath}`, { waitUntil: "load" });
    if (options.print) await page.emulateMedia({ media: "print" });
    await page.evaluate(LOAD_IMAGES);
    return page;
  }

  it("writes a screenshot of every kind of page at 375 and 1280 pixels, in dark mode at 375, and as printed", async () => {
    const written: string[] = [];
    for (const variant of [
      { width: 375, suffix: "" },
      { width: 1280, suffix: "" },
      { width: 375, suffix: "-dark", colorScheme: "dark" as const },
      { width: A4_WIDTH, suffix: "-print", print: true },
    ]) {
      const context = await site.browser.newContext({
        viewport: { width: variant.width, height: 900 },
        colorScheme: variant.colorScheme ?? "light",
      });
      const page = await context.newPage();
      if (variant.print) await page.emulateMedia({ media: "print" });
      for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
        await page.goto(`${site.server.origin}${sitePath}`, { waitUntil: "load" });
        await page.evaluate(LOAD_IMAGES);
        const file = path.join(SCREENSHOTS, `${name}-${variant.width}${variant.suffix}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(path.basename(file));
      }
      await context.close();
    }
    expect(written).toHaveLength(Object.keys(SAMPLE_PAGES).length * 4);
  });

  it("follows the reader's dark setting: light text on a dark page, a distinct donation block, still-visible links", async () => {
    const light = await open(SAMPLE_PAGES.article, { width: 375 });
    const dark = await open(SAMPLE_PAGES.article, { width: 375, colorScheme: "dark" });
    expect(await light.evaluate(LUMINANCE("body", "backgroundColor"))).toBeGreaterThan(0.8);
    expect(await light.evaluate(LUMINANCE("body", "color"))).toBeLessThan(0.05);
    expect(await dark.evaluate(LUMINANCE("body", "backgroundColor"))).toBeLessThan(0.05);
    expect(await dark.evaluate(LUMINANCE("body", "color"))).toBeGreaterThan(0.6);
    expect(await dark.evaluate(LUMINANCE(".donate", "backgroundColor"))).not.toBe(
      await dark.evaluate(LUMINANCE("body", "backgroundColor")),
    );
    expect(await dark.evaluate(LUMINANCE(".byline a", "color"))).toBeGreaterThan(0.3);
    await light.context().close();
    await dark.context().close();
  });

  it("prints the story without navigation or donation block, with every source's address written out", async () => {
    const page = await open(SAMPLE_PAGES["article-text"], { width: A4_WIDTH, print: true });
    for (const selector of [".site-nav", ".donate", ".skip-link", ".related", ".article-tags", ".footer-links"]) {
      const displays = (await page.evaluate(DISPLAY(selector))) as string[];
      expect(displays.length, `${selector} is on the page`).toBeGreaterThan(0);
      expect(new Set(displays), selector).toEqual(new Set(["none"]));
    }
    expect(await page.locator(".headline").isVisible()).toBe(true);
    expect(await page.locator(".article-body p").first().isVisible()).toBe(true);
    const sources = page.locator(".sources li a");
    expect(await sources.count()).toBeGreaterThan(0);
    for (const link of await sources.all()) {
      const url = page.locator(".sources .source-url").filter({ hasText: (await link.getAttribute("href")) ?? "" });
      expect(await url.isVisible()).toBe(true);
    }
    // Links in the story print their address after the text.
    const bodyLinks = (await page.evaluate(AFTER_CONTENT('.article-body a[href^="http"]'))) as string[];
    const hrefs = await page
      .locator('.article-body a[href^="http"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(bodyLinks.length).toBeGreaterThan(0);
    expect(bodyLinks).toEqual(hrefs.map((href) => `" (${href})"`));
    // And it makes a real printed document.
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.pdf({ format: "A4", path: path.join(SCREENSHOTS, "article-text-print.pdf") });
    await page.context().close();
  });

  it("shows the screen layout when not printing: navigation and the donation block are there", async () => {
    const page = await open(SAMPLE_PAGES["article-text"], { width: 375 });
    expect(await page.locator(".site-nav").isVisible()).toBe(true);
    expect(await page.locator(".donate").isVisible()).toBe(true);
    expect(await page.locator(".sources .source-url").first().isVisible()).toBe(false);
    await page.context().close();
  });

  it("fits the navigation, every section link included, and the breadcrumb on a 320-pixel screen, each link a target of at least 24 by 24 pixels", async () => {
    const problems: string[] = [];
    for (const sitePath of [SAMPLE_PAGES.home, SAMPLE_PAGES["section-front"], SAMPLE_PAGES.article]) {
      const page = await open(sitePath, { width: 320 });
      const found = (await page.evaluate(LINK_BOXES)) as { nav: string; scroll: number; client: number; links: { text: string; left: number; right: number; top: number; bottom: number }[] }[];
      // Every section of the sample's config has its link in the masthead.
      const hrefs = await page.locator(".site-nav a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs).toEqual(expect.arrayContaining(["/news/", "/culture/", "/politics/", "/opinion/"]));
      expect(found.map((nav) => nav.nav)).toEqual(sitePath === SAMPLE_PAGES.home ? ["Main"] : ["Main", "Breadcrumb"]);
      for (const nav of found) {
        if (nav.scroll > nav.client) problems.push(`${sitePath}: the ${nav.nav} navigation scrolls (${nav.scroll} > ${nav.client})`);
        nav.links.forEach((link, index) => {
          const where = `${sitePath}: ${nav.nav} link "${link.text}"`;
          if (link.left < 0 || link.right > 320) problems.push(`${where} runs off the screen (${link.left}–${link.right})`);
          if (link.right - link.left < 24 || link.bottom - link.top < 24) problems.push(`${where} is ${link.right - link.left}×${link.bottom - link.top}`);
          for (const other of nav.links.slice(index + 1)) {
            const overlaps = link.left < other.right && other.left < link.right && link.top < other.bottom && other.top < link.bottom;
            if (overlaps) problems.push(`${where} overlaps "${other.text}"`);
          }
        });
      }
      expect((await page.evaluate("document.documentElement.scrollWidth")) as number, sitePath).toBeLessThanOrEqual(320);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
