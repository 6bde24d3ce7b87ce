import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { CHART_SVG, hostileParts } from "../support/svg.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

// What the reviewer published: a drawing that runs script when opened from the site's own origin.
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" onload="alert(document.domain)">
  <script>fetch('/admin/').then(r => r.text()).then(t => alert(t))</script>
  <foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>
  <use href="https://evil.example/sprite.svg#a"/>
  <rect width="100" height="50" fill="#c00" style="stroke: url(https://evil.example/track)"/>
</svg>
`;

const article = (name: string, picture: string) => `---
title: A story with a drawing ${name}
date: 2026-11-20
byline: Priya Raman
image:
  src: images/${picture}
  alt: A chart
---
Text.
`;

/** Build the newsroom fixture with an article whose picture is the hostile drawing and one whose picture is a clean chart; `images` is the config's images section. */
async function buildWithDrawings(images = "") {
  const root = copyFixture("newsroom");
  if (images) appendFileSync(path.join(root, "tidings.config.yml"), `\nimages:\n${images}`);
  writeFiles(root, {
    "content/articles/2026/hostile.md": article("hostile", "hostile.svg"),
    "content/articles/2026/images/hostile.svg": HOSTILE_SVG,
    "content/articles/2026/chart.md": article("chart", "chart.svg"),
    "content/articles/2026/images/chart.svg": CHART_SVG,
  });
  const result = await build({ root, now: NOW });
  /** The text of the drawing a built article shows as its lead image. */
  const published = (slug: string) => {
    const src = readPage(result.outputDir, `/2026/11/20/${slug}/`)("figure.lead-image img").attr("src") ?? "";
    return readFileSync(path.join(result.outputDir, src), "utf8");
  };
  return { result, published };
}

// Reviewer item 3: an SVG with a script, used as an article picture, was published as it was.
describe.each([
  ["the local image pipeline", ""],
  ["an image CDN", "  provider: cloudflare\n"],
])("drawings published through %s", (_, images) => {
  it("publishes the hostile drawing without its script, handler, foreignObject or external references, with a warning at the picture's line", { timeout: 60_000 }, async () => {
    const { result, published } = await buildWithDrawings(images);
    expect(result.ok).toBe(true);
    const svg = published("hostile");
    expect(hostileParts(svg)).toEqual([]);
    expect(svg).not.toContain("alert");
    expect(svg).not.toContain("evil.example");
    expect(svg).toContain('fill="#c00"');
    const warnings = result.diagnostics.filter((d) => d.code === "content/image-svg-cleaned");
    expect(warnings).toEqual([
      expect.objectContaining({ severity: "warning", file: "content/articles/2026/hostile.md", line: 6, field: "image.src" }),
    ]);
    expect(warnings[0]?.message).toContain("the drawing content/articles/2026/images/hostile.svg held parts that could run script");
    expect(warnings[0]?.message).toContain("the onload event handler; the <script> element; the <foreignObject> element");
  });

  it("publishes a clean chart with its drawing intact and no warning", { timeout: 60_000 }, async () => {
    const { result, published } = await buildWithDrawings(images);
    const svg = published("chart");
    expect(svg).toContain('<linearGradient id="bar"');
    expect(svg).toContain('<use href="#tick"');
    expect(svg).toContain(">140 mm</text>");
    expect(result.diagnostics.filter((d) => d.file === "content/articles/2026/chart.md")).toEqual([]);
  });
});

describe("a drawing that cannot be cleaned", () => {
  it("is an error at the picture's line and is not published", { timeout: 60_000 }, async () => {
    const root = copyFixture("newsroom");
    // sharp reads it as an SVG (it sniffs the bytes), but the HTML reader finds no <svg> element.
    writeFiles(root, {
      "content/articles/2026/broken.md": article("broken", "broken.svg"),
      "content/articles/2026/images/broken.svg": '<?xml version="1.0"?>\n<!-- <svg> --><svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="10" height="10"><svg:rect width="10" height="10"/></svg:svg>\n',
    });
    const result = await build({ root, now: NOW });
    const refused = result.diagnostics.filter((d) => d.code === "content/image-svg-refused");
    expect(refused).toEqual([expect.objectContaining({ severity: "error", file: "content/articles/2026/broken.md", line: 6, field: "image.src" })]);
    expect(result.ok).toBe(false);
  });
});
