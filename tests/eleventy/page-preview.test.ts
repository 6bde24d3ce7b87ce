import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPreviewEleventy } from "../../src/eleventy/run-eleventy.ts";
import { loadSite } from "../../src/load-site.ts";
import { findPage } from "../../src/serve.ts";
import { copyFixture } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

describe("PagePreviewer", () => {
  it("renders an article or a standalone page byte for byte as the full build writes it", async () => {
    const root = copyFixture("newsroom");
    const { site } = loadSite({ root, mode: "preview", now: NOW });
    if (!site) throw new Error("the fixture did not load");
    const outputDir = path.join(root, "_preview");
    const { eleventy, previewer } = await createPreviewEleventy({ root, outputDir, site }, "build");
    eleventy.disableLogger();
    await eleventy.write();
    const files = [...site.articles.map((article) => article.file), ...site.pages.map((page) => page.file)];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const page = findPage(site, file);
      if (!page) throw new Error(`no page for ${file}`);
      const written = readFileSync(previewer.outputPathOf(page.item.url), "utf8");
      expect(await previewer.render(site, page)).toBe(written);
    }
  });
});
