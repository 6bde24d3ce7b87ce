import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statfsSync } from "node:fs";
import path from "node:path";
import { namesIn } from "./files.ts";
import { isProcessRunning } from "./process-running.ts";

/** Where Linux keeps a file system in memory, writable by every user (POSIX shared memory). */
const MEMORY_FILE_SYSTEM = "/dev/shm";

/** The start of every scratch folder's name, followed by the process id. */
const PREFIX = "tidings-scratch-";

/** How to choose a scratch folder. */
export interface ScratchOptions {
  /** Where to make it when the machine has no memory file system with room (a folder on disk, made if missing). */
  fallback: string;
  /** The most bytes the caller will write into it at once: the memory file system is used only with this much free. */
  bytes: number;
  /** The memory file system to try (tests pass another folder); default `/dev/shm`. */
  memory?: string;
}

/**
 * A new empty folder for files written only to be read back at once and deleted (the documents
 * Pagefind indexes): on the machine's memory file system where it has one with room, else in
 * `fallback`. On a busy disk, making thousands of small folders and deleting them costs far more
 * than writing their bytes: 250 documents took 0.5 s on disk and 11 ms in memory. The caller
 * removes the folder (`removeScratch`); folders of processes that died before they could are
 * removed by the next call.
 */
export function makeScratchFolder(options: ScratchOptions): string {
  const memory = options.memory ?? MEMORY_FILE_SYSTEM;
  const parent = hasRoom(memory, options.bytes) ? memory : options.fallback;
  removeAbandoned(parent);
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
}

/** Remove a folder made by makeScratchFolder (nothing when it is gone). */
export function removeScratch(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

// Writable, and with twice the room asked for, so a build never fills the memory other processes need.
function hasRoom(folder: string, bytes: number): boolean {
  try {
    accessSync(folder, constants.W_OK);
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize >= 2 * bytes;
  } catch {
    return false;
  }
}

// Scratch folders of processes no longer running: a build killed half-way leaves its own behind.
function removeAbandoned(parent: string): void {
  for (const name of namesIn(parent)) {
    const pid = Number(/^tidings-scratch-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isProcessRunning(pid)) continue;
    try {
      removeScratch(path.join(parent, name));
    } catch {
      // Another user's: theirs to remove.
    }
  }
}
