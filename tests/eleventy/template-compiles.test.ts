import nunjucks from "nunjucks";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { copySampleSite } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

describe("Nunjucks templates in a build", () => {
  const original = nunjucks.Template;
  afterEach(() => {
    nunjucks.Template = original;
  });

  // Eleventy 3.1 keeps no compiled Nunjucks template, so without Tidings' own compile each page of
  // a paginated template made (and compiled) a Template of its own.
  it("makes one Template of a paginated page template per Eleventy run, not one per page", async () => {
    const made: string[] = [];
    nunjucks.Template = class extends original {
      constructor(...args: ConstructorParameters<typeof original>) {
        super(...args);
        made.push(args[2]);
      }
    };
    const root = copySampleSite();
    const result = await build({ root, now: NOW, pagesPerRun: 20 });
    expect(result.ok).toBe(true);
    const runs = Math.ceil(result.pages / 20);
    const articleTemplates = made.filter((file) => /(^|[\\/])templates[\\/]article\.njk$/.test(file));
    expect(result.articles).toBeGreaterThan(10);
    expect(articleTemplates.length).toBeGreaterThan(0);
    // At most one a run (a run without an article page makes none).
    expect(articleTemplates.length).toBeLessThanOrEqual(runs);
    expect(articleTemplates.length).toBeLessThan(result.articles);
  });
});
