import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** One page as a Pagefind bundle stores it: what a search result's `data()` returns, before the excerpt is cut. */
export interface PagefindFragment {
  url: string;
  /** The indexed text, which excerpts are cut from. */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

// Pagefind's compressed files start with this, inside the gzip stream.
const SIGNATURE = "pagefind_dcd";

/** Every page of the Pagefind bundle at `bundleDir`, by address. */
export function readFragments(bundleDir: string): Map<string, PagefindFragment> {
  const folder = path.join(bundleDir, "fragment");
  const pages = new Map<string, PagefindFragment>();
  for (const name of readdirSync(folder)) {
    const fragment = JSON.parse(
      gunzipSync(readFileSync(path.join(folder, name)))
        .subarray(SIGNATURE.length)
        .toString("utf8"),
    ) as PagefindFragment;
    pages.set(fragment.url, fragment);
  }
  return pages;
}
