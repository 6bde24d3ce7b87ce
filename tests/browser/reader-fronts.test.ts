import { describe, expect, it } from "vitest";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";

// Run in the page (a string: the tests are compiled without DOM types): for every card with a
// thumbnail, the gap between its headline and the text under it, in CSS pixels.
const THUMBNAIL_GAPS = `[...document.querySelectorAll(".article-card.has-thumbnail")].map((card) => {
  const title = card.querySelector(".card-title").getBoundingClientRect();
  const next = card.querySelector(".card-title ~ p");
  return next ? Math.round(next.getBoundingClientRect().top - title.bottom) : 0;
})`;

describe("fronts and lists in Chromium (the sample site)", () => {
  const site = useServedSampleSite();

  it("shows the home page's lead story with its picture large on a wide screen, and above the headline on a phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}${SAMPLE_PAGES.home}`);
    const lead = page.locator("section.layout-lead .article-card").first();
    const picture = await lead.locator(".card-picture img").boundingBox();
    const card = await lead.boundingBox();
    if (!picture || !card) throw new Error("the lead story or its picture is not shown");
    expect(picture.width).toBeGreaterThanOrEqual(400);
    expect(picture.width).toBeGreaterThanOrEqual(card.width / 2);
    // Its editors' heading ("Lead story") is not shown: it is there for screen readers only, a pixel wide.
    expect((await page.locator("section.layout-lead h2").boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 390, height: 844 });
    const small = await lead.locator(".card-picture img").boundingBox();
    const headline = await lead.locator(".card-title").boundingBox();
    if (!small || !headline) throw new Error("the lead story or its picture is not shown at 390 px");
    expect(small.y + small.height).toBeLessThanOrEqual(headline.y);
    expect(small.width).toBeGreaterThan(300);
    await context.close();
  });

  it("never pushes a card's lines apart around its thumbnail, on any list, wide or narrow", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    let cards = 0;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ["home", "latest", "section-front", "series", "tag", "author"] as const) {
        await page.goto(`${site.server.origin}${SAMPLE_PAGES[name]}`);
        const gaps = (await page.evaluate(THUMBNAIL_GAPS)) as number[];
        cards += gaps.length;
        for (const gap of gaps) expect(gap, `${name} at ${width} px: the gap under a headline beside a thumbnail`).toBeLessThanOrEqual(16);
      }
    }
    // The sample's lists do have cards with thumbnails, so the check above checked something.
    expect(cards).toBeGreaterThan(5);
    await context.close();
  });
});
