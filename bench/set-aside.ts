// Output and caches that a measured build must not find are moved aside, not deleted, and
// deleted once nothing more is timed. On ext4 (this machine's disk, and GitHub's runners'),
// creating files just after deleting tens of thousands is slower: the inode allocator looks at
// each recently deleted inode it passes over (the kernel's `recently_deleted`, for a minute or,
// while the inode table is not yet written back, for six). A cold build of 4,000 articles took
// 18.9–20.3 s right after `rm -rf _site .tidings-cache` and 17.9–18.2 s after moving them aside,
// with 1–2 s less system time; at 20,000 articles a push's output placement took 6.7–8.5 s
// against 2.2–2.8 s. A build on CI's fresh checkout never follows such a delete, so neither does
// a measured one (plain Eleventy's included).
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** Move `folder` (if it exists) into `trash`, a folder on the same disk, so it is gone from where it was without being deleted yet. */
export function setAside(folder: string, trash: string): void {
  if (!existsSync(folder)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(folder, path.join(trash, `${Date.now().toString(36)}-${process.hrtime.bigint().toString(36)}-${path.basename(folder)}`));
}

/** Delete everything set aside: once, after the last measured build. */
export function emptyTrash(trash: string): void {
  rmSync(trash, { recursive: true, force: true });
}
