import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { findBrokenLinks } from "../support/find-broken-links.ts";
import { writeFiles } from "../support/fixture-site.ts";
import { htmlFiles } from "../support/site-files.ts";

const { outputDir } = inject("sampleBuild");
const SITE_URL = "https://lantern.example.org";

describe("links in the built sample site", () => {
  it("has no broken internal link, image, stylesheet, script or #fragment on any page", () => {
    expect(findBrokenLinks(outputDir, SITE_URL)).toEqual([]);
  });

  it("checked pages full of internal links and fragments (so the check above is not empty)", () => {
    const html = htmlFiles(outputDir).map((file) => readFileSync(file, "utf8"));
    expect(html.length).toBeGreaterThan(40);
    expect(html.some((page) => page.includes('href="/2026/07/09/sewage-overflow-figures/#corrections"'))).toBe(true);
    expect(html.every((page) => page.includes('href="#main"'))).toBe(true);
  });
});

describe("findBrokenLinks", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "tidings-links-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("finds missing pages, images and fragments, on the site's own host too, and skips other hosts", () => {
    writeFiles(folder, {
      "index.html":
        '<a href="/a/">a</a> <a href="/a/#intro">ok</a> <a href="/a/#nowhere">bad fragment</a> <a href="/gone/">gone</a> ' +
        '<a href="#top">top</a> <a href="#missing">missing here</a> <span id="top"></span> <img src="/img/x.png" alt="" srcset="/img/x.png 1x, /img/y.png 2x"> ' +
        '<link rel="canonical" href="https://news.example/a/"> <a href="https://news.example/b/">own host</a> <a href="https://elsewhere.example/">other host</a> <a href="mailto:x@example.org">mail</a>',
      "a/index.html": '<h2 id="intro">Intro</h2> <a href="../">up</a> <a href="../a/#intro">relative</a>',
      "img/x.png": "png",
    });
    expect(findBrokenLinks(folder, "https://news.example")).toEqual([
      { page: "/index.html", target: "/a/#nowhere", problem: "fragment" },
      { page: "/index.html", target: "/gone/", problem: "missing" },
      { page: "/index.html", target: "#missing", problem: "fragment" },
      { page: "/index.html", target: "https://news.example/b/", problem: "missing" },
      { page: "/index.html", target: "/img/y.png", problem: "missing" },
    ]);
  });
});
