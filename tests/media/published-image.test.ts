import { describe, expect, it } from "vitest";
import type { EncodedFile, ProcessedImage } from "../../src/media/process-image.ts";
import { ARTICLE_IMAGE_SIZES, publishedFiles, toPicture, toShareImage, versionPath } from "../../src/media/published-image.ts";
import { isSafeSitePath } from "../../src/model/urls.ts";

const KEY = "0123456789abcdef0123";

function files(format: EncodedFile["format"], widths: number[]): EncodedFile[] {
  return widths.map((width) => ({ file: `/cache/images/x-${width}.${format}`, format, width, height: width / 2 }));
}

function photo(widths = [400, 800, 1200], fallback: "jpeg" | "png" = "jpeg"): ProcessedImage {
  const largest = widths.at(-1) ?? 0;
  return {
    key: KEY,
    kind: "responsive",
    width: largest,
    height: largest / 2,
    original: { format: "jpeg", width: 1600, height: 800 },
    formats: [
      { format: "avif", files: files("avif", widths) },
      { format: "webp", files: files("webp", widths) },
      { format: fallback, files: files(fallback, widths) },
    ],
  };
}

describe("versionPath", () => {
  it("names a version after the original, with the start of the content key and the width", () => {
    const url = versionPath("/media/articles/2026/images/flood.jpg", KEY, { format: "avif", width: 800 });
    expect(url).toBe("/media/articles/2026/images/flood-0123456789-800.avif");
    expect(isSafeSitePath(url)).toBe(true);
  });
});

describe("toPicture", () => {
  it("lists AVIF then WebP sources and a JPEG img, each with every width, and the size of the largest", () => {
    const picture = toPicture(photo(), "/media/a/flood.jpg", "/");
    expect(picture?.sources.map((source) => source.type)).toEqual(["image/avif", "image/webp"]);
    expect(picture?.sources[0]?.srcset).toBe(
      "/media/a/flood-0123456789-400.avif 400w, /media/a/flood-0123456789-800.avif 800w, /media/a/flood-0123456789-1200.avif 1200w",
    );
    expect(picture?.srcset).toContain("/media/a/flood-0123456789-1200.jpeg 1200w");
    expect(picture?.src).toBe("/media/a/flood-0123456789-800.jpeg");
    expect(picture?.sizes).toBe(ARTICLE_IMAGE_SIZES);
    expect([picture?.width, picture?.height]).toEqual([1200, 600]);
  });

  it("falls back to the version nearest 800 pixels, and to PNG for transparent images", () => {
    expect(toPicture(photo([300]), "/media/a.jpg", "/")?.src).toBe("/media/a-0123456789-300.jpeg");
    expect(toPicture(photo([400, 700], "png"), "/media/a.png", "/")?.src).toBe("/media/a-0123456789-700.png");
  });

  it("gives a thumbnail of the smallest version in every format, with its own size", () => {
    expect(toPicture(photo(), "/media/a/flood.jpg", "/")?.thumbnail).toEqual({
      sources: [
        { type: "image/avif", src: "/media/a/flood-0123456789-400.avif" },
        { type: "image/webp", src: "/media/a/flood-0123456789-400.webp" },
      ],
      src: "/media/a/flood-0123456789-400.jpeg",
      width: 400,
      height: 200,
    });
  });

  it("applies the site's path prefix to every URL", () => {
    const picture = toPicture(photo(), "/media/a.jpg", "/news/");
    const urls = [
      picture?.src,
      picture?.srcset,
      ...(picture?.sources.map((source) => source.srcset) ?? []),
      picture?.thumbnail.src,
      ...(picture?.thumbnail.sources.map((source) => source.src) ?? []),
    ].join(", ");
    expect(urls.split(", ").every((candidate) => candidate.startsWith("/news/media/"))).toBe(true);
  });

  it("gives no picture for an image published as it is", () => {
    const gif: ProcessedImage = { key: KEY, kind: "as-is", width: 100, height: 50, original: { format: "gif", width: 100, height: 50 }, formats: [] };
    expect(toPicture(gif, "/media/a.gif", "/")).toBeUndefined();
  });
});

describe("toShareImage and publishedFiles", () => {
  it("publishes every version once, the 1200-pixel JPEG doubling as the share image", () => {
    const image = photo();
    const jpeg1200 = image.formats[2]?.files[2];
    if (jpeg1200) image.share = jpeg1200;
    expect(toShareImage(image, "/media/a.jpg")).toEqual({ url: "/media/a-0123456789-1200.jpeg", width: 1200, height: 600 });
    const published = publishedFiles(image, "/media/a.jpg", "/site/content/a.jpg");
    expect(published).toHaveLength(9);
    expect(published.map((file) => file.to)).not.toContain("/media/a.jpg");
  });

  it("publishes the original of an image published as it is, and its share image", () => {
    const gif: ProcessedImage = {
      key: KEY,
      kind: "as-is",
      width: 100,
      height: 50,
      original: { format: "gif", width: 100, height: 50 },
      formats: [],
      share: { file: "/cache/images/share.jpeg", format: "jpeg", width: 1200, height: 600 },
    };
    expect(publishedFiles(gif, "/media/a.gif", "/site/content/a.gif")).toEqual([
      { from: "/site/content/a.gif", to: "/media/a.gif" },
      { from: "/cache/images/share.jpeg", to: "/media/a-0123456789-1200.jpeg" },
    ]);
  });

  it("has no share image when none was made (body images)", () => {
    expect(toShareImage(photo(), "/media/a.jpg")).toBeUndefined();
  });
});
