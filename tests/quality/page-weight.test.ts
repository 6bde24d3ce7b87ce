import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { load } from "cheerio";
import { describe, expect, inject, it } from "vitest";
import { writeMeasurement } from "../support/artifacts.ts";
import { TEXT_ARTICLE } from "../support/sample-pages.ts";
import { fileForSitePath } from "../support/site-files.ts";

const { outputDir } = inject("sampleBuild");
const BUDGET_BYTES = 30 * 1024;
const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/** Bytes after gzip at the default level, as a static host or CDN compresses text. */
function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

describe("page weight", () => {
  it("keeps an article page without images, with its CSS and fonts, within 30 KB gzipped", () => {
    const htmlFile = fileForSitePath(outputDir, TEXT_ARTICLE);
    const $ = load(readFileSync(htmlFile, "utf8"));
    expect($("img, picture, video, iframe").length, "the measured article must have no images").toBe(0);

    const stylesheets = $('link[rel="stylesheet"]')
      .map((_, link) => $(link).attr("href") ?? "")
      .get();
    expect(stylesheets.length).toBeGreaterThan(0);
    // Fonts: preloaded ones, and every font file the stylesheets name in url(…).
    const fonts = new Set(
      $('link[rel="preload"][as="font"]')
        .map((_, link) => $(link).attr("href") ?? "")
        .get(),
    );
    for (const sheet of stylesheets) {
      for (const [, url] of readFileSync(fileForSitePath(outputDir, sheet), "utf8").matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (url && FONT.test(url)) fonts.add(new URL(url, `https://site${sheet}`).pathname);
      }
    }

    const parts = [TEXT_ARTICLE, ...stylesheets, ...fonts].map((sitePath) => ({
      path: sitePath,
      gzipBytes: gzippedSize(fileForSitePath(outputDir, sitePath)),
    }));
    const total = parts.reduce((sum, part) => sum + part.gzipBytes, 0);
    writeMeasurement("page-weight", { page: TEXT_ARTICLE, budgetBytes: BUDGET_BYTES, totalGzipBytes: total, parts });
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
