import * as chromeLauncher from "chrome-launcher";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeMeasurement } from "../support/artifacts.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";
import { lighthouseRun, medianAudit, PERFECT } from "../support/lighthouse-audit.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { serveWithSiteHeaders } from "../support/serve-sample-build.ts";
import type { StaticServer } from "../support/static-server.ts";

const { outputDir, root } = inject("sampleBuild");
// The home, article, tag and search pages; the article both with a lead image and without any,
// with embeds (facades) and as a live page.
const AUDITED = ["home", "section-front", "article", "article-embeds", "article-live", "tag", "search", "history"] as const;
const measured: Record<string, unknown> = {};

describe("Lighthouse 12 (mobile profile, default settings) on the sample site", () => {
  let server: StaticServer;
  let chrome: chromeLauncher.LaunchedChrome;

  beforeAll(async () => {
    server = await serveWithSiteHeaders(outputDir, root);
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    // A fresh browser's first load pays its own start-up (code caches, fonts, the first renderer
    // process) in the main thread; one run that is not judged keeps that off the first page audited.
    await lighthouseRun(`${server.origin}${SAMPLE_PAGES.home}`, chrome.port);
  });

  afterAll(async () => {
    writeMeasurement("lighthouse", measured);
    chrome?.kill();
    await server?.close();
  });

  for (const name of AUDITED) {
    it(`scores 100 in performance, accessibility, best practices and SEO on ${name} (${SAMPLE_PAGES[name]})`, { timeout: 300_000 }, async () => {
      const audit = await medianAudit(`${server.origin}${SAMPLE_PAGES[name]}`, chrome.port);
      measured[name] = { url: SAMPLE_PAGES[name], ...audit };
      expect(audit.runtimeErrors).toEqual([]);
      expect(audit.scores, `audits short of perfect:\n${audit.shortfalls.join("\n")}`).toEqual(PERFECT);
    });
  }
});
