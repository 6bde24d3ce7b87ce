import type { Picture, ShareImage, SitePath, Thumbnail } from "../model/types.ts";
import { withPathPrefix } from "../model/urls.ts";
import type { EncodedFile, ImageFormat, ProcessedImage } from "./process-image.ts";

/**
 * The `sizes` of article images: the article column is `--measure` (38rem) wide once the viewport
 * has room for it and `main`'s 1rem padding on each side (40rem), and the viewport less that
 * padding below. Keep in step with public/css/site.css.
 */
export const ARTICLE_IMAGE_SIZES = "(min-width: 40rem) 38rem, calc(100vw - 2rem)";


const MIME_TYPES: Record<ImageFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};

/**
 * The site path of one version of an image: named after the original, with the start of the
 * content key and the width (`/media/a/flood.jpg` → `/media/a/flood-3f2a9c1b7e-800.avif`), so a
 * changed photo gets new names and hosts may cache every file for ever.
 */
export function versionPath(originalUrl: SitePath, key: string, file: Pick<EncodedFile, "format" | "width">): SitePath {
  const base = originalUrl.replace(/\.[a-z0-9]+$/, "");
  return `${base}-${key.slice(0, 10)}-${file.width}.${file.format}`;
}

/** The `<picture>` for a processed image, or undefined for one published as it is. */
export function toPicture(image: ProcessedImage, originalUrl: SitePath, pathPrefix: string): Picture | undefined {
  const fallback = image.formats.at(-1);
  if (image.kind === "as-is" || !fallback) return undefined;
  const url = (file: EncodedFile) => withPathPrefix(versionPath(originalUrl, image.key, file), pathPrefix);
  const srcset = (files: readonly EncodedFile[]) => files.map((file) => `${url(file)} ${file.width}w`).join(", ");
  // Browsers that ignore srcset get the version nearest 800 px: sharp on most screens, not too heavy.
  const src = [...fallback.files].sort((a, b) => Math.abs(a.width - 800) - Math.abs(b.width - 800) || a.width - b.width)[0];
  // Versions are listed narrowest first; a thumbnail (at most 12rem wide) needs only the smallest.
  const smallest = fallback.files[0];
  const thumbnail: Thumbnail = {
    sources: image.formats
      .slice(0, -1)
      .flatMap(({ format, files }) => (files[0] ? [{ type: MIME_TYPES[format], src: url(files[0]) }] : [])),
    src: smallest ? url(smallest) : "",
    width: smallest?.width ?? image.width,
    height: smallest?.height ?? image.height,
  };
  return {
    sources: image.formats.slice(0, -1).map(({ format, files }) => ({ type: MIME_TYPES[format], srcset: srcset(files) })),
    src: src ? url(src) : "",
    srcset: srcset(fallback.files),
    sizes: ARTICLE_IMAGE_SIZES,
    width: image.width,
    height: image.height,
    thumbnail,
  };
}

/** The link-preview image of a processed image, when one was made. */
export function toShareImage(image: ProcessedImage, originalUrl: SitePath): ShareImage | undefined {
  if (!image.share) return undefined;
  return { url: versionPath(originalUrl, image.key, image.share), width: image.share.width, height: image.share.height };
}

/** The files to copy into the output for a processed image: every version and the share image, or the original when published as it is. */
export function publishedFiles(image: ProcessedImage, originalUrl: SitePath, sourcePath: string): { from: string; to: SitePath }[] {
  const original = image.kind === "as-is" ? [{ from: sourcePath, to: originalUrl }] : [];
  const versions = [...image.formats.flatMap(({ files }) => files), ...(image.share ? [image.share] : [])];
  const files = [...original, ...versions.map((file) => ({ from: file.file, to: versionPath(originalUrl, image.key, file) }))];
  // When the share image is the 1200-px JPEG version itself, it is listed once.
  return files.filter((entry, index) => files.findIndex((other) => other.to === entry.to) === index);
}
