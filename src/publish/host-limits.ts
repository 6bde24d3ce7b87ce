import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** One file of a built site: its path inside the output folder (forward slashes) and its size in bytes. */
export interface OutputFileSize {
  path: string;
  size: number;
}

/** What the common static hosts refuse (their documentation, December 2026). */
export const HOST_LIMITS = {
  /** GitHub Pages: "published sites may be no larger than 1 GB". */
  githubPagesBytes: 1_000_000_000,
  /** Cloudflare Pages: 20,000 files in one deployment. */
  cloudflareFiles: 20_000,
  /** Cloudflare Pages: 25 MiB for one file. */
  cloudflareFileBytes: 25 * 1024 * 1024,
} as const;

// A warning lists this many of the largest files; the rest are counted.
const LISTED_FILES = 5;

/**
 * Warnings, each with its fix, for a built site that a common static host would refuse: past
 * GitHub Pages' 1 GB, Cloudflare Pages' 20,000 files, or 25 MiB in one file. `outputName` is
 * the output folder as the editor knows it (`_site`). Pictures under `media/` are counted apart,
 * since at that size they are nearly always the cause, and an image CDN the answer.
 */
export function checkHostLimits(files: readonly OutputFileSize[], outputName: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const folder = `${outputName.replace(/\/$/, "")}/`;
  const pictures = files.filter((file) => file.path.startsWith("media/"));
  const bytes = sum(files);
  const cdnFix =
    'Set `images.provider` in tidings.config.yml to an image CDN, which resizes on request so only the originals are published (docs/features/images.md), or make fewer versions with `images.formats` and `images.widths`';
  if (bytes > HOST_LIMITS.githubPagesBytes) {
    const share = pictures.length > 0 ? ` (pictures under media/ are ${formatBytes(sum(pictures))} of it)` : "";
    diagnostics.push(
      warning("build/host-size", folder, `the built site is ${formatBytes(bytes)}, more than the 1 GB GitHub Pages publishes${share}`, {
        fix: `${pictures.length > 0 ? cdnFix : "Remove large files from public/ and content/"}; or deploy to a host without this limit, such as Netlify or Cloudflare Pages.`,
      }),
    );
  }
  if (files.length > HOST_LIMITS.cloudflareFiles) {
    const share = pictures.length > 0 ? ` (${pictures.length.toLocaleString("en")} of them pictures under media/)` : "";
    diagnostics.push(
      warning(
        "build/host-files",
        folder,
        `the built site has ${files.length.toLocaleString("en")} files, more than the 20,000 Cloudflare Pages deploys${share}`,
        {
          fix: `${pictures.length > 0 ? cdnFix : "Publish fewer files"}; or deploy to a host without this limit, such as GitHub Pages or Netlify.`,
        },
      ),
    );
  }
  const large = files
    .filter((file) => file.size > HOST_LIMITS.cloudflareFileBytes)
    .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  for (const file of large.slice(0, LISTED_FILES)) {
    diagnostics.push(
      warning(
        "build/host-file-size",
        `${folder}${file.path}`,
        `this file is ${formatMebibytes(file.size)}, more than the 25 MiB Cloudflare Pages accepts for one file`,
        {
          fix: "Make it smaller (a video or a long PDF belongs on a video host or in object storage, linked from the article), or deploy to a host without this limit.",
        },
      ),
    );
  }
  if (large.length > LISTED_FILES) {
    diagnostics.push(
      warning(
        "build/host-file-size",
        folder,
        `${large.length - LISTED_FILES} more files are over the 25 MiB Cloudflare Pages accepts for one file`,
        {
          fix: "Make them smaller, or deploy to a host without this limit.",
        },
      ),
    );
  }
  return diagnostics;
}

/** Every file under `folder` with its size: the input of checkHostLimits for a folder on disk. */
export function loadFileSizes(folder: string): OutputFileSize[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(folder, full).split(path.sep).join("/"), size: statSync(full).size };
    });
}

function sum(files: readonly OutputFileSize[]): number {
  return files.reduce((total, file) => total + file.size, 0);
}

/** Bytes in decimal units, as GitHub states its limit: `1.31 GB`, `640 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/** Bytes in binary units, as Cloudflare states its limit: `31.2 MiB`. */
function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
