import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { FileStamp } from "./source-index.ts";

/** The cache folder of the originals' copies. */
const FOLDER = path.join("images", "originals");

/**
 * A copy in the cache of an original the site publishes as it is (with an image CDN), made once per
 * version of the file (its path, size and modification time), so builds hard-link it into the output
 * instead of copying every photo's bytes on every build: 1,300 camera photos are 870 MB. The output
 * never links to the editors' own file, so nothing done to the output can change a source.
 * Returns the copy's absolute path.
 */
export function originalCopy(cacheDir: string, sourcePath: string, stamp: FileStamp): string {
  const name = createHash("sha256").update(`${sourcePath}\0${stamp.size}\0${stamp.mtimeMs}`).digest("hex").slice(0, 24);
  const copy = path.join(cacheDir, FOLDER, `${name}${path.extname(sourcePath).toLowerCase()}`);
  if (existsSync(copy)) return copy;
  mkdirSync(path.dirname(copy), { recursive: true });
  // Copied under a temporary name and renamed, so a build stopped half-way never leaves a short copy under the real one.
  const temporary = `${copy}.${process.pid}.tmp`;
  copyFileSync(sourcePath, temporary, constants.COPYFILE_FICLONE);
  renameSync(temporary, copy);
  return copy;
}

/** Delete the copies no longer used (`used`: the paths originalCopy returned this build). */
export function pruneOriginalCopies(cacheDir: string, used: ReadonlySet<string>): void {
  const folder = path.join(cacheDir, FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    if (!used.has(file)) rmSync(file, { force: true });
  }
}
