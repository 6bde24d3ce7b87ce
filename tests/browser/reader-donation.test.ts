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

    // Choosing a frequency shows its amounts (CSS only); monthly is the default, so go via "Once".
    await ask.getByRole("radio", { name: "Once" }).click();
    expect(await ask.getByRole("link", { name: "£25", exact: true }).isVisible()).toBe(true);
    expect(await ask.getByRole("link", { name: "£10 a month" }).isVisible()).toBe(false);
    await ask.getByRole("radio", { name: "Monthly" }).click();
    expect(await ask.getByRole("radio", { name: "Monthly" }).isChecked()).toBe(true);
    const ten = ask.getByRole("link", { name: "£10 a month" });
    expect(await ten.isVisible()).toBe(true);
    expect(await ask.getByRole("link", { name: "£25", exact: true }).isVisible()).toBe(false);

    expect(offSite(requests)).toEqual([]);
    await Promise.all([page.waitForURL(`${PROVIDER}**`), ten.click()]);
    expect(page.url()).toBe("https://donate.example.org/millbrook-lantern?frequency=monthly&amount=10&currency=GBP");
    expect(offSite(requests)).toEqual([page.url()]);
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
