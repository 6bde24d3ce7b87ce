import type { Picture, ShareImage, SitePath } from "../model/types.ts";
import { cdnImageUrl, type CdnSettings } from "./cdn-url.ts";
import { SHARE_WIDTH } from "./process-image.ts";
import { ARTICLE_IMAGE_SIZES } from "./published-image.ts";
import type { ImageHeader } from "./read-image-header.ts";

// eleventy-img's rule, so a CDN site lists the same widths a local build makes: a width above the
// original becomes the original's width when the width below it is at least this much narrower.
const MINIMUM_STEP = 1.25;

/**
 * The widths to offer of an image `originalWidth` pixels wide: the configured widths up to the
 * original's, never enlarged, with the original's own width added when it is well above the
 * largest of those (the rule eleventy-img applies to local images).
 */
export function responsiveWidths(widths: readonly number[], originalWidth: number): number[] {
  const kept: number[] = [];
  let lastWasFarBelow = true;
  for (const width of [...widths].sort((a, b) => a - b)) {
    if (width <= originalWidth) {
      kept.push(width);
      lastWasFarBelow = originalWidth > Math.floor(width * MINIMUM_STEP);
    } else {
      if (lastWasFarBelow) kept.push(originalWidth);
      break;
    }
  }
  return [...new Set(kept)];
}

/**
 * The widths to ask Vercel for: it answers only widths listed in the project's `vercel.json`
 * (`images.sizes`, which docs/features/images.md says to set to `images.widths`), so the original's own width is
 * never asked for; an original narrower than every width gets the narrowest, which Vercel serves
 * without enlarging.
 */
export function listedWidths(widths: readonly number[], originalWidth: number): number[] {
  const sorted = [...widths].sort((a, b) => a - b);
  const fitting = sorted.filter((width) => width <= originalWidth);
  return fitting.length > 0 ? fitting : sorted.slice(0, 1);
}

/** True for images a CDN shows as they are: drawings (SVG) and pictures that may move (GIF, animated WebP). */
export function isShownAsIs(header: ImageHeader): boolean {
  return header.format === "svg" || header.format === "gif" || header.animated;
}

/**
 * The `<picture>` of an image the CDN resizes: one `<img>` whose `srcset` asks the CDN for each
 * width (it picks AVIF, WebP or JPEG by what the browser accepts, so there are no `<source>`s),
 * and the size of the widest version from the original's header. Undefined for images shown as
 * they are.
 */
export function toCdnPicture(header: ImageHeader, sitePath: SitePath, cdn: CdnSettings, widths: readonly number[]): Picture | undefined {
  if (isShownAsIs(header)) return undefined;
  const offered = cdn.provider === "vercel" ? listedWidths(widths, header.width) : responsiveWidths(widths, header.width);
  const url = (width: number) => cdnImageUrl(cdn, sitePath, { width });
  const heightAt = (width: number) => Math.round((width * header.height) / header.width);
  const largest = offered.at(-1) ?? header.width;
  const smallest = offered[0] ?? header.width;
  // Browsers that ignore srcset get the version nearest 800 px, as with local images.
  const fallback = [...offered].sort((a, b) => Math.abs(a - 800) - Math.abs(b - 800) || a - b)[0] ?? largest;
  return {
    sources: [],
    src: url(fallback),
    srcset: offered.map((width) => `${url(width)} ${width}w`).join(", "),
    sizes: ARTICLE_IMAGE_SIZES,
    width: largest,
    height: heightAt(largest),
    thumbnail: { sources: [], src: url(smallest), width: smallest, height: heightAt(smallest) },
  };
}

/**
 * The link-preview image the CDN makes: a JPEG (what every social network reads) SHARE_WIDTH wide,
 * or as wide as the original when it is narrower (CDNs do not enlarge; the build warns about those).
 * Vercel is asked for SHARE_WIDTH whatever the original, as it answers only the widths it lists.
 * Undefined for images shown as they are.
 */
export function toCdnShareImage(header: ImageHeader, sitePath: SitePath, cdn: CdnSettings): ShareImage | undefined {
  if (isShownAsIs(header)) return undefined;
  const width = Math.min(SHARE_WIDTH, header.width);
  // Vercel answers only listed widths (SHARE_WIDTH is one, docs/features/images.md says) and never enlarges.
  const asked = cdn.provider === "vercel" ? SHARE_WIDTH : width;
  const share: ShareImage = {
    url: cdnImageUrl(cdn, sitePath, { width: asked, format: "jpeg" }),
    width,
    height: Math.round((width * header.height) / header.width),
  };
  // Vercel takes no format and sends what the client accepts, so only the others promise a JPEG.
  if (cdn.provider !== "vercel") share.type = "image/jpeg";
  return share;
}
