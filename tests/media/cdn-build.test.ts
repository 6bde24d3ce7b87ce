import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { build, CACHE_DIR, type BuildResult } from "../../src/build.ts";
import { splitSrcset } from "../../src/syndication/feed-content.ts";
import { createPreviewProvider } from "../../src/serve.ts";
import { ARTICLE_IMAGE_SIZES } from "../../src/media/published-image.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { tempFolder } from "../support/temp-folder.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const CLOUDFLARE = "https://gazette.example.org/cdn-cgi/image/";
const IMAGES = "content/articles/2026/images";

// Whole seconds, which every file system stores exactly, so a test can put a file's time back.
const PHOTO_TIME = 1_780_000_000;

/** Copy the newsroom fixture, give its config these `images` lines and its photos a known modification time. */
function fixtureWith(images: string): string {
  const root = copyFixture("newsroom");
  appendFileSync(path.join(root, "tidings.config.yml"), `\nimages:\n${images}`);
  for (const name of ["pier.jpg", "wall.png"]) utimesSync(path.join(root, IMAGES, name), PHOTO_TIME, PHOTO_TIME);
  return root;
}

/** Every address in the srcset and src of a page's pictures. */
function pictureUrls($: CheerioAPI): string[] {
  return $("picture img, picture source")
    .map((_, element) => [$(element).attr("src"), ...splitSrcset($(element).attr("srcset") ?? "").map((candidate) => candidate.address)])
    .get()
    .filter((url): url is string => typeof url === "string" && url !== "");
}

/** Every file of a folder, relative to it, with forward slashes. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every file of a folder and its bytes. */
function snapshotOf(folder: string): Map<string, string> {
  return new Map(filesIn(folder).map((file) => [file, createHash("sha256").update(readFileSync(path.join(folder, file))).digest("hex")]));
}

describe("images with an image CDN (Cloudflare, the newsroom fixture)", () => {
  let root: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = fixtureWith("  provider: cloudflare\n");
    result = await build({ root, now: NOW });
  });

  it("builds without problems about images", () => {
    expect(result.diagnostics.filter((d) => d.code.includes("image"))).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("publishes the originals as they are and no resized copy, and resizes nothing into the cache", () => {
    const media = filesIn(path.join(result.outputDir, "media"));
    expect(media).toEqual(["articles/2026/images/pier.jpg", "articles/2026/images/wall.png"]);
    for (const file of media) {
      expect(readFileSync(path.join(result.outputDir, "media", file)), file).toEqual(readFileSync(path.join(root, "content", file)));
    }
    const images = filesIn(result.outputDir).filter((file) => /\.(avif|webp|jpe?g|png|gif)$/.test(file));
    expect(images).toEqual(["media/articles/2026/images/pier.jpg", "media/articles/2026/images/wall.png"]);
    // The cache holds copies of the originals (which the output links), and nothing resized.
    const cached = filesIn(path.join(root, ".tidings-cache", "images")).filter((file) => !file.endsWith(".jsonl"));
    expect(cached.map((file) => file.replace(/^originals\/[0-9a-f]{24}/, "originals/*")).sort()).toEqual(["originals/*.jpg", "originals/*.png"]);
    expect(statSync(path.join(result.outputDir, "media", media[0] ?? "")).nlink, "published by a hard link to the cache's copy").toBe(2);
  });

  it("shows the lead image from the CDN at every width, sized from the original, with no sources", () => {
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const img = $("figure.lead-image picture img");
    expect($("figure.lead-image picture source")).toHaveLength(0);
    expect(splitSrcset(img.attr("srcset") ?? "")).toEqual(
      [400, 800, 1200].map((width) => ({
        address: `${CLOUDFLARE}width=${width},f=auto,fit=cover/media/articles/2026/images/wall.png`,
        descriptor: `${width}w`,
      })),
    );
    expect(img.attr("src")).toBe(`${CLOUDFLARE}width=800,f=auto,fit=cover/media/articles/2026/images/wall.png`);
    expect([img.attr("width"), img.attr("height"), img.attr("loading")]).toEqual(["1200", "750", "eager"]);
  });

  it("points body images, thumbnails and every picture on every page at the CDN", () => {
    const body = readPage(result.outputDir, "/2026/11/20/second-story/")(".article-body picture img");
    expect(splitSrcset(body.attr("srcset") ?? "")).toEqual([
      { address: `${CLOUDFLARE}width=300,f=auto,fit=cover/media/articles/2026/images/pier.jpg`, descriptor: "300w" },
    ]);
    expect([body.attr("width"), body.attr("height"), body.attr("loading")]).toEqual(["300", "200", "lazy"]);
    const home = readPage(result.outputDir, "/");
    expect(home(".card-thumbnail img").attr("src")).toBe(`${CLOUDFLARE}width=400,f=auto,fit=cover/media/articles/2026/images/wall.png`);
    const pages = filesIn(result.outputDir).filter((file) => file.endsWith(".html"));
    const urls = pages.flatMap((file) => pictureUrls(load(readFileSync(path.join(result.outputDir, file), "utf8"))));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls)
      expect(url, url).toMatch(/^https:\/\/gazette\.example\.org\/cdn-cgi\/image\/width=\d+,f=auto,fit=cover\/media\//);
  });

  it("sizes a large body picture as its widest version, as local pictures are", async () => {
    writeFiles(root, {
      "content/articles/2026/wide-body.md": "---\ntitle: Wide\ndate: 2026-11-05\nbyline: R\n---\nText.\n\n![A wall](images/wall.png)\n",
    });
    const again = await build({ root, now: NOW });
    const img = readPage(again.outputDir, "/2026/11/05/wide-body/")(".article-body picture img");
    expect([img.attr("width"), img.attr("height"), img.attr("sizes")]).toEqual(["1200", "750", ARTICLE_IMAGE_SIZES]);
  });

  it("gives link previews, JSON-LD and every feed the CDN's 1200-pixel JPEG", () => {
    const share = `${CLOUDFLARE}width=1200,f=jpeg,fit=cover/media/articles/2026/images/wall.png`;
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    expect($('meta[property="og:image"]').attr("content")).toBe(share);
    expect($('meta[name="twitter:image"]').attr("content")).toBe(share);
    expect([$('meta[property="og:image:width"]').attr("content"), $('meta[property="og:image:height"]').attr("content")]).toEqual([
      "1200",
      "750",
    ]);
    expect($('meta[property="og:image:type"]').attr("content")).toBe("image/jpeg");
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text()) as { image?: string[] };
    expect(jsonLd.image).toEqual([share]);
    const feed = (name: string) => readFileSync(path.join(result.outputDir, name), "utf8");
    expect(feed("feed.xml")).toContain(`<media:content url="${share}" medium="image" type="image/jpeg"`);
    expect(feed("atom.xml")).toContain(`href="${share}"`);
    const item = (JSON.parse(feed("feed.json")) as { items: { url: string; image?: string; content_html: string }[] }).items;
    expect(item.find((entry) => entry.url.endsWith("/flood-wall/"))?.image).toBe(share);
    // Feed bodies are re-parsed to make addresses absolute; the commas in CDN addresses survive it.
    const second = item.find((entry) => entry.url.endsWith("/second-story/"));
    const srcset = load(second?.content_html ?? "")("img").attr("srcset") ?? "";
    expect(splitSrcset(srcset).map((candidate) => candidate.address)).toEqual([
      `${CLOUDFLARE}width=300,f=auto,fit=cover/media/articles/2026/images/pier.jpg`,
    ]);
  });

  it("recognises unchanged originals by size and modification time, without reading them again", async () => {
    // Same size, same modification time, other bytes: a build that read them would fail (they are no picture).
    for (const name of ["pier.jpg", "wall.png"]) {
      const file = path.join(root, IMAGES, name);
      writeFileSync(file, Buffer.alloc(statSync(file).size));
      utimesSync(file, PHOTO_TIME, PHOTO_TIME);
    }
    appendFileSync(path.join(root, "content/articles/2026/flood-wall.md"), "\nOne more line.\n");
    const again = await build({ root, now: NOW });
    expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(again.unchanged).toBeUndefined();
    const img = readPage(again.outputDir, "/2026/11/24/flood-wall/")("figure.lead-image img");
    expect([img.attr("width"), img.attr("height")]).toEqual(["1200", "750"]);
  });
});

describe("images with an image CDN on a fresh checkout with the cache restored (CI)", () => {
  it("finds every original's copy and header by its git blob id, copying and reading nothing again", async () => {
    const root = fixtureWith("  provider: cloudflare\n");
    const git = (cwd: string, ...args: string[]) =>
      execFileSync("git", ["-C", cwd, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" } });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "the newsroom");
    const first = await build({ root, now: NOW });
    expect(first.ok).toBe(true);
    const copies = path.join(root, CACHE_DIR, "images", "originals");
    const before = new Map(filesIn(copies).map((name) => [name, statSync(path.join(copies, name)).ino]));
    expect(before.size).toBe(2);

    const checkout = path.join(tempFolder("checkout"), "site");
    execFileSync("git", ["clone", "-q", root, checkout]);
    // As CI restores it: the cache folder moved in whole (the same files), the photos all new to the file system.
    renameSync(path.join(root, CACHE_DIR), path.join(checkout, CACHE_DIR));
    const journal = readFileSync(path.join(checkout, CACHE_DIR, "images", "sources.jsonl"), "utf8");
    const fresh = await build({ root: checkout, now: NOW });
    expect(fresh.ok).toBe(true);
    const after = new Map(filesIn(path.join(checkout, CACHE_DIR, "images", "originals")).map((name) => [name, statSync(path.join(checkout, CACHE_DIR, "images", "originals", name)).ino]));
    expect(after).toEqual(before);
    // Each header came from the journal: its entries were only given the photos' new times.
    const entries = (text: string) => text.trim().split("\n").map((line) => JSON.parse(line) as { file: string; header?: unknown; blob?: string });
    const learnt = new Map(entries(journal).map((entry) => [entry.file, entry]));
    for (const entry of entries(readFileSync(path.join(checkout, CACHE_DIR, "images", "sources.jsonl"), "utf8"))) {
      expect(entry.blob).toBe(learnt.get(entry.file)?.blob);
      expect(entry.header).toEqual(learnt.get(entry.file)?.header);
    }
    expect(snapshotOf(fresh.outputDir)).toEqual(snapshotOf(first.outputDir));
  });
});

describe("images with an image CDN: photos that record where they were taken", () => {
  it("warns, with the fix, that the published original gives the position away", async () => {
    const root = fixtureWith("  provider: cloudflare\n");
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#557788" } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .toFile(path.join(root, IMAGES, "pier.jpg"));
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === "content/image-location")).toEqual([
      expect.objectContaining({ severity: "warning", file: "content/articles/2026/second-story.md", line: 9 }),
    ]);
    expect(result.diagnostics.find((d) => d.code === "content/image-location")?.fix).toContain(
      "exiftool -gps:all= content/articles/2026/images/pier.jpg",
    );
  });
});

describe("images with an image CDN in the preview server", () => {
  it("shows the originals, with their size, since the CDN cannot reach the editor's machine", async () => {
    const root = fixtureWith("  provider: imgix\n  url: https://gazette.imgix.net\n  signed: true\n");
    const site = await createPreviewProvider({ root })();
    const lead = site.articles.find((article) => article.slug === "flood-wall")?.image;
    expect(lead && [lead.url, lead.width, lead.height, lead.picture, lead.share]).toEqual([
      "/media/articles/2026/images/wall.png",
      1600,
      1000,
      undefined,
      undefined,
    ]);
    expect(site.assets.map((asset) => asset.to).sort()).toEqual([
      "/media/articles/2026/images/pier.jpg",
      "/media/articles/2026/images/wall.png",
    ]);
    const body = site.articles.find((article) => article.slug === "second-story")?.body.parts().join("") ?? "";
    expect(body).toContain('src="/media/articles/2026/images/pier.jpg"');
    expect(body).not.toContain("imgix");
  });
});

describe("images with a CDN that signs its URLs (imgix)", () => {
  const images = "  provider: imgix\n  url: https://gazette.imgix.net\n  signed: true\n";

  it("signs every picture address with the key from the environment", async () => {
    const result = await build({ root: fixtureWith(images), now: NOW, imageKey: "aaAAbbBB11223344" });
    expect(result.ok).toBe(true);
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    const urls = [...pictureUrls($), $('meta[property="og:image"]').attr("content") ?? ""];
    expect(urls.length).toBe(5);
    for (const address of urls) {
      const url = new URL(address);
      expect(url.origin).toBe("https://gazette.imgix.net");
      const signature = url.searchParams.get("s");
      url.searchParams.delete("s");
      expect(signature, address).toBe(createHash("md5").update(`aaAAbbBB11223344${url.pathname}${url.search}`).digest("hex"));
    }
  });

  it("stops with the fix when the key is not set, writing nothing", async () => {
    const result = await build({ root: fixtureWith(images), now: NOW });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.find((d) => d.code === "config/images-key")).toMatchObject({
      file: "tidings.config.yml",
      field: "images.signed",
      message: "`images.signed` is true, but the environment variable TIDINGS_IMAGES_KEY holding the imgix signing key is not set",
    });
  });
});
