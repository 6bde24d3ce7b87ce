import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isShownAsIs, listedWidths, responsiveWidths, toCdnPicture, toCdnShareImage } from "../../src/media/cdn-image.ts";
import type { CdnSettings } from "../../src/media/cdn-url.ts";
import { ARTICLE_IMAGE_SIZES } from "../../src/media/published-image.ts";
import type { ImageHeader } from "../../src/media/read-image-header.ts";

// eleventy-img's own rule, which the local provider applies: the CDN's widths must match it.
const { getWidths } = createRequire(import.meta.url)("@11ty/eleventy-img") as {
  getWidths: (original: number, widths: number[], upscale: boolean, threshold: number) => number[];
};

const CDN: CdnSettings = { provider: "ipx", url: "https://images.example.org/_ipx", siteUrl: "https://lantern.example.org" };
const PHOTO = "/media/articles/2026/images/flood.jpg";
const photo = (width: number, height: number, extra: Partial<ImageHeader> = {}): ImageHeader => ({
  format: "jpeg",
  width,
  height,
  animated: false,
  ...extra,
});
const at = (width: number) => `https://images.example.org/_ipx/w_${width},f_auto/media/articles/2026/images/flood.jpg`;

describe("responsiveWidths", () => {
  it("offers the widths eleventy-img makes locally, for originals of every width", () => {
    for (const widths of [[400, 800, 1200], [320, 640, 960, 1280, 1920], [600]]) {
      for (let original = 50; original <= 2500; original += 7) {
        expect(responsiveWidths(widths, original), `${original} of ${widths.join(",")}`).toEqual(getWidths(original, widths, false, 1.25));
      }
    }
  });

  it("never enlarges, and adds the original's width only when it is well above the largest kept width", () => {
    expect(responsiveWidths([400, 800, 1200], 2400)).toEqual([400, 800, 1200]);
    expect(responsiveWidths([400, 800, 1200], 1100)).toEqual([400, 800, 1100]);
    expect(responsiveWidths([400, 800, 1200], 900)).toEqual([400, 800]);
    expect(responsiveWidths([400, 800, 1200], 300)).toEqual([300]);
  });
});

describe("toCdnPicture", () => {
  it("asks the CDN for every width in one img, sized from the original's header, with no sources (the CDN picks the format)", () => {
    const picture = toCdnPicture(photo(2400, 1600), PHOTO, CDN, [400, 800, 1200]);
    expect(picture).toEqual({
      sources: [],
      src: at(800),
      srcset: `${at(400)} 400w, ${at(800)} 800w, ${at(1200)} 1200w`,
      sizes: ARTICLE_IMAGE_SIZES,
      width: 1200,
      height: 800,
      thumbnail: { sources: [], src: at(400), width: 400, height: 267 },
    });
  });

  it("offers a small original at its own width only", () => {
    const picture = toCdnPicture(photo(300, 200), PHOTO, CDN, [400, 800, 1200]);
    expect([picture?.srcset, picture?.width, picture?.height, picture?.thumbnail.src]).toEqual([`${at(300)} 300w`, 300, 200, at(300)]);
  });

  it("shows drawings and moving pictures as they are", () => {
    expect(toCdnPicture(photo(800, 600, { format: "svg" }), PHOTO, CDN, [400])).toBeUndefined();
    expect(toCdnPicture(photo(800, 600, { format: "gif" }), PHOTO, CDN, [400])).toBeUndefined();
    expect(toCdnPicture(photo(800, 600, { format: "webp", animated: true }), PHOTO, CDN, [400])).toBeUndefined();
    expect(isShownAsIs(photo(800, 600, { format: "webp" }))).toBe(false);
  });
});

describe("toCdnShareImage", () => {
  it("asks for a 1200-pixel JPEG, or the original's width when it is narrower", () => {
    expect(toCdnShareImage(photo(2400, 1600), PHOTO, CDN)).toEqual({
      url: "https://images.example.org/_ipx/w_1200,f_jpeg/media/articles/2026/images/flood.jpg",
      width: 1200,
      height: 800,
      type: "image/jpeg",
    });
    expect(toCdnShareImage(photo(900, 600), PHOTO, CDN)).toMatchObject({ width: 900, height: 600 });
  });

  it("promises no type for Vercel, which takes no format", () => {
    expect(toCdnShareImage(photo(2400, 1600), PHOTO, { provider: "vercel", siteUrl: "https://lantern.example.org" })?.type).toBeUndefined();
  });
});

describe("listedWidths (Vercel, which answers only the widths vercel.json lists)", () => {
  it("asks only for configured widths, the narrowest for an original narrower than all", () => {
    expect(listedWidths([400, 800, 1200], 2400)).toEqual([400, 800, 1200]);
    expect(listedWidths([400, 800, 1200], 1100)).toEqual([400, 800]);
    expect(listedWidths([400, 800, 1200], 300)).toEqual([400]);
  });

  it("is the rule toCdnPicture follows for Vercel", () => {
    const vercel: CdnSettings = { provider: "vercel", siteUrl: "https://lantern.example.org" };
    const picture = toCdnPicture(photo(1100, 733), PHOTO, vercel, [400, 800, 1200]);
    expect(picture?.srcset.split(", ").map((candidate) => candidate.split(" ")[1])).toEqual(["400w", "800w"]);
    expect(toCdnShareImage(photo(900, 600), PHOTO, vercel)?.url).toContain("w=1200");
  });
});
