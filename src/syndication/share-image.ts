import type { SiteConfig } from "../config/config.ts";
import type { Article } from "../model/types.ts";
import { toAbsoluteUrl } from "./absolute-url.ts";

/** The picture that stands for an article where it is shared or syndicated. */
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** The MIME type, when the file name says it. */
  type?: string;
  width: number;
  height: number;
}

/**
 * The one place that chooses an article's image for JSON-LD, OpenGraph, Twitter cards and feeds:
 * the 1200-pixel share version src/media/ makes of a local lead image (or asks the image CDN for). Articles without one (no
 * lead image, an image on another website, an SVG or GIF published as it is) have none, so link
 * previews never point at a file this site does not control or cannot show.
 */
export function shareImage(article: Article, config: SiteConfig): ShareImage | undefined {
  const share = article.image?.share;
  if (article.image === undefined || share === undefined) return undefined;
  const url = toAbsoluteUrl(share.url, config.url);
  const type = share.type ?? imageType(url);
  const image: ShareImage = { url, alt: article.image.alt, width: share.width, height: share.height };
  if (type !== undefined) image.type = type;
  return image;
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
