import path from "node:path";
import { isHttpUrl } from "../content/schemas.ts";
import { toSlug } from "../core/slugs.ts";
import type { SitePath } from "./types.ts";

/** Where a local image an editor referenced lives, and where the site publishes it. */
export interface MediaFile {
  /** Path of the source file relative to the project root, with forward slashes. */
  source: string;
  /** The published site path, under `/media/`. */
  url: SitePath;
}

/**
 * Resolve an image `src` written in a content file: a path relative to that file
 * (`images/flood.jpg`), published under `/media/` with every segment made URL-safe
 * (`content/articles/2026/images/Flood Photo.JPG` → `/media/articles/2026/images/flood-photo.jpg`).
 * Returns `outside` for a path that leaves content/, and undefined for web addresses, site paths
 * (`/logo.png`, from public/) and anything else that is not a local file.
 */
export function resolveMedia(contentFile: string, src: string): MediaFile | "outside" | undefined {
  if (src === "" || src.startsWith("/") || src.startsWith("#") || isHttpUrl(src) || /^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0] ?? "");
  } catch {
    decoded = src;
  }
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(contentFile), decoded));
  if (!source.startsWith("content/") || source.split("/").includes("..")) return "outside";
  const segments = source.slice("content/".length).split("/").map(toSafeSegment);
  return { source, url: `/media/${segments.join("/")}` };
}

function toSafeSegment(segment: string): string {
  const dot = segment.lastIndexOf(".");
  if (dot <= 0) return toSlug(segment) || "file";
  const extension = segment
    .slice(dot + 1)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  return `${toSlug(segment.slice(0, dot)) || "file"}.${extension}`;
}
