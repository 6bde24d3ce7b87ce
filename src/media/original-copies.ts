import { createHash } from "node:crypto";
import { constants, mkdirSync, rmSync, statSync } from "node:fs";
import { copyFile, rename } from "node:fs/promises";
import path from "node:path";
import { namesIn } from "../core/files.ts";
import type { FileStamp } from "./source-index.ts";

/** The cache folder of the originals' copies. */
const FOLDER = path.join("images", "originals");

/**
 * Where the cache keeps its copy of an original the site publishes as it is (with an image CDN):
 * one per version of the file, so builds hard-link it into the output instead of copying every
 * photo's bytes on every build (1,300 camera photos are 870 MB), and the output never links to the
 * editors' own file, so nothing done to the output can change a source. A version is its git blob
 * id where git has the file's bytes (so a fresh checkout with the cache restored finds every
 * copy), else its path, size and modification time.
 */
export function originalCopyPath(cacheDir: string, sourcePath: string, stamp: FileStamp, blob?: string): string {
  const version = blob === undefined ? `${sourcePath}\0${stamp.size}\0${stamp.mtimeMs}` : `blob\0${blob}`;
  const name = createHash("sha256").update(version).digest("hex").slice(0, 24);
  return path.join(cacheDir, FOLDER, `${name}${path.extname(sourcePath).toLowerCase()}`);
}

/**
 * Make the copy at `file` (an originalCopyPath) of the original at `sourcePath`, `size` bytes long,
 * unless an earlier build did: copied under a
 * temporary name and renamed when complete, so a stopped build never leaves a short copy under the
 * real name. A copy whose size is no longer the original's (cut short, or written to through the
 * output's link) is made again. Its bytes are not hashed on every build, as pages and resized
 * photos are: that would read every camera photo (870 MB for 1,300) on every build.
 * Asynchronous, so a build can render its pages while the copies are made.
 */
export async function makeOriginalCopy(sourcePath: string, file: string, size: number): Promise<void> {
  if (sizeOf(file) === size) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await copyFile(sourcePath, temporary, constants.COPYFILE_FICLONE);
  await rename(temporary, file);
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Delete the copies no longer used (`used`: the originalCopyPath of every original this build publishes). */
export function pruneOriginalCopies(cacheDir: string, used: ReadonlySet<string>): void {
  const folder = path.join(cacheDir, FOLDER);
  for (const name of namesIn(folder)) {
    const file = path.join(folder, name);
    if (!used.has(file)) rmSync(file, { force: true });
  }
}
