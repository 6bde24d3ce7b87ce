import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { listFiles, writeFileAtomically } from "../core/files.ts";
import { cleanBlobIds } from "../core/git-blobs.ts";

/** Where each file's hash is remembered between builds, inside the cache folder. */
const MEMO_FILE = "input-files.json";

// path → [size, mtimeMs (-1: read it again), sha256]
type Memo = Record<string, [number, number, string]>;

// Modification times closer than this to the moment of hashing are not trusted next time.
const RACY_MS = 2000;

// Past this many bytes to read, clean files in a git repository are known by their blob ids
// instead: a fresh checkout of a site with 870 MB of photos would otherwise read them all.
const READ_WITHOUT_GIT_BYTES = 16 * 1024 * 1024;

/** What hashInputFiles found: one hash of every input file, and the SHA-256 of each file's bytes where it has one. */
export interface InputFiles {
  /** Equal for two builds that read the same files. */
  hash: string;
  /**
   * The SHA-256 (hex) of the bytes of each file, by absolute path, for the files read this time or
   * known from an earlier read by their size and modification time; not for files known by their
   * git blob id. The loader keys what it remembers of a content file by it, so an unchanged file
   * need not be read at all.
   */
  digests: ReadonlyMap<string, string>;
}

/**
 * One hash of the names and bytes of every file in `folders` (recursively) and of `files`: two
 * equal hashes mean the build read the same files. A file's own hash is remembered in `cacheDir`
 * by its size and modification time, so an unchanged file is not read again. After a fresh
 * checkout (CI), where every modification time is new, files git has as they are (tracked and
 * unchanged, in `gitRoot`'s repository) are known by their blob ids when there is much to read;
 * the rest are read once more. A file that does not exist counts as absent, which is itself part
 * of the hash; a missing folder is an empty one.
 */
export function hashInputFiles(inputs: { folders: readonly string[]; files: readonly string[] }, cacheDir: string, gitRoot?: string): InputFiles {
  const memoPath = path.join(cacheDir, MEMO_FILE);
  const memo = readMemo(memoPath);
  const next: Memo = {};
  let changed = false;
  const startedAt = Date.now();
  // Symbolic links too: the loader refuses them, and says so, so adding one changes the build.
  const files = [...inputs.folders.flatMap((folder) => listFiles(folder, { withLinks: true })), ...inputs.files];
  const stats = files.map((file) => {
    try {
      return lstatSync(file);
    } catch {
      return undefined;
    }
  });
  const isKnown = (file: string, index: number) => {
    const known = memo[file];
    const stat = stats[index];
    return stat !== undefined && known !== undefined && known[0] === stat.size && known[1] === stat.mtimeMs;
  };
  const toRead = files.reduce((bytes, file, index) => (isKnown(file, index) ? bytes : bytes + (stats[index]?.size ?? 0)), 0);
  const blobs = gitRoot !== undefined && toRead > READ_WITHOUT_GIT_BYTES ? blobsByPath(gitRoot, inputs.folders) : new Map<string, string>();
  const hash = createHash("sha256");
  const digests = new Map<string, string>();
  files.forEach((file, index) => {
    const stat = stats[index];
    if (stat === undefined) {
      hash.update(`${file}\0absent\0`);
      return;
    }
    let digest: string;
    if (isKnown(file, index)) {
      digest = (memo[file] as [number, number, string])[2];
    } else {
      const blob = blobs.get(file);
      // A symbolic link is hashed as where it points (the loader refuses it, and says so, either way).
      digest = blob !== undefined ? `${GIT_DIGEST}${blob}` : createHash("sha256").update(stat.isSymbolicLink() ? Buffer.from(readlinkSync(file)) : readFileSync(file)).digest("hex");
      changed = true;
    }
    // A file written in the last moments may be written again within the same modification time
    // (as git guards against, "racily clean"): such a file is read again by the next build.
    next[file] = [stat.size, stat.mtimeMs > startedAt - RACY_MS ? -1 : stat.mtimeMs, digest];
    if (!digest.startsWith(GIT_DIGEST) && !stat.isSymbolicLink()) digests.set(file, digest);
    hash.update(file).update("\0").update(digest).update("\0");
  });
  // Without the memo the next build reads every input file again; nothing is lost.
  if (changed || Object.keys(memo).length !== Object.keys(next).length) writeFileAtomically(memoPath, JSON.stringify(next));
  return { hash: hash.digest("hex"), digests };
}

// How a digest that is a git blob id (not a SHA-256 of the bytes) starts.
const GIT_DIGEST = "git ";

// The blob ids of the clean files in those of `folders` inside `root`, by absolute path.
function blobsByPath(root: string, folders: readonly string[]): Map<string, string> {
  const inside = folders.map((folder) => path.relative(root, folder)).filter((folder) => folder !== "" && !folder.startsWith("..") && !path.isAbsolute(folder));
  const byPath = new Map<string, string>();
  for (const [file, blob] of cleanBlobIds(root, inside.map((folder) => folder.split(path.sep).join("/")))) byPath.set(path.join(root, file), blob);
  return byPath;
}

function readMemo(memoPath: string): Memo {
  try {
    const parsed: unknown = JSON.parse(readFileSync(memoPath, "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Memo) : {};
  } catch {
    return {};
  }
}

