import type { SiteConfig } from "../config.ts";
import type { Article } from "../site/types.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";

/** The picture that stands for an article where it is shared or syndicated. */
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** The MIME type, when the file name says it. */
  type?: string;
}

/**
 * The one place that chooses an article's image for JSON-LD, OpenGraph, Twitter cards and feeds:
 * for now the lead image as published. A dedicated 1200-pixel share image replaces it here.
 */
export function shareImage(article: Article, config: SiteConfig): ShareImage | undefined {
  if (article.image === undefined) return undefined;
  const url = toAbsoluteUrl(article.image.url, config.url);
  const type = imageType(url);
  return type === undefined ? { url, alt: article.image.alt } : { url, alt: article.image.alt, type };
}

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The MIME type of an image from the extension of its URL's path, or undefined when it has none we know. */
export function imageType(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : TYPES[extension];
}
