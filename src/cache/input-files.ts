import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { listFiles, writeFileAtomically } from "../core/files.ts";

/** Where each file's hash is remembered between builds, inside the cache folder. */
const MEMO_FILE = "input-files.json";

// path → [size, mtimeMs (-1: read it again), sha256]
type Memo = Record<string, [number, number, string]>;

// Modification times closer than this to the moment of hashing are not trusted next time.
const RACY_MS = 2000;

/**
 * One hash of the names and bytes of every file in `folders` (recursively) and of `files`: two
 * equal hashes mean the build read the same files. A file's own hash is remembered in `cacheDir`
 * by its size and modification time, so an unchanged file is not read again; after a fresh
 * checkout (CI), where every modification time is new, each file is read once more. A file that
 * does not exist counts as absent, which is itself part of the hash; a missing folder is an empty one.
 */
export function hashInputFiles(inputs: { folders: readonly string[]; files: readonly string[] }, cacheDir: string): string {
  const memoPath = path.join(cacheDir, MEMO_FILE);
  const memo = readMemo(memoPath);
  const next: Memo = {};
  let changed = false;
  const startedAt = Date.now();
  const hash = createHash("sha256");
  const add = (file: string) => {
    let stats;
    try {
      stats = lstatSync(file);
    } catch {
      hash.update(`${file}\0absent\0`);
      return;
    }
    const known = memo[file];
    let digest: string;
    if (known !== undefined && known[0] === stats.size && known[1] === stats.mtimeMs) {
      digest = known[2];
    } else {
      // A symbolic link is hashed as where it points (the loader refuses it, and says so, either way).
      const bytes = stats.isSymbolicLink() ? Buffer.from(readlinkSync(file)) : readFileSync(file);
      digest = createHash("sha256").update(bytes).digest("hex");
      changed = true;
    }
    // A file written in the last moments may be written again within the same modification time
    // (as git guards against, "racily clean"): such a file is read again by the next build.
    next[file] = [stats.size, stats.mtimeMs > startedAt - RACY_MS ? -1 : stats.mtimeMs, digest];
    hash.update(file).update("\0").update(digest).update("\0");
  };
  // Symbolic links too: the loader refuses them, and says so, so adding one changes the build.
  for (const folder of inputs.folders) for (const file of listFiles(folder, { withLinks: true })) add(file);
  for (const file of inputs.files) add(file);
  // Without the memo the next build reads every input file again; nothing is lost.
  if (changed || Object.keys(memo).length !== Object.keys(next).length) writeFileAtomically(memoPath, JSON.stringify(next));
  return hash.digest("hex");
}

function readMemo(memoPath: string): Memo {
  try {
    const parsed: unknown = JSON.parse(readFileSync(memoPath, "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Memo) : {};
  } catch {
    return {};
  }
}

