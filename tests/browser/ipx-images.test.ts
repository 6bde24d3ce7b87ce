import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { IPX_PREFIX, sampleSiteOnIpx } from "../support/ipx-server.ts";
import type { StaticServer } from "../support/static-server.ts";

// A lead image (loaded first) and a picture in the body (loaded lazily as the reader scrolls).
const ARTICLES = { lead: "/2026/11/24/flood-wall-approved/", body: "/2026/05/30/regatta-returns/" };
// A phone (the 400-pixel version) and a high-density laptop (the 1200-pixel one).
const SCREENS = {
  phone: { viewport: { width: 375, height: 800 }, deviceScaleFactor: 1 },
  laptop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 },
};

// Runs in the page before its own code (as a string: the tests have no DOM types): adds up every
// layout shift the reader did not cause, as Cumulative Layout Shift counts them.
const RECORD_SHIFTS = `window.layoutShift = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value; })
  .observe({ type: "layout-shift", buffered: true });`;
// Scrolls to the end a screen at a time, so lazy pictures load, then waits for every picture.
const SCROLL_AND_WAIT = `(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise((r) => setTimeout(r, 50)); }
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  return [...document.images].map((image) => ({ src: image.currentSrc, complete: image.complete, naturalWidth: image.naturalWidth,
    naturalHeight: image.naturalHeight, width: Number(image.getAttribute("width")), height: Number(image.getAttribute("height")),
    shownWidth: image.getBoundingClientRect().width, shownHeight: image.getBoundingClientRect().height }));
})()`;

interface ShownImage {
  src: string;
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
  width: number;
  height: number;
  shownWidth: number;
  shownHeight: number;
}

/** An image response as it arrived: where from, and what its bytes decode to. */
interface FetchedImage {
  url: string;
  status: number;
  type: string;
  decoded: { format: string | undefined; width: number | undefined };
}

describe("pictures from a real IPX image server in Chromium (the sample site, provider: ipx)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server } = await sampleSiteOnIpx());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open `sitePath` on `screen`, scroll through it, and report every picture shown and every image fetched. */
  async function visit(
    sitePath: string,
    screen: keyof typeof SCREENS,
  ): Promise<{ page: Page; shown: ShownImage[]; fetched: FetchedImage[]; shift: number }> {
    const context = await browser.newContext(SCREENS[screen]);
    await context.addInitScript(RECORD_SHIFTS);
    const page = await context.newPage();
    const fetching: Promise<FetchedImage>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "image") return;
      fetching.push(
        response.body().then(async (body) => {
          const metadata = await sharp(body).metadata();
          return {
            url: response.url(),
            status: response.status(),
            type: response.headers()["content-type"] ?? "",
            decoded: { format: metadata.format, width: metadata.width },
          };
        }),
      );
    });
    const response = await page.goto(`${server.origin}${sitePath}`);
    expect(response?.status()).toBe(200);
    const shown = (await page.evaluate(SCROLL_AND_WAIT)) as ShownImage[];
    const shift = (await page.evaluate("window.layoutShift")) as number;
    return { page, shown, fetched: await Promise.all(fetching), shift };
  }

  for (const [kind, sitePath] of Object.entries(ARTICLES)) {
    for (const screen of Object.keys(SCREENS) as (keyof typeof SCREENS)[]) {
      it(`fetches the ${kind} picture of ${sitePath} from IPX at the width it asks for, on a ${screen}, without a layout shift`, async () => {
        const { page, shown, fetched, shift } = await visit(sitePath, screen);
        expect(shown.length).toBeGreaterThan(0);
        for (const image of shown) {
          expect(image.src, "every picture comes from IPX").toMatch(new RegExp(`^${server.origin}${IPX_PREFIX}/w_\\d+,f_auto/media/`));
          expect(image.complete && image.naturalWidth > 0, image.src).toBe(true);
          // width and height reserve the picture's exact shape before it arrives.
          expect(image.naturalHeight / image.naturalWidth, image.src).toBeCloseTo(image.height / image.width, 2);
          expect(image.shownHeight / image.shownWidth, image.src).toBeCloseTo(image.height / image.width, 2);
        }
        // Nothing the page shows is fetched from anywhere else, and IPX answered each request at its width, in a modern format.
        expect(fetched.map((image) => image.url).sort()).toEqual([...new Set(shown.map((image) => image.src))].sort());
        for (const image of fetched) {
          const asked = Number(/\/w_(\d+),/.exec(image.url)?.[1]);
          expect([image.status, image.decoded.width], image.url).toEqual([200, asked]);
          expect(image.type, image.url).toBe("image/avif");
          expect(image.decoded.format, image.url).toBe("heif");
        }
        const widths = fetched.map((image) => image.decoded.width);
        expect(widths, "the version the screen needs").toEqual(screen === "phone" ? [400] : [1200]);
        expect(shift).toBe(0);
        await page.context().close();
      });
    }
  }

  it("passes axe on the article whose lead picture IPX serves", async () => {
    const { page } = await visit(ARTICLES.lead, "phone");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map(
        (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => String(node.target)).join(", ")}`,
      ),
    ).toEqual([]);
    await page.context().close();
  });
});
