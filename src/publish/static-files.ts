import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, linkSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { SiteAssets, StaticFile } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { folderMaker, listFiles } from "../core/files.ts";
import type { OutputPatch } from "./output-patch.ts";

/** The stylesheet, relative to the project root; published fingerprinted so hosts can cache it for a year. */
export const STYLESHEET = "public/css/site.css";

/** The search page's script; it ships with Tidings' templates, whatever the site. */
export const SEARCH_SCRIPT = path.resolve(import.meta.dirname, "..", "..", "templates", "_assets", "search.js");

/** The donation ask's script (the frequency cap in localStorage); pages work without it. */
export const ASK_SCRIPT = path.resolve(import.meta.dirname, "..", "..", "templates", "_assets", "ask.js");

/** The click-to-load embeds' script (templates/_assets/embed.js); facades are plain links without it. */
export const EMBED_SCRIPT = path.resolve(import.meta.dirname, "..", "..", "templates", "_assets", "embed.js");

/** The fingerprinted addresses of the stylesheet and search script of the project at `root`. */
export function siteAssets(root: string): SiteAssets {
  return {
    stylesheet: fingerprintedPath(path.join(root, STYLESHEET), "/assets/site"),
    searchScript: fingerprintedPath(SEARCH_SCRIPT, "/assets/search"),
    askScript: fingerprintedPath(ASK_SCRIPT, "/assets/ask"),
    embedScript: fingerprintedPath(EMBED_SCRIPT, "/assets/embed"),
  };
}

/**
 * Every file a build publishes as it is: public/ at the site's root, the stylesheet and search
 * script at their fingerprinted addresses, and the site's images (`site.assets`). Sorted by site
 * path so the list is the same on every machine.
 */
export function listStaticFiles(root: string, site: Pick<Site, "assets">, assets = siteAssets(root)): StaticFile[] {
  const publicDir = path.join(root, "public");
  const files: StaticFile[] = listFiles(publicDir).map((from) => ({ from, to: `/${path.relative(publicDir, from).split(path.sep).join("/")}` }));
  const stylesheet = path.join(root, STYLESHEET);
  if (existsSync(stylesheet)) files.push({ from: stylesheet, to: assets.stylesheet });
  files.push({ from: SEARCH_SCRIPT, to: assets.searchScript });
  files.push({ from: ASK_SCRIPT, to: assets.askScript });
  files.push({ from: EMBED_SCRIPT, to: assets.embedScript });
  files.push(...site.assets);
  // A later entry for the same address wins, as with Eleventy's passthrough copies.
  const byPath = new Map(files.map((file) => [file.to, file]));
  return [...byPath.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/**
 * Put the static files into an output folder. Files made by Tidings inside `linkableDir` (the
 * cache's encoded images, checked against their digests on every build, and copies of originals)
 * are hard-linked where the disk allows, so thousands of photos are published without copying a
 * byte; the editors' own files (public/, content/) are always copied (cloned where the file
 * system can), so nothing done to the output can ever change a source.
 */
export function publishStaticFiles(files: readonly StaticFile[], outputDir: string, linkableDir?: string, patch?: OutputPatch): void {
  const makeFolder = folderMaker();
  const linkable = linkableDir === undefined ? undefined : `${path.resolve(linkableDir)}${path.sep}`;
  for (const file of files) {
    const target = path.join(outputDir, file.to);
    const link = linkable !== undefined && file.from.startsWith(linkable);
    if (patch && (link ? patch.hasLink(file.from, target) : patch.hasBytes(readFileSync(file.from), target))) continue;
    makeFolder(target);
    if (link) linkOrCopy(file.from, target);
    else copyFileSync(file.from, target, constants.COPYFILE_FICLONE);
  }
}

/** Hard-link `from` to `to`, or copy it when linking is not possible (another disk, a file system without links). */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The site path of a file with a content hash in its name: `/assets/site.3f2a9c1b.css`. */
export function fingerprintedPath(file: string, base: string): string {
  const hash = existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10) : "missing";
  return `${base}.${hash}${path.extname(file)}`;
}

/** A stamp of the static files' sources (size and modification time), which changes when any of them does. */
export function staticFilesStamp(files: readonly StaticFile[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    let stamp: string;
    try {
      const stats = file.version === undefined ? statSync(file.from) : undefined;
      stamp = stats ? `${stats.size} ${stats.mtimeMs}` : `version ${file.version}`;
    } catch {
      stamp = "missing";
    }
    hash.update(`${file.to}\0${file.from}\0${stamp}\0`);
  }
  return hash.digest("hex");
}
