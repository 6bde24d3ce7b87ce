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
const filler = (n: number) => Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1} of update ${n}, long enough to fill the screen of a phone.`).join("\n\n");

describe("a live page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    writeFiles(root, {
      "content/articles/2026/flood-live.md": `---\ntitle: "Live: flood warning"\ndate: 2026-12-01 06:30\nlive: true\nbyline: Priya Raman\n---\nThe introduction.\n\n::update{time="2026-12-01 11:40" title="Peak expected"}\n\n${filler(3)}\n\n::update{time="2026-12-01 08:50" title="Rest centre opens"}\n\n${filler(2)}\n\n::update{time="2026-12-01 06:45"}\n\n${filler(1)}\n`,
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
