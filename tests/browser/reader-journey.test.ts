import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";

// Run in the page (as strings: the tests are compiled without DOM types).
// Marks every element a keyboard user must be able to reach: visible links, buttons and fields.
const MARK_FOCUSABLE = `(() => {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  // Tab stops once in a group of radio buttons, on the checked one (arrow keys move within it).
  const tabStop = (element) => element.type !== "radio" || !element.name || element.checked ||
    !document.querySelector('input[type="radio"][name="' + element.name + '"]:checked');
  const elements = [...document.querySelectorAll(selector)].filter((element) => !element.disabled && visible(element) && tabStop(element));
  elements.forEach((element, index) => element.setAttribute("data-focus-index", String(index)));
  return elements.length;
})()`;
// What has focus now, and how its focus shows.
const FOCUSED = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body || !element.hasAttribute("data-focus-index")) return null;
  const style = getComputedStyle(element);
  return { index: Number(element.getAttribute("data-focus-index")), label: element.outerHTML.slice(0, 80),
    outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor, outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineStyle: style.outlineStyle, boxShadow: style.boxShadow };
})()`;
// The same styles for one element without focus.
const UNFOCUSED = (index: number) => `(() => {
  document.activeElement?.blur();
  const element = document.querySelector('[data-focus-index="${index}"]');
  const style = getComputedStyle(element);
  return { outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor, boxShadow: style.boxShadow };
})()`;

describe("a reader in Chromium (the sample site)", () => {
  const site = useServedSampleSite();

  /** A fresh page that records every script error and every failed request. */
  async function openContext(
    options: Parameters<Browser["newContext"]>[0] = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    return { context, page, problems };
  }

  it("goes home (the curated front) → article → topic → another article → its author → the latest list → its next page", async () => {
    const { context, page, problems } = await openContext({ viewport: { width: 375, height: 800 } });
    const path = () => new URL(page.url()).pathname;
    await page.goto(`${site.server.origin}/`);
    expect(await page.locator("h1").textContent()).toBe("Top stories");
    // The front's containers, each a titled section of stories.
    expect(await page.locator(".front-container h2").count()).toBeGreaterThan(1);

    const story = page.getByRole("link", { name: "Council approves riverside flood wall after six-hour debate" });
    await Promise.all([page.waitForURL("**/2026/11/24/flood-wall-approved/"), story.click()]);
    expect(await page.locator("h1").textContent()).toBe("Council approves riverside flood wall after six-hour debate");
    expect(await page.locator(".lead-image img").isVisible()).toBe(true);

    await Promise.all([
      page.waitForURL("**/tags/environment/"),
      page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "Environment" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Environment");
    const titles = await page.locator(".card-title a").allTextContents();
    expect(titles).toContain("Council approves riverside flood wall after six-hour debate");

    await Promise.all([
      page.waitForURL("**/2026/07/09/sewage-overflow-figures/"),
      page.getByRole("link", { name: /^Sewage spilled into the Wendle/ }).click(),
    ]);
    const headline = ((await page.locator("h1").textContent()) ?? "").trim();
    const byline = page.locator(".byline a[rel=author]").first();
    const author = (await byline.textContent()) ?? "";
    await Promise.all([page.waitForURL("**/authors/**"), byline.click()]);
    expect(await page.locator("h1").textContent()).toBe(author);
    // The author's page lists the article the reader came from.
    expect((await page.locator(".card-title a").allTextContents()).map((title) => title.trim())).toContain(headline);

    await Promise.all([
      page.waitForURL(`${site.server.origin}/latest/`),
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Latest" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Latest news");
    const firstPage = await page.locator(".card-title a").allTextContents();
    // Archive blocks are numbered from the oldest, so the newest of them has the highest number.
    await Promise.all([page.waitForURL("**/latest/page/*/"), page.getByRole("link", { name: "Older articles" }).click()]);
    const number = /^\/latest\/page\/(\d+)\/$/.exec(path())?.[1];
    expect(Number(number)).toBeGreaterThan(0);
    const secondPage = await page.locator(".card-title a").allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
    // The heading names the days the page spans, ending with its newest article's, the first day heading.
    const newestDay = ((await page.locator(".list-day-heading time").first().textContent()) ?? "").trim();
    expect(newestDay).not.toBe("");
    expect((await page.locator("h1").textContent())?.trim()).toMatch(new RegExp(`${newestDay}$`));
    // One column: every card starts at the same left edge, each below the one before.
    const boxes = await page.locator(".article-card").evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect()).map((box) => ({ x: Math.round(box.x), top: box.top, bottom: box.bottom })));
    expect(new Set(boxes.map((box) => box.x)).size).toBe(1);
    expect(boxes.every((box, index) => index === 0 || box.top >= (boxes[index - 1]?.bottom ?? 0) - 1)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const name of [
    "home",
    "article",
    "article-donate",
    "article-corrections",
    "tag",
    "author",
    "search",
    "page",
    "not-found",
  ] as const) {
    it(`reaches every link and field of ${name} with the Tab key alone, each with a visible focus indicator`, async () => {
      const { context, page } = await openContext({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${site.server.origin}${SAMPLE_PAGES[name]}`);
      const expected = (await page.evaluate(MARK_FOCUSABLE)) as number;
      expect(expected).toBeGreaterThan(10);
      const reached: { index: number; label: string; outline: string; outlineWidth: number; outlineStyle: string; boxShadow: string }[] =
        [];
      for (let presses = 0; presses < expected + 5; presses++) {
        await page.keyboard.press("Tab");
        const focused = (await page.evaluate(FOCUSED)) as (typeof reached)[number] | null;
        if (focused === null) break;
        reached.push(focused);
      }
      expect(reached[0]?.label).toContain("skip-link");
      expect(new Set(reached.map((entry) => entry.index)).size).toBe(expected);
      // In document order: focus never jumps back and forth.
      expect(reached.map((entry) => entry.index)).toEqual([...Array(expected).keys()]);
      for (const entry of reached) {
        const unfocused = (await page.evaluate(UNFOCUSED(entry.index))) as { outline: string; boxShadow: string };
        const indicated = (entry.outlineStyle !== "none" && entry.outlineWidth >= 2) || entry.boxShadow !== "none";
        expect(indicated, `no focus indicator on ${entry.label}`).toBe(true);
        expect(`${entry.outline} ${entry.boxShadow}`, `focus looks the same as no focus on ${entry.label}`).not.toBe(
          `${unfocused.outline} ${unfocused.boxShadow}`,
        );
      }
      await context.close();
    });
  }

  it("Skip to content moves focus into the main content", async () => {
    const { context, page } = await openContext();
    await page.goto(`${site.server.origin}${SAMPLE_PAGES.article}`);
    await page.keyboard.press("Tab");
    expect(await page.locator(".skip-link").isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.closest('main') !== null")).toBe(true);
    await context.close();
  });

  it("on every kind of page: never scrolls sideways at 320 pixels wide, requests nothing from another site and sets no cookie", async () => {
    const { context, page } = await openContext({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    const cookies: string[] = [];
    let visiting = "";
    const offSite: string[] = [];
    // Every request any page of the context makes, from a script, a stylesheet or the page itself.
    context.on("request", (request) => {
      const address = request.url();
      if (/^(data|blob|about):/.test(address) || new URL(address).origin === site.server.origin) return;
      offSite.push(`${visiting}: ${address}`);
    });
    for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
      visiting = name;
      await page.goto(`${site.server.origin}${sitePath}`);
      const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
      if (width > 320) wide.push(`${name} is ${width} pixels wide`);
      for (const cookie of await context.cookies()) cookies.push(`${name}: ${cookie.name} (${cookie.domain})`);
      await context.clearCookies();
    }
    // Whatever the last page starts after it loads is counted too.
    await page.waitForLoadState("networkidle");
    expect(wide).toEqual([]);
    expect(offSite).toEqual([]);
    expect(cookies).toEqual([]);
    await context.close();
  });
});
