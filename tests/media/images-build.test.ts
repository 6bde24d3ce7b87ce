import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const SIZES = "(min-width: 40rem) 38rem, calc(100vw - 2rem)";

/** The build's problems about images (the fixture also has a tag-spelling warning, tested elsewhere). */
function imageProblems(result: BuildResult) {
  return result.diagnostics.filter((d) => d.code.includes("image"));
}

/** Every URL in a srcset attribute, with its width descriptor. */
function candidates(srcset: string | undefined): { url: string; width: number }[] {
  return (srcset ?? "").split(", ").map((candidate) => {
    const [url = "", descriptor = ""] = candidate.split(" ");
    return { url, width: Number(descriptor.replace(/w$/, "")) };
  });
}

/** Every image file a page's pictures refer to. */
function pictureUrls($: CheerioAPI): string[] {
  return $("picture source, picture img")
    .map((_, element) => candidates($(element).attr("srcset")).map((candidate) => candidate.url))
    .get()
    .flat();
}

describe("images (the newsroom fixture)", () => {
  let root: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    result = await build({ root, now: NOW });
  });

  it("builds without problems about images", () => {
    expect(imageProblems(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("shows the lead image as a picture in AVIF, WebP and JPEG at three widths, loaded first, with caption and credit", () => {
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const figure = $("figure.lead-image");
    const sources = figure.find("picture source");
    expect(sources.map((_, source) => $(source).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
    expect(candidates(sources.first().attr("srcset")).map((candidate) => candidate.width)).toEqual([400, 800, 1200]);
    expect(sources.map((_, source) => $(source).attr("sizes")).get()).toEqual([SIZES, SIZES]);
    const img = figure.find("picture img");
    expect(candidates(img.attr("srcset")).map((candidate) => candidate.url.split(".").pop())).toEqual(["jpeg", "jpeg", "jpeg"]);
    expect(img.attr("sizes")).toBe(SIZES);
    expect([img.attr("width"), img.attr("height")]).toEqual(["1200", "750"]);
    expect([img.attr("loading"), img.attr("fetchpriority")]).toEqual(["eager", "high"]);
    expect(img.attr("alt")).toBe("A concrete wall beside a river");
    expect(figure.find("figcaption").text()).toContain("Work began in October.");
    expect(figure.find("figcaption .credit").text()).toBe("Gazette staff");
  });

  it("writes every file the pictures refer to, at the width its srcset says, and not the original", async () => {
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const urls = pictureUrls($);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const candidate of candidates($("figure.lead-image source").first().attr("srcset"))) {
      expect((await sharp(path.join(result.outputDir, candidate.url)).metadata()).width).toBe(candidate.width);
    }
    for (const url of urls) expect(existsSync(path.join(result.outputDir, url)), url).toBe(true);
    expect(existsSync(path.join(result.outputDir, "media/articles/2026/images/wall.png"))).toBe(false);
  });

  it("gives body images a lazy picture, never enlarged, with caption and credit from the Markdown title", () => {
    const $ = readPage(result.outputDir, "/2026/11/20/second-story/");
    const figure = $(".article-body figure");
    const img = figure.find("picture img");
    expect(img.attr("alt")).toBe("Children walking along a wooden pier over the river");
    expect([img.attr("loading"), img.attr("decoding"), img.attr("fetchpriority")]).toEqual(["lazy", "async", undefined]);
    expect([img.attr("width"), img.attr("height")]).toEqual(["300", "200"]);
    expect(candidates(img.attr("srcset")).map((candidate) => candidate.width)).toEqual([300]);
    expect(figure.find("source").length).toBe(2);
    expect(figure.find("figcaption").contents().first().text().trim()).toBe("The new pier behind the school.");
    expect(figure.find("figcaption .credit").text()).toBe("Photo: Sam Ortiz");
    for (const url of pictureUrls($)) expect(existsSync(path.join(result.outputDir, url)), url).toBe(true);
  });

  it("shows a story without a lead image in lists by the first picture of its body, and one without any picture by none", () => {
    const body = readPage(result.outputDir, "/2026/11/20/second-story/")(".article-body figure picture img").attr("src") ?? "";
    expect(body).not.toBe("");
    const tag = readPage(result.outputDir, "/tags/schools/");
    const card = tag(".article-card:has(a[href='/2026/11/20/second-story/'])");
    expect(card.hasClass("has-thumbnail")).toBe(true);
    const thumbnail = card.find(".card-thumbnail img");
    // The body picture's own versions: the same file name stem, a version that exists.
    expect(path.basename(thumbnail.attr("src") ?? "").split("-")[0]).toBe(path.basename(body).split("-")[0]);
    expect(existsSync(path.join(result.outputDir, thumbnail.attr("src") ?? "missing"))).toBe(true);
    expect(thumbnail.attr("alt")).toBe("");
    // The article's own page still has no lead image.
    expect(readPage(result.outputDir, "/2026/11/20/second-story/")("figure.lead-image")).toHaveLength(0);
    const older = readPage(result.outputDir, "/page/1/");
    expect(older(".article-card:has(a[href='/2026/11/10/third-story/'])")).toHaveLength(1);
    expect(older(".article-card:has(a[href='/2026/11/10/third-story/']) .card-thumbnail")).toHaveLength(0);
  });

  it("offers a 1200-pixel-wide JPEG share image to link previews", async () => {
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const shareUrl = new URL($('meta[property="og:image"]').attr("content") ?? "");
    expect(shareUrl.origin).toBe("https://gazette.example.org");
    expect($('meta[name="twitter:image"]').attr("content")).toBe(shareUrl.href);
    expect($('meta[property="og:image:alt"]').attr("content")).toBe("A concrete wall beside a river");
    const file = await sharp(path.join(result.outputDir, shareUrl.pathname)).metadata();
    expect([file.format, file.width, file.height]).toEqual(["jpeg", 1200, 750]);
    expect([$('meta[property="og:image:width"]').attr("content"), $('meta[property="og:image:height"]').attr("content")]).toEqual(["1200", "750"]);
    expect(readPage(result.outputDir, "/2026/11/20/second-story/")('meta[property="og:image"]')).toHaveLength(0);
  });

  it("does not encode again on a warm build, and writes the same files", async () => {
    const cache = path.join(root, ".tidings-cache", "images");
    const times = () => readdirSync(cache).map((name) => `${name} ${statSync(path.join(cache, name)).mtimeMs}`);
    const before = times();
    const listing = () => readdirSync(path.join(result.outputDir, "media"), { recursive: true }).sort();
    const files = listing();
    const again = await build({ root, now: NOW });
    expect(again.ok).toBe(true);
    expect(times()).toEqual(before);
    expect(listing()).toEqual(files);
  });
});

describe("images (a site in a sub-folder)", () => {
  it("puts the path prefix in front of every picture address, and in the share image's absolute address", async () => {
    const result = await build({ root: copyFixture("newsroom"), now: NOW, siteUrl: "https://example.org/news" });
    expect(result.ok).toBe(true);
    const lead = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const second = readPage(result.outputDir, "/2026/11/20/second-story/");
    const urls = [...pictureUrls(lead), ...pictureUrls(second), lead("picture img").attr("src") ?? "", second("picture img").attr("src") ?? ""];
    expect(second(".article-body picture")).toHaveLength(1);
    for (const url of urls) {
      expect(url, url).toMatch(/^\/news\/media\//);
      expect(existsSync(path.join(result.outputDir, url.replace(/^\/news\//, "/"))), url).toBe(true);
    }
    expect(lead('meta[property="og:image"]').attr("content")).toMatch(/^https:\/\/example\.org\/news\/media\/articles\/2026\/images\/wall-[0-9a-f]{10}-1200\.jpeg$/);
  });
});

describe("images (problems)", () => {
  it("reports a file that is not a picture, naming the image and every article that uses it, with the line", async () => {
    const root = copyFixture("newsroom");
    writeFileSync(path.join(root, "content/articles/2026/images/pier.jpg"), "not a jpeg at all");
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    const problem = result.diagnostics.find((d) => d.code === "content/image-unreadable");
    expect(problem?.file).toBe("content/articles/2026/second-story.md");
    expect(problem?.line).toBe(9);
    expect(problem?.message).toContain("content/articles/2026/images/pier.jpg");
  });

  it("reports a missing image file and missing alt text, naming the files", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/articles/2026/no-file.md": "---\ntitle: A\ndate: 2026-11-01\nbyline: R\nimage: { src: images/gone.jpg, alt: Gone }\n---\nText.\n",
      "content/articles/2026/no-lead-alt.md": "---\ntitle: B\ndate: 2026-11-02\nbyline: R\nimage: { src: images/wall.png }\n---\nText.\n",
      "content/articles/2026/no-body-alt.md": "---\ntitle: C\ndate: 2026-11-03\nbyline: R\n---\nText.\n\n![](images/pier.jpg)\n",
    });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    const found = result.diagnostics.map((d) => [d.severity, d.file, d.code, d.field]);
    expect(found).toContainEqual(["error", "content/articles/2026/no-file.md", "content/image-missing", "image.src"]);
    expect(found).toContainEqual(["error", "content/articles/2026/no-lead-alt.md", "front-matter/image", "image.alt"]);
    expect(found).toContainEqual(["error", "content/articles/2026/no-body-alt.md", "markdown/image-alt", undefined]);
  });

  it("warns when a lead image is too narrow for a sharp share image, and still builds", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/articles/2026/small.md": "---\ntitle: Small\ndate: 2026-11-03\nbyline: R\nimage:\n  src: images/pier.jpg\n  alt: A pier\n---\nText.\n" });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    expect(imageProblems(result).map((d) => [d.code, d.severity, d.file, d.line, d.field])).toEqual([
      ["content/image-small", "warning", "content/articles/2026/small.md", 6, "image.src"],
    ]);
    const $ = readPage(result.outputDir, "/2026/11/03/small/");
    const share = await sharp(path.join(result.outputDir, new URL($('meta[property="og:image"]').attr("content") ?? "").pathname)).metadata();
    expect(share.width).toBe(1200);
  });

  it("warns about a remote image and shows it as it is, without downloading it", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/articles/2026/remote.md":
        "---\ntitle: Remote\ndate: 2026-11-04\nbyline: R\nimage: { src: 'https://example.org/lead.jpg', alt: A lead }\n---\nText.\n\n![A chart](https://example.org/chart.png)\n",
    });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    expect(imageProblems(result).map((d) => [d.code, d.file, d.line])).toEqual([
      ["content/image-remote", "content/articles/2026/remote.md", 5],
      ["content/image-remote", "content/articles/2026/remote.md", 9],
    ]);
    const $ = readPage(result.outputDir, "/2026/11/04/remote/");
    expect($("picture")).toHaveLength(0);
    expect($(".article-body img").attr("src")).toBe("https://example.org/chart.png");
    expect($(".lead-image img").attr("src")).toBe("https://example.org/lead.jpg");
    expect($(".lead-image img").attr("loading")).toBe("eager");
    expect($('meta[property="og:image"]')).toHaveLength(0);
  });
});
