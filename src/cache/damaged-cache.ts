import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** The code of the warning that part of the cache failed its checksum and was done again. */
export const DAMAGED_CACHE = "build/cache-damaged";

/**
 * The one warning for a part of the cache (`file`, relative to the project root) whose stored
 * bytes no longer matched their checksum: they were not used, the work was done again, and the
 * site is right. Said once per part, however many entries were damaged, because the cause (a
 * failing disk, a broken cache restore, a hand edit of the output) is one thing to look into.
 */
export function damagedCacheWarning(file: string, what: string): Diagnostic {
  return warning(DAMAGED_CACHE, file, `the build cache held ${what} whose bytes no longer matched the checksum stored with them; they were not used, and were made again from the content`, {
    fix: "Nothing to fix in the content. If this repeats, the disk or the CI cache restore may be failing, or something edits the output in place; deleting the cache folder is always safe.",
  });
}
