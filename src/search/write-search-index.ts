import path from "node:path";
import * as pagefind from "pagefind";

/** Where the search index and Pagefind's browser library go in the output, as a site path. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/**
 * Article pages as a Pagefind glob: `/YYYY/MM/DD/slug/index.html`. Only these pages carry
 * `data-pagefind-body`, so reading the tag, author and list pages would be wasted work.
 */
export const ARTICLE_PAGES_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html";

/** What indexing did. */
export interface SearchIndexResult {
  /** Pages that went into the index. */
  pages: number;
}

/**
 * Build the Pagefind search index of the article pages in a written site folder and write it,
 * with Pagefind's browser library, to `pagefind/` inside it. Pagefind runs as a child process
 * (its npm package ships the binary); it is stopped afterwards so the build can exit. Pagefind
 * keeps one such process per Node process, so two indexes must not be written at once.
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join("; ") || "Pagefind did not start");
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_BUNDLE_PATH) });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
