import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { copyFixture } from "../support/fixture-site.ts";
import { withPreview } from "../support/preview-server.ts";

describe("the preview of a site in English and Welsh", () => {
  it("serves each language's pages with its own words and menu, its feeds, and a search index per language", { timeout: 180_000 }, async () => {
    const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/cy/feed.xml`).catch(() => undefined))?.status === 200;
    await withPreview(copyFixture("bilingual"), [], ready, async (port) => {
      const origin = `http://127.0.0.1:${port}`;
      const $ = load(await (await fetch(`${origin}/cy/2026/11/20/flood-wall/`)).text());
      expect($("html").attr("lang")).toBe("cy");
      expect($("nav.language-menu a").map((_, link) => $(link).attr("href")).get()).toEqual(["/2026/11/20/flood-wall/", "/cy/2026/11/20/flood-wall/"]);
      expect($(".skip-link").text()).toBe("Neidio i'r cynnwys");
      const english = load(await (await fetch(`${origin}/2026/11/20/flood-wall/`)).text());
      expect(english("html").attr("lang")).toBe("en-GB");
      expect(english(".skip-link").text()).toBe("Skip to content");
      // The preview writes the search indexes once rebuilds pause.
      await expect.poll(async () => (await fetch(`${origin}/cy/pagefind/pagefind-entry.json`)).status, { timeout: 30_000, interval: 500 }).toBe(200);
      expect((await fetch(`${origin}/pagefind/pagefind-entry.json`)).status).toBe(200);
    });
  });
});
