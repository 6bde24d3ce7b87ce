import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** A fresh, empty folder beside `outputDir` (same disk, so the final swap is a rename). */
export function createStagingDirectory(outputDir: string): string {
  const staging = `${outputDir}.staging-${process.pid}-${Date.now().toString(36)}`;
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Put a finished build in place of `outputDir`: two renames, so readers and hosts never see a
 * half-written site. The old output is deleted in a detached process, because on a slow disk
 * deleting a large folder costs more than writing it.
 */
export function swapIntoPlace(staging: string, outputDir: string): void {
  let retired: string | undefined;
  if (existsSync(outputDir)) {
    retired = `${outputDir}.old-${process.pid}-${Date.now().toString(36)}`;
    renameSync(outputDir, retired);
  }
  try {
    renameSync(staging, outputDir);
  } catch (cause) {
    // Put the previous output back: a failed swap must not lose the live site.
    if (retired) renameSync(retired, outputDir);
    throw cause;
  }
  if (retired) removeInBackground(retired);
  removeLeftovers(outputDir);
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

// Old outputs and staging folders from builds that were killed part-way (Ctrl-C, CI timeout).
function removeLeftovers(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(old|staging)-(\\d+)-`);
  for (const name of readdirSync(parent)) {
    const match = pattern.exec(name);
    if (match && !isRunning(Number(match[2]))) removeInBackground(path.join(parent, name));
  }
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
