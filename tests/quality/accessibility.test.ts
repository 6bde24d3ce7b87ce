import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMeasurement } from "../support/artifacts.ts";
import { SAMPLE_PAGES } from "../support/sample-pages.ts";
import { useServedSampleSite } from "../support/serve-sample-build.ts";

const counts: Record<string, number> = {};

describe("accessibility (axe-core) on every kind of page of the sample site", () => {
  const site = useServedSampleSite();

  afterAll(() => {
    writeMeasurement("axe", { violationsPerPage: counts });
  });

  // Both colour schemes: contrast is checked against the colours readers actually get. One page
  // per scheme, reused from address to address (a new browser context per page doubles the time).
  for (const colorScheme of ["light", "dark"] as const) {
    let page: Page;
    beforeAll(async () => {
      page = await (await site.browser.newContext({ colorScheme, viewport: { width: 375, height: 800 } })).newPage();
    });
    afterAll(() => page?.context().close());

    for (const [name, sitePath] of Object.entries(SAMPLE_PAGES)) {
      it(`has no violations on ${name} (${sitePath}) in ${colorScheme} mode`, async () => {
        const response = await page.goto(`${site.server.origin}${sitePath}`);
        expect(response?.status()).toBe(200);
        const { violations, passes } = await new AxeBuilder({ page }).analyze();
        counts[`${name} ${colorScheme}`] = violations.length;
        expect(passes.length).toBeGreaterThan(10);
        expect(
          violations.map(
            (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => String(node.target)).join(", ")}`,
          ),
        ).toEqual([]);
      });
    }
  }
});
