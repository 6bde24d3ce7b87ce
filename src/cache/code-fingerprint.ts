import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The Tidings installation: its `src/` folder and its package root. */
const SRC_DIR = path.resolve(import.meta.dirname, "..");
const PACKAGE_ROOT = path.resolve(SRC_DIR, "..");

/**
 * A hash of everything that decides how a content file is parsed, validated and rendered, other
 * than the file and the config: every source file of Tidings, the exact versions of every
 * installed dependency (package-lock.json) and the Node.js, ICU and time-zone data versions (dates
 * are read and formatted with them). Any change to any of these gives a new fingerprint, so a
 * cache keyed on it can never serve output of older code. Deliberately broad: a false miss costs
 * one cold build, a false hit would publish stale pages.
 */
export function codeFingerprint(srcDir = SRC_DIR, packageRoot = PACKAGE_ROOT): string {
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node} icu ${process.versions.icu ?? ""} tz ${process.versions.tz ?? ""}\0`);
  for (const file of listFiles(srcDir)) {
    hash.update(path.relative(srcDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  for (const name of ["package.json", "package-lock.json"]) {
    try {
      hash.update(name).update("\0").update(readFileSync(path.join(packageRoot, name))).update("\0");
    } catch {
      hash.update(`${name} missing\0`);
    }
  }
  return hash.digest("hex");
}

function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}
