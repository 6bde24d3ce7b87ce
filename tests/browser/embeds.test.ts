import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { EMBEDS_NOW, EMBEDS_PAGE, embedsFixture } from "../support/embed-fixture.ts";
import { serveBuild } from "../support/serve-build.ts";
import type { StaticServer } from "../support/static-server.ts";

const BODY = `Opening.

::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The council vote" poster="images/pier.jpg"}

::embed{url="https://datawrapper.dwcdn.net/Xk3Lm/2/" title="Funding by source"}

https://x.com/MillbrookEA/status/1861234567890123456
`;

// The poster's address once it has loaded, else "" (a string: the tests have no DOM types).
const POSTER_SHOWN = `(() => { const img = document.querySelector("img.embed-poster"); return img && img.complete && img.naturalWidth > 0 ? img.currentSrc : ""; })()`;

describe("a click-to-load embed in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const result = await build({ root: embedsFixture(BODY), now: EMBEDS_NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    // The published _headers, so the page runs under the policy its host would send (frame-src included).
    server = await serveBuild(result.outputDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("requests nothing from the provider until the reader selects the facade, then loads its iframe", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const offSite: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    // No network here: every request off the test server is answered locally and recorded.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, async (route) => {
      offSite.push(route.request().url());
      await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>player</title><p>player</p>" });
    });
    await page.goto(`${server.origin}${EMBEDS_PAGE}`);
    // The poster is lazy: brought into view, it loads, from this site.
    const poster = page.locator("img.embed-poster");
    await poster.scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate<string>(POSTER_SHOWN)).not.toBe("");
    expect(new URL(await page.evaluate<string>(POSTER_SHOWN)).origin).toBe(server.origin);
    await page.getByRole("link", { name: "Funding by source" }).scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    expect(offSite).toEqual([]);

    const facade = page.getByRole("link", { name: "The council vote" });
    await facade.click();
    const frame = page.locator("iframe.embed-frame");
    await frame.waitFor();
    expect(await frame.getAttribute("title")).toBe("The council vote");
    expect(await frame.getAttribute("sandbox")).toContain("allow-scripts");
    await expect.poll(() => offSite).toEqual(["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"]);
    expect(page.url()).toBe(`${server.origin}${EMBEDS_PAGE}`);
    expect(errors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
    await context.close();
  });

  it("is a plain link to the provider's page without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${EMBEDS_PAGE}`);
    expect(await page.getByRole("link", { name: "The council vote" }).getAttribute("href")).toBe("https://www.youtube.com/watch?v=aqz-KE-bpKQ");
    expect(await page.locator("iframe").count()).toBe(0);
    await context.close();
  });
});
