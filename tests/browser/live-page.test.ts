import { cpSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { copyFixture, writeFiles } from "../support/fixture-site.ts";
import { serveBuild } from "../support/serve-build.ts";
import type { StaticServer } from "../support/static-server.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const NOW = Date.UTC(2026, 11, 1, 12);
const LIVE = "/2026/12/01/flood-live/";
const ENDED = "/2026/11/30/storm-live/";
const filler = (n: number) => Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1} of update ${n}, long enough to fill the screen of a phone.`).join("\n\n");

describe("a live page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    writeFiles(root, {
      "content/articles/2026/flood-live.md": `---\ntitle: "Live: flood warning"\ndate: 2026-12-01 06:30\nlive: true\nbyline: Priya Raman\n---\nThe introduction.\n\n::update{time="2026-12-01 11:40" title="Peak expected"}\n\n${filler(3)}\n\n::update{time="2026-12-01 08:50" title="Rest centre opens" key="true"}\n\n${filler(2)}\n\n::update{time="2026-12-01 06:45"}\n\n${filler(1)}\n`,
      "content/articles/2026/storm-live.md": `---\ntitle: The storm, as it happened\ndate: 2026-11-30 07:00\nlive: true\nended: 2026-11-30 20:00\nbyline: Priya Raman\n---\nThe storm.\n\n::update{time="2026-11-30 19:30"}\n\nThe wind has dropped.\n`,
    });
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    server = await serveBuild(result.outputDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens a shared update's address at that update, marked, with no script and no failed request", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.origin}${LIVE}#update-20261201-0850`);
    const update = page.locator("#update-20261201-0850");
    await expect.poll(() => update.evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBeLessThan(40);
    // The :target rule draws the shared update's top rule in the accent colour (read through a probe, which resolves the custom property).
    const styles = (await page.evaluate(`(() => {
      const probe = document.createElement("span");
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim();
      document.body.append(probe);
      return { border: getComputedStyle(document.getElementById("update-20261201-0850")).borderTopColor, accent: getComputedStyle(probe).color };
    })()`)) as { border: string; accent: string };
    expect(styles.border).toBe(styles.accent);
    expect(await page.locator("article.live-update").count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("marks open coverage with a filled LIVE badge above the headline and on its card, and ended coverage with a banner instead", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    // The page's own code reads the badge (a string: the tests are compiled without the DOM's types).
    const badge = async (selector: string) =>
      (await page.evaluate(`(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        const box = element.getBoundingClientRect();
        return { text: element.textContent.trim(), background: getComputedStyle(element).backgroundColor, width: box.width, bottom: box.bottom };
      })()`)) as { text: string; background: string; width: number; bottom: number };
    await page.goto(`${server.origin}${LIVE}`);
    const onPage = await badge(".article-header .live-flag");
    expect(onPage.text).toBe("Live");
    expect(onPage.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(onPage.width).toBeGreaterThan(20);
    const headline = await page.locator("h1").boundingBox();
    expect(onPage.bottom).toBeLessThanOrEqual(headline?.y ?? 0);
    expect(await page.locator(".live-ended").count()).toBe(0);
    await page.goto(`${server.origin}/`);
    const onCard = await badge(`.article-card:has(a[href='${LIVE}']) .live-flag`);
    expect([onCard.text, onCard.background]).toEqual(["Live", onPage.background]);
    await page.goto(`${server.origin}${ENDED}`);
    expect(await page.locator(".article-header .live-flag").count()).toBe(0);
    const banner = await page.locator(".live-ended").boundingBox();
    const endedHeadline = await page.locator("h1").boundingBox();
    expect(await page.locator(".live-ended").textContent()).toContain("Live coverage ended");
    // A banner across the text column, above the headline.
    expect(banner?.width ?? 0).toBeGreaterThan(300);
    expect((banner?.y ?? 0) + (banner?.height ?? 0)).toBeLessThanOrEqual(endedHeadline?.y ?? 0);
    await context.close();
  });

  it("lists the key events near the top, and following one brings its update into view", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${LIVE}`);
    const list = page.getByRole("navigation", { name: "Key events" });
    const box = await list.boundingBox();
    // On the first screens of the page, before the first update.
    expect(box?.y ?? Infinity).toBeLessThan(1000);
    const first = await page.locator("article.live-update").first().boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(first?.y ?? 0);
    await list.getByRole("link", { name: /08:50 Rest centre opens/ }).click();
    expect(new URL(page.url()).hash).toBe("#update-20261201-0850");
    await expect.poll(() => page.locator("#update-20261201-0850").evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBeLessThan(40);
    await context.close();
  });

  it("puts an update's own address in the location bar when its time is followed", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}${LIVE}`);
    // The date is given once, on the newest update; this one is named by its time.
    await page.getByRole("link", { name: "06:45", exact: true }).click();
    expect(new URL(page.url()).hash).toBe("#update-20261201-0645");
    await context.close();
  });
});
