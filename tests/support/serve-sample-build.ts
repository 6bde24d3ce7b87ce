import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchChromium } from "./browser.ts";
import { headersFor, parseHeadersFile } from "./headers-file.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

/**
 * Serve a built site the way its host would, with the site's own headers: the published _headers
 * (public/_headers with the embeds' frame-src added), else public/_headers.
 */
export async function serveWithSiteHeaders(outputDir: string, root: string): Promise<StaticServer> {
  const published = path.join(outputDir, "_headers");
  const rules = parseHeadersFile(readFileSync(existsSync(published) ? published : path.join(root, "public", "_headers"), "utf8"));
  return serveFolder(outputDir, (sitePath) => headersFor(rules, sitePath));
}

/** The shared sample build, served, and a Chromium to visit it, both ready once the file's `beforeAll` hooks have run. */
export interface ServedSampleSite {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serve the quality project's sample build (`inject("sampleBuild")`) and launch Chromium for the
 * test file or `describe` block this is called in; both are closed after it.
 */
export function useServedSampleSite(): ServedSampleSite {
  const served = {} as ServedSampleSite;
  beforeAll(async () => {
    const { outputDir, root } = inject("sampleBuild");
    served.server = await serveWithSiteHeaders(outputDir, root);
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
