import { lstat, realpath } from "node:fs/promises";
import path from "node:path";

/** The one folder of the project the web editor may read and write (every media folder of the CMS config is inside it). */
export const EDITOR_FOLDER = "content";

/**
 * Why the web editor may not touch `value`, a path relative to `root` as decap-server receives it,
 * or undefined when it is inside content/. Judged as decap-server reads it and as a browser or
 * another system might (backslashes as separators, %-escapes decoded), and once more after
 * following symbolic links, so no spelling of a path outside content/ passes.
 */
export async function contentPathProblem(root: string, value: unknown): Promise<string | undefined> {
  if (typeof value !== "string" || value === "") return "must be a path";
  if (value.includes("\0")) return "contains a NUL character";
  const spellings = new Set([value, value.replace(/\\/g, "/")]);
  for (const spelling of [...spellings]) {
    const decoded = decodeFully(spelling);
    if (decoded === undefined) return "has a broken %-escape";
    spellings.add(decoded);
    spellings.add(decoded.replace(/\\/g, "/"));
  }
  const folder = path.resolve(root, EDITOR_FOLDER);
  for (const spelling of spellings) {
    if (path.isAbsolute(spelling) || /^[a-zA-Z]:/.test(spelling)) return "is an absolute path";
    if (!isInside(folder, path.resolve(root, spelling))) return `is outside ${EDITOR_FOLDER}/`;
  }
  // A symbolic link inside content/ may lead anywhere: the nearest part that exists is followed.
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    return `is in ${EDITOR_FOLDER}/, which does not exist`;
  }
  let existing = path.resolve(root, value);
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch {
      existing = path.dirname(existing);
    }
  }
  let real: string;
  try {
    real = await realpath(existing);
  } catch {
    return "is a symbolic link that leads nowhere";
  }
  return isInside(realFolder, real) ? undefined : `leads outside ${EDITOR_FOLDER}/ through a symbolic link`;
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

// Decoded until nothing changes (a %252e is a %2e once decoded, and `.` twice); undefined when an escape is broken.
function decodeFully(value: string): string | undefined {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}
