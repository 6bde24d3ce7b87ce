import { spawnSync } from "node:child_process";

// git answers in milliseconds; a hung one (a network file system) must not hold up a build.
const GIT_TIMEOUT_MS = 30_000;

/**
 * The git blob id of every file under `folders` (relative to `root`) whose bytes are the ones git
 * has for it: tracked, and unchanged in the working tree. A blob id names the content, so it
 * stays when a fresh checkout (CI) gives every file a new modification time, and facts learnt
 * from a file's bytes can be found again by it without reading them. Keys are paths relative to
 * `root` with forward slashes. Empty when `root` is not in a git repository, git is missing or
 * fails: callers then know files by size and modification time alone.
 */
export function cleanBlobIds(root: string, folders: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  if (folders.length === 0) return blobs;
  const staged = git(root, ["ls-files", "--stage", "-z", "--", ...folders]);
  // Files whose working tree differs from the index (edited, or touched since it was written): not the blob's bytes.
  const changed = git(root, ["diff-files", "--name-only", "-z", "--relative", "--", ...folders]);
  if (staged === undefined || changed === undefined) return blobs;
  for (const record of staged.split("\0")) {
    // "<mode> <blob> <stage>\t<path>"; a file in a merge conflict has several stages, none its bytes.
    const match = /^\d{6} ([0-9a-f]{40,64}) 0\t(.+)$/s.exec(record);
    if (match?.[1] && match[2]) blobs.set(match[2], match[1]);
  }
  for (const file of changed.split("\0")) blobs.delete(file);
  return blobs;
}

function git(root: string, args: readonly string[]): string | undefined {
  try {
    const result = spawnSync("git", ["-C", root, "-c", "core.quotePath=false", ...args], { encoding: "utf8", maxBuffer: 1 << 30, timeout: GIT_TIMEOUT_MS });
    return result.status === 0 ? result.stdout : undefined;
  } catch {
    return undefined;
  }
}
