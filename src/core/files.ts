import { mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Every file below `folder` (and every symbolic link, with `withLinks`), sorted; none when it does not exist. */
export function listFiles(folder: string, options: { withLinks?: boolean } = {}): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() || (options.withLinks === true && entry.isSymbolicLink()))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/** The names in a folder; none when it does not exist or cannot be read. */
export function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** A function that makes the folder of each file it is given, once per folder: thousands of pages share a few folders' parents. */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = path.dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}

/**
 * Write `text` to `file` under a temporary name and rename it into place, so a build stopped
 * half-way never leaves half a file; false when it could not be written (a cache file that is not
 * there only costs the next build the work it would have saved).
 */
export function writeFileAtomically(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
