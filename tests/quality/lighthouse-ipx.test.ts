import * as chromeLauncher from "chrome-launcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMeasurement } from "../support/artifacts.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";
import { sampleSiteOnIpx } from "../support/ipx-server.ts";
import { lighthouseRun, medianAudit, PERFECT } from "../support/lighthouse-audit.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import type { StaticServer } from "../support/static-server.ts";

// The article whose lead picture is its largest contentful paint: on an image CDN, that picture
// comes from IPX, resized on request.
const PAGE = SAMPLE_PAGES.article;

describe("Lighthouse 12 on the sample site with its pictures from a real IPX image server", () => {
  let server: StaticServer;
  let chrome: chromeLauncher.LaunchedChrome;

  beforeAll(async () => {
    ({ server } = await sampleSiteOnIpx());
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    // Not judged: the browser's start-up, and IPX's first resize of each picture (a CDN keeps what it made).
    await lighthouseRun(`${server.origin}${PAGE}`, chrome.port);
  }, 180_000);

  afterAll(async () => {
    chrome?.kill();
    await server?.close();
  });

  it(`scores 100 in performance, accessibility, best practices and SEO on the article (${PAGE})`, { timeout: 300_000 }, async () => {
    const audit = await medianAudit(`${server.origin}${PAGE}`, chrome.port);
    writeMeasurement("lighthouse-ipx", { url: PAGE, ...audit });
    expect(audit.runtimeErrors).toEqual([]);
    expect(audit.scores, `audits short of perfect:\n${audit.shortfalls.join("\n")}`).toEqual(PERFECT);
  });
});
