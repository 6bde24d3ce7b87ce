import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { copySampleSite } from "../support/fixture-site.ts";
import { htmlValidateErrors, vnuErrors } from "../support/html-validators.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { recordSampleHistory, SAMPLE_SITE_NOW } from "../support/sample-site.ts";
import { serveBuild } from "../support/serve-build.ts";
import { htmlFiles } from "../support/site-files.ts";
import type { StaticServer } from "../support/static-server.ts";

// The sample site with `language: ar`: every page reads right to left and the layout mirrors.
// Until the message catalogues come, its words are still English; nothing here reads them.

type Box = { left: number; right: number; top: number; bottom: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${String(locator)} is not shown`);
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

async function boxes(locator: Locator): Promise<Box[]> {
  return Promise.all((await locator.all()).map(box));
}

const centre = (b: Box) => (b.left + b.right) / 2;
// Boxes on one line of a wrapping row: their tops within a pixel of the first's.
const sameRow = (row: Box[]) => row.filter((b) => Math.abs(b.top - row[0]!.top) < 2);
const descending = (values: number[]) => values.every((value, index) => index === 0 || value < values[index - 1]!);

describe("the sample site in Arabic (right to left) in Chromium", () => {
  let outputDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copySampleSite();
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, readFileSync(config, "utf8").replace(/^language: .*$/m, "language: ar"));
    // As the quality gates' build: a history, so the Arabic history page is among the pages visited.
    recordSampleHistory(root);
    const result = await build({ root, now: SAMPLE_SITE_NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
    outputDir = result.outputDir;
    server = await serveBuild(outputDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(sitePath: string, width: number, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}${sitePath}`);
    expect(response?.status(), sitePath).toBe(200);
    return page;
  }

  for (const width of [390, 1280]) {
    describe(`at ${width} pixels`, () => {
      it("marks the page dir=rtl lang=ar and puts the navigation's first link at the right end of its row", async () => {
        const page = await open("/", width);
        expect(await page.locator("html").evaluate((html) => [html.getAttribute("lang"), html.getAttribute("dir")])).toEqual(["ar", "rtl"]);
        const row = sameRow(await boxes(page.locator(".site-nav a")));
        expect(row.length).toBeGreaterThan(2);
        // Each link left of the one before: the first is the rightmost, the row reads from the right.
        expect(descending(row.map((b) => b.right))).toBe(true);
        await page.context().close();
      });

      it("floats an article card's thumbnail to the left, the text beside it on the right", async () => {
        const page = await open(SAMPLE_PAGES.latest, width);
        const cards = page.locator(".article-card.has-thumbnail");
        expect(await cards.count()).toBeGreaterThan(0);
        for (const card of await cards.all()) {
          const [cardBox, thumbnail, title] = await Promise.all([
            box(card),
            box(card.locator(".card-thumbnail")),
            box(card.locator(".card-title a")),
          ]);
          expect(Math.abs(thumbnail.left - cardBox.left)).toBeLessThanOrEqual(1);
          expect(thumbnail.right).toBeLessThan(centre(cardBox));
          expect(title.left).toBeGreaterThan(thumbnail.right);
        }
        await page.context().close();
      });

      it("mirrors the donation ask: choices run from the right, each radio on its card's right, the button across the grid", async () => {
        const page = await open(SAMPLE_PAGES["article-donate"], width);
        const ask = page.locator("aside.donate");
        const frequencies = page.locator(".choice-frequency");
        const row = sameRow(await boxes(frequencies));
        expect(row.length).toBe(3);
        expect(descending(row.map((b) => b.right))).toBe(true);
        for (const frequency of await frequencies.all()) {
          expect(centre(await box(frequency.locator("input")))).toBeGreaterThan(centre(await box(frequency)));
        }
        const amounts = ask.locator(".choice-amounts:visible");
        expect(await amounts.count()).toBe(1);
        const [grid, cards, button] = await Promise.all([
          box(amounts),
          boxes(amounts.locator(".choice-amount")),
          box(amounts.locator(".choice-go:visible")),
        ]);
        expect(Math.abs(cards[0]!.right - grid.right)).toBeLessThanOrEqual(1);
        expect(descending(sameRow(cards).map((b) => b.right))).toBe(true);
        expect([Math.round(button.left), Math.round(button.right)]).toEqual([Math.round(grid.left), Math.round(grid.right)]);
        await page.context().close();
      });

      it("draws the rules of the live page's key events, the pull quotes and the short ask on the right", async () => {
        for (const [sitePath, selector] of [
          [SAMPLE_PAGES["article-live"], ".key-events"],
          [SAMPLE_PAGES["article-live"], ".article-body blockquote"],
          [SAMPLE_PAGES["article-donate"], ".ask-short"],
        ] as const) {
          const page = await open(sitePath, width);
          const rule = (await page.evaluate(`(() => {
            const style = getComputedStyle(document.querySelector(${JSON.stringify(selector)}));
            return { left: style.borderLeftWidth, right: style.borderRightWidth };
          })()`)) as { left: string; right: string };
          expect({ selector, ...rule }).toEqual({ selector, left: "0px", right: expect.stringMatching(/^[1-9]/) });
          await page.context().close();
        }
      });

      it("mirrors the pagination: newer articles on the right, older on the left", async () => {
        const page = await open(SAMPLE_PAGES["home-page-2"], width);
        const [nav, newer, older] = await Promise.all([
          box(page.locator("nav.pagination")),
          box(page.locator("a[rel=prev]")),
          box(page.locator("a[rel=next]")),
        ]);
        expect(Math.abs(newer.right - nav.right)).toBeLessThanOrEqual(1);
        // Side by side, older is at the left end; wrapped under newer, it starts at the right like it.
        if (older.top < newer.bottom && newer.top < older.bottom) expect(Math.abs(older.left - nav.left)).toBeLessThanOrEqual(1);
        else expect(Math.abs(older.right - nav.right)).toBeLessThanOrEqual(1);
        await page.context().close();
      });
    });
  }

  it("never scrolls sideways at 320 pixels wide", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
      await page.goto(`${server.origin}${sitePath}`);
      const { scroll, client } = (await page.evaluate(
        "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })",
      )) as { scroll: number; client: number };
      if (scroll > client) wide.push(`${name} is ${scroll} pixels wide`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it("has no axe violations on the home page, an article with the ask and the live page, in light and dark", async () => {
    const found: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      for (const name of ["home", "article-donate", "article-live"] as const) {
        const page = await open(SAMPLE_PAGES[name], 375, colorScheme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        found.push(
          ...violations.map(
            (violation) => `${name} ${colorScheme} ${violation.id}: ${violation.nodes.map((node) => String(node.target)).join(", ")}`,
          ),
        );
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  });

  it("writes valid HTML (html-validate and the Nu HTML Checker) on every page", async () => {
    const pages = htmlFiles(outputDir);
    expect(pages.length).toBeGreaterThan(40);
    expect(await htmlValidateErrors(pages, outputDir)).toEqual([]);
    expect(await vnuErrors(outputDir)).toEqual([]);
  });
});
