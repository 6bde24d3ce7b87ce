import path from "node:path";
import type { Site } from "../site/site.ts";
import { SEARCH_BUNDLE_PATH } from "./index-shards.ts";
import { searchDocuments } from "./search-documents.ts";
import { writeSearchIndex, type SearchIndexOptions, type SearchIndexResult } from "./write-search-index.ts";

/** The folders of a site's search indexes, relative to the output: `pagefind`, and one per further language (`cy/pagefind`). */
export function searchFolders(site: Site): string[] {
  return (site.editions ?? [site]).map((part) => path.join((part.language?.base ?? "/").slice(1, -1), SEARCH_BUNDLE_PATH));
}

/**
 * Index a site for search, one index per language: each language's part of the site gets its own
 * Pagefind bundle beside its home page (`/pagefind/`, `/cy/pagefind/`), of its own articles,
 * stemmed by its language, so a reader searching in Welsh finds the Welsh stories. Kept shards are
 * cached per language (`cacheDir`, `cacheDir-cy`). The indexes are written one after another.
 */
export async function writeSiteSearch(siteDir: string, site: Site, options: Omit<SearchIndexOptions, "language">): Promise<SearchIndexResult> {
  const total: SearchIndexResult = { pages: 0, shards: 0, indexedShards: [], damaged: 0, sources: {} };
  for (const part of site.editions ?? [site]) {
    const folder = (part.language?.base ?? "/").slice(1, -1);
    const indexed = await writeSearchIndex(path.join(siteDir, folder), searchDocuments(part), {
      ...options,
      language: part.config.language,
      cacheDir: options.cacheDir === undefined || folder === "" ? options.cacheDir : `${options.cacheDir}-${folder}`,
    });
    total.pages += indexed.pages;
    total.shards += indexed.shards;
    total.damaged += indexed.damaged;
    total.indexedShards.push(...indexed.indexedShards.map((shard) => (folder === "" ? shard : `${folder}/${shard}`)));
    for (const [shard, key] of Object.entries(indexed.sources)) total.sources[path.join(folder, shard)] = key;
  }
  return total;
}
