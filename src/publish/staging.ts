import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

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
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
