import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { linkOrCopy } from "../output/static-files.ts";

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
 *
 * One index covers the whole archive. Indexes per period of the archive, merged in the browser
 * (Pagefind's mergeIndex), would let a new article re-index only its month, but Pagefind looks
 * up a word an index lacks by its longest prefix that the index has, so each period without
 * "towpath" answers with its every "to": merged results would be worse than one index's.
 */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join("; ") || "Pagefind did not start");
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const outputPath = path.join(siteDir, SEARCH_BUNDLE_PATH);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    removeUnusedFiles(outputPath);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

// The search page uses Pagefind's library alone (templates/_assets/search.js), not its ready-made
// interfaces, which would add half a megabyte to every deploy.
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$|^pagefind-highlight\.js$/;

function removeUnusedFiles(bundle: string): void {
  for (const name of readdirSync(bundle)) if (UNUSED_FILES.test(name)) rmSync(path.join(bundle, name));
}

/**
 * The search bundles earlier builds wrote, kept in the cache by a key of the article pages they
 * index (`.tidings-cache/search/<key>/`): a build whose article pages all have the keys of an
 * earlier one (a change to a tag page, an author's bio, the about page) links that bundle
 * instead of indexing the archive again. Only the newest bundle is kept.
 */
export class SearchIndexCache {
  readonly #dir: string;

  /** A cache in `dir` (created when the first bundle is kept). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The key of an index of these article pages (address and page key, see keyPages) made by the indexing code with this fingerprint. */
  static keyOf(pages: readonly { url: string; key: string }[], code: string): string {
    const hash = createHash("sha256").update(code).update("\0");
    for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1))) hash.update(page.url).update("\0").update(page.key).update("\0");
    return hash.digest("hex");
  }

  /** Link the bundle kept under `key` into `siteDir`; false when there is none. */
  place(key: string, siteDir: string): boolean {
    const stored = path.join(this.#dir, key);
    if (!existsSync(stored)) return false;
    try {
      linkTree(stored, path.join(siteDir, SEARCH_BUNDLE_PATH));
      return true;
    } catch {
      return false;
    }
  }

  /** Keep the bundle just written into `siteDir` under `key`, as the only one. */
  keep(key: string, siteDir: string): void {
    const stored = path.join(this.#dir, key);
    if (existsSync(stored)) return;
    const temporary = `${stored}.${process.pid}.tmp`;
    rmSync(temporary, { recursive: true, force: true });
    linkTree(path.join(siteDir, SEARCH_BUNDLE_PATH), temporary);
    // Linked files are shared with the output, which a build replaces and never edits in place.
    for (const entry of readdirSync(temporary, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) chmodSync(path.join(entry.parentPath, entry.name), 0o444);
    }
    renameSync(temporary, stored);
    for (const name of readdirSync(this.#dir)) if (name !== key) rmSync(path.join(this.#dir, name), { recursive: true, force: true });
  }
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}
