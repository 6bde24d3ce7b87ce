import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { folderMaker, listFiles } from "../core/files.ts";
import { isProcessRunning } from "../core/process-running.ts";
import { linkOrCopy } from "./static-files.ts";

/** A fresh, empty folder beside `outputDir` (same disk, so the final swap is a rename). */
export function createStagingDirectory(outputDir: string): string {
  const staging = besideOutput(outputDir, "staging");
  mkdirSync(staging, { recursive: true });
  return staging;
}

// A folder beside `outputDir` of one of the kinds builds make, named so `leftovers` can read it back.
function besideOutput(outputDir: string, kind: Leftover["kind"], stamp = `${process.pid}-${Date.now().toString(36)}`): string {
  return `${outputDir}.${kind}-${stamp}`;
}

/**
 * Put a finished build in place of `outputDir`: two renames, so readers and hosts never see a
 * half-written site. The old output is deleted in a detached process, because on a slow disk
 * deleting a large folder costs more than writing it.
 */
export function swapIntoPlace(staging: string, outputDir: string): void {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  let retired: string | undefined;
  if (existsSync(outputDir)) {
    retired = besideOutput(outputDir, "old", stamp);
    renameSync(outputDir, retired);
  }
  try {
    renameSync(staging, outputDir);
  } catch (cause) {
    // Put the previous output back: a failed swap must not lose the live site.
    if (retired) renameSync(retired, outputDir);
    throw cause;
  }
  if (retired) {
    // Renamed first, so a folder named .old- is only ever a whole previous output (see recoverOutput).
    const trash = besideOutput(outputDir, "trash", stamp);
    renameSync(retired, trash);
    removeInBackground(trash);
  }
  removeLeftovers(outputDir);
}

/**
 * Put a build's changes into `outputDir` in place: `staging` holds only the files that changed
 * (see OutputPatch), `kept` the previous output's files the new output keeps as they are. Files
 * of the previous output (`previous`, relative) neither kept nor written are deleted first, with
 * the folders they leave empty; then each written file is renamed into place, so no reader ever
 * sees half a file. Returns the written files (relative), or undefined, having changed nothing,
 * when a file would go where the previous output has a folder that stays (or the other way
 * round): the caller then completes the staging folder (completeStaging) and swaps it in whole.
 * A build stopped half-way leaves a mix of old and new files; the caller forgets the output's
 * record first (forgetOutput), so the next build replaces it whole.
 */
export function patchIntoPlace(staging: string, outputDir: string, previous: readonly string[], kept: ReadonlySet<string>): string[] | undefined {
  const written = listFiles(staging).map((file) => path.relative(staging, file));
  const writing = new Set(written);
  const removed = previous.filter((file) => !kept.has(file) && !writing.has(file));
  const remaining = new Set(previous.filter((file) => kept.has(file) || writing.has(file)));
  // Folders that stay: every parent of a file that stays or is written.
  const folders = new Set<string>();
  for (const file of [...remaining, ...written]) for (let folder = path.dirname(file); folder !== "." && !folders.has(folder); folder = path.dirname(folder)) folders.add(folder);
  if (written.some((file) => folders.has(file)) || [...folders].some((folder) => remaining.has(folder))) return undefined;
  const emptied = new Set<string>();
  for (const file of removed) {
    rmSync(path.join(outputDir, file), { force: true });
    for (let folder = path.dirname(file); folder !== "." && !folders.has(folder); folder = path.dirname(folder)) emptied.add(folder);
  }
  // Deepest first, so a folder is empty when its turn comes.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) rmSync(path.join(outputDir, folder), { recursive: true, force: true });
  const makeFolder = folderMaker();
  for (const file of written) {
    const target = path.join(outputDir, file);
    makeFolder(target);
    renameSync(path.join(staging, file), target);
  }
  rmSync(staging, { recursive: true, force: true });
  removeLeftovers(outputDir);
  return written;
}

/** Link the previous output's `kept` files (relative) into `staging`, which then holds the whole new output (after patchIntoPlace declined). */
export function completeStaging(staging: string, outputDir: string, kept: Iterable<string>): void {
  const makeFolder = folderMaker();
  for (const file of kept) {
    const target = path.join(staging, file);
    makeFolder(target);
    linkOrCopy(path.join(outputDir, file), target);
  }
}

/**
 * Put `outputDir` back when a build was stopped between the swap's two renames (the old output
 * set aside, the new one not yet in place), which leaves no output at all: the newest old
 * output whose build is no longer running is renamed back. Every build, and the preview, calls
 * this first. Returns whether it put an output back.
 */
export function recoverOutput(outputDir: string): boolean {
  if (existsSync(outputDir)) return false;
  const candidates = leftovers(outputDir)
    .filter((leftover) => leftover.kind === "old" && !isRunning(leftover.pid))
    .sort((a, b) => b.time - a.time);
  const newest = candidates[0];
  if (!newest) return false;
  renameSync(newest.path, outputDir);
  return true;
}

/** Delete a staging folder after a failed build; the previous output is untouched. */
export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Remove a folder without waiting for it, in a process that outlives this one. */
export function removeInBackground(folder: string): void {
  const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", folder], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
}

// Old outputs, staging folders and folders being deleted from builds that were stopped part-way
// (Ctrl-C, CI timeout), once their build is no longer running.
function removeLeftovers(outputDir: string): void {
  for (const leftover of leftovers(outputDir)) if (!isRunning(leftover.pid)) removeInBackground(leftover.path);
}

interface Leftover {
  path: string;
  kind: "old" | "staging" | "trash";
  /** The process that made it. */
  pid: number;
  /** When, in ms since the epoch. */
  time: number;
}

// The folders beside `outputDir` that builds make: `<output>.<kind>-<pid>-<time in base 36>`.
function leftovers(outputDir: string): Leftover[] {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(old|staging|trash)-(\\d+)-([0-9a-z]+)$`);
  const found: Leftover[] = [];
  for (const name of readdirSync(parent)) {
    const match = pattern.exec(name);
    if (match) found.push({ path: path.join(parent, name), kind: match[1] as Leftover["kind"], pid: Number(match[2]), time: parseInt(match[3] ?? "0", 36) });
  }
  return found;
}

function isRunning(pid: number): boolean {
  return pid !== process.pid && isProcessRunning(pid);
}
