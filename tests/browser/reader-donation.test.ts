import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { SAMPLE_SITE_NOW } from "../support/sample-site.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";

const DAY = 24 * 60 * 60 * 1000;
// Run in the page (a string: the tests are compiled without DOM types): every ask has been hidden by ask.js.
const ALL_ASKS_HIDDEN = `[...document.querySelectorAll("[data-ask]")].every((element) => element.hidden)`;
// The sample's payment page (a custom URL template in tidings.config.yml); never fetched for real.
const PROVIDER = "https://donate.example.org/";

describe("the donation ask in Chromium (the sample site)", () => {
  const site = useServedSampleSite();

  /** A fresh context that records the address of every request any of its pages makes. */
  async function openContext(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
    const requests: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    // The provider is another site: answer for it here, so the test needs no network and sees where the reader lands.
    await context.route(`${PROVIDER}**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Provider</title><p>Payment page</p>" }));
    return { context, page: await context.newPage(), requests };
  }

  const offSite = (requests: readonly string[]) => requests.filter((url) => !url.startsWith(`${site.server.origin}/`));

  it("lets a reader without JavaScript pick monthly £10 and reach the provider with that choice", async () => {
    const { context, page, requests } = await openContext(false);
    await page.goto(`${site.server.origin}${SAMPLE_PAGES["article-text"]}`);
    const ask = page.getByRole("complementary", { name: "Keep the Lantern lit" });
    expect(await ask.isVisible()).toBe(true);
    // The cap's buttons need the script, so without it they are not offered.
    expect(await ask.getByRole("button").count()).toBe(0);

    // The one button the ask shows is the chosen amount's: the only visible call to action in it.
    const buttons = ask.locator("a.donate-button");
    const visibleButtons = async () => (await buttons.evaluateAll((links) => links.filter((link) => (link as unknown as { checkVisibility(): boolean }).checkVisibility()).map((link) => link.textContent))) as string[];
    expect(await visibleButtons()).toEqual(["Give £10 a month"]);

    // Choosing a frequency shows its amounts (CSS only); monthly is the default, so go via "Once".
    await ask.getByRole("radio", { name: "Once" }).click();
    expect(await ask.locator(".choice-amounts:visible").getByRole("radio", { name: "£25", exact: true }).isChecked()).toBe(true);
    expect(await visibleButtons()).toEqual(["Give £25"]);
    await ask.getByRole("radio", { name: "Monthly" }).click();
    expect(await ask.getByRole("radio", { name: "Monthly" }).isChecked()).toBe(true);
    // Only the chosen frequency's amounts are shown: the cards a reader can click.
    const amounts = ask.locator(".choice-amounts:visible");
    expect(await amounts.count()).toBe(1);
    await amounts.getByText("£5", { exact: true }).click();
    expect(await amounts.getByRole("radio", { name: "£5", exact: true }).isChecked()).toBe(true);
    expect(await visibleButtons()).toEqual(["Give £5 a month"]);
    await amounts.getByText("£10", { exact: true }).click();
    expect(await visibleButtons()).toEqual(["Give £10 a month"]);
    const ten = ask.getByRole("link", { name: "Give £10 a month" });

    expect(offSite(requests)).toEqual([]);
    await Promise.all([page.waitForURL(`${PROVIDER}**`), ten.click()]);
    expect(page.url()).toBe("https://donate.example.org/millbrook-lantern?frequency=monthly&amount=10&currency=GBP");
    expect(offSite(requests)).toEqual([page.url()]);
    await context.close();
  });

  it("fits the ask on one phone screen, ending in a filled button at least 44 px tall, with the newsletter box under it kept short", async () => {
    const { context, page } = await openContext(true);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const sitePath of [SAMPLE_PAGES["article-text"], SAMPLE_PAGES["article-donate"]]) {
      await page.goto(`${site.server.origin}${sitePath}`);
      const ask = page.locator("aside.donate");
      // With JavaScript, the cap's two buttons are shown too: the taller case.
      await ask.getByRole("button", { name: "Not now" }).waitFor();
      const box = await ask.boundingBox();
      const button = await ask.locator("a.donate-button:visible").boundingBox();
      const newsletter = await page.locator("aside.newsletter").boundingBox();
      if (!box || !button || !newsletter) throw new Error(`${sitePath}: the ask, its button or the newsletter box is not shown`);
      expect(box.height, `${sitePath}: the ask's height at 390 px`).toBeLessThanOrEqual(650);
      expect(button.height, `${sitePath}: the button's height`).toBeGreaterThanOrEqual(44);
      expect(button.width, `${sitePath}: the button spans the ask`).toBeGreaterThan(box.width * 0.8);
      expect(newsletter.y + newsletter.height - box.y, `${sitePath}: the ask and the newsletter together`).toBeLessThanOrEqual(1000);
      // The ask's button is filled (its background is not the ask's own), the newsletter's is not.
      const fills = await page.evaluate(
        `(() => { const button = [...document.querySelectorAll("aside.donate a.donate-button")].find((link) => link.checkVisibility()); return [button, document.querySelector("aside.donate"), document.querySelector(".newsletter-form button")].map((element) => getComputedStyle(element).backgroundColor); })()`,
      );
      const [buttonFill, askFill, newsletterFill] = fills as string[];
      expect(buttonFill).not.toBe(askFill);
      expect(newsletterFill).toBe("rgba(0, 0, 0, 0)");
    }
    await context.close();
  });

  it("with JavaScript, hides the ask on the next article once closed, and shows it again after the configured 7 days", async () => {
    const { context, page, requests } = await openContext(true);
    // The page's clock: Date and timers are Playwright's, moved on by the test (the same in every page of the context).
    await context.clock.install({ time: SAMPLE_SITE_NOW });
    const asks = () => page.locator("[data-ask]");
    const visibleAsks = async () => (await Promise.all((await asks().all()).map((ask) => ask.isVisible()))).filter(Boolean).length;

    await page.goto(`${site.server.origin}${SAMPLE_PAGES["article-text"]}`);
    const ask = page.getByRole("complementary", { name: "Keep the Lantern lit" });
    await ask.getByRole("button", { name: "Not now" }).waitFor();
    await ask.getByRole("button", { name: "Not now" }).click();
    expect(await ask.isVisible()).toBe(false);

    // Another article, with another variant and a short ask in its body: all hidden.
    await page.goto(`${site.server.origin}${SAMPLE_PAGES["article-donate"]}`);
    expect(await asks().count()).toBe(2);
    await page.waitForFunction(ALL_ASKS_HIDDEN);
    expect(await visibleAsks()).toBe(0);

    await context.clock.setSystemTime(SAMPLE_SITE_NOW + 6 * DAY);
    await page.goto(`${site.server.origin}${SAMPLE_PAGES.article}`);
    await page.waitForFunction(ALL_ASKS_HIDDEN);
    expect(await visibleAsks()).toBe(0);

    await context.clock.setSystemTime(SAMPLE_SITE_NOW + 7 * DAY + 60_000);
    await page.goto(`${site.server.origin}${SAMPLE_PAGES.article}`);
    await page.getByRole("button", { name: "Not now" }).waitFor();
    expect(await visibleAsks()).toBe(1);

    // What was remembered: one time in localStorage, and no cookie at all.
    expect(await page.evaluate("[Object.keys(localStorage), document.cookie]")).toEqual([["tidings:ask-hidden-until"], ""]);
    expect(await context.cookies()).toEqual([]);
    expect(offSite(requests)).toEqual([]);
    await context.close();
  });

  it("keeps the ask away for 90 days from a reader who already supports the newsroom", async () => {
    const { context, page, requests } = await openContext(true);
    await context.clock.install({ time: SAMPLE_SITE_NOW });
    await page.goto(`${site.server.origin}${SAMPLE_PAGES.article}`);
    const button = page.getByRole("button", { name: "I already support The Millbrook Lantern" });
    await button.waitFor();
    await button.click();
    await context.clock.setSystemTime(SAMPLE_SITE_NOW + 89 * DAY);
    await page.goto(`${site.server.origin}${SAMPLE_PAGES["article-text"]}`);
    await page.waitForFunction(ALL_ASKS_HIDDEN);
    await context.clock.setSystemTime(SAMPLE_SITE_NOW + 91 * DAY);
    await page.goto(`${site.server.origin}${SAMPLE_PAGES["article-text"]}`);
    await page.getByRole("button", { name: "Not now" }).waitFor();
    expect(await page.getByRole("complementary", { name: "Keep the Lantern lit" }).isVisible()).toBe(true);
    expect(await context.cookies()).toEqual([]);
    expect(offSite(requests)).toEqual([]);
    await context.close();
  });

  it("sends nothing anywhere from an article or the donate page, with JavaScript, while the reader chooses", async () => {
    const { context, page, requests } = await openContext(true);
    for (const sitePath of [SAMPLE_PAGES["article-donate"], "/donate/"]) {
      await page.goto(`${site.server.origin}${sitePath}`);
      for (const label of await page.locator(".choice-frequencies label").all()) await label.click();
      await page.waitForLoadState("networkidle");
    }
    expect(requests.length).toBeGreaterThan(0);
    expect(offSite(requests)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
