import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { folderMaker } from "../core/files.ts";
import { makeScratchFolder, removeScratch } from "../core/scratch-folder.ts";
import { workerEntry } from "../core/worker-entry.ts";
import type { OutputPatch } from "../publish/output-patch.ts";
import { indexShards, SEARCH_BUNDLE_PATH, shardFolder, VOCABULARY_FILE, vocabularyKey, type IndexJob, type IndexJobResult, type JobShard, type ShardDocuments } from "./index-shards.ts";
import { SearchIndexCache } from "./search-index-cache.ts";
import type { SearchDocument } from "./search-documents.ts";
import { planShards, SHARD_SIZES, type SearchShard } from "./search-shards.ts";

/** What indexing did. */
export interface SearchIndexResult {
  /** Pages that went into the index. */
  pages: number;
  /** Shards in the index. */
  shards: number;
  /** The ids of the shards indexed by this call (the rest came from the cache), and `vocabulary` when the index that merges them was. */
  indexedShards: string[];
  /** Kept bundles found damaged (they failed their seal) and indexed again. */
  damaged: number;
  /** Each shard's folder (relative to the site, with the platform's separator) and the key of its bundle, for the output's record (see OutputSources). */
  sources: Record<string, string>;
}

/** How to index. */
export interface SearchIndexOptions {
  /** The site's language (Pagefind stems words by it). */
  language: string;
  /** Where earlier indexes are kept (`.tidings-cache/search`); without it, everything is indexed. */
  cacheDir?: string | undefined;
  /** A fingerprint of the indexing code and Pagefind, part of every cache key. */
  code?: string;
  /** Shard sizes (tests use small ones). */
  sizes?: readonly number[] | undefined;
  /** Pages indexed so far, of those to index. */
  onProgress?: (done: number, total: number) => void;
  /** A build patching its previous output: kept shards it already holds are left there (see OutputPatch). */
  patch?: OutputPatch | undefined;
}

/**
 * Write the site's search index to `pagefind/` in `siteDir`: the archive in shards (see
 * planShards), each a Pagefind bundle of its own in `pagefind/shard-<id>/`, merged in the browser
 * with Pagefind's `mergeIndex`; and at `pagefind/` itself Pagefind's browser library with a small
 * index of one vocabulary record per shard, holding every word that shard's pages have.
 *
 * Why the vocabulary: Pagefind looks a word up by its extensions in the index ("flood" finds
 * "flooding"), and when an index has none, by the longest prefix it has. Searched apart, a shard
 * without "towpath" would answer with its every "to". The vocabulary index holds the words of all
 * shards, so it looks words up as one index of the whole archive would; a shard's vocabulary
 * record is found exactly when that one index would find words of the shard for every query
 * word, and the search page keeps the results of those shards only.
 *
 * A shard whose documents (and the indexing code) are those of a kept one is linked from the
 * cache, so a new article re-indexes the recent shard and the vocabulary index only. The others'
 * documents are written out here (each text made as it is hashed, and again as it is written)
 * and indexed by Pagefind in a worker thread (indexShards).
 */
export async function writeSearchIndex(siteDir: string, documents: readonly SearchDocument[], options: SearchIndexOptions): Promise<SearchIndexResult> {
  const bundle = path.join(siteDir, SEARCH_BUNDLE_PATH);
  const cache = options.cacheDir === undefined ? undefined : new SearchIndexCache(options.cacheDir);
  const code = options.code ?? "";
  const shards = planShards(documents, options.sizes ?? SHARD_SIZES);
  const jobShards: JobShard[] = [];
  const asked: string[] = [];
  const sources: Record<string, string> = {};
  // How long each shard's texts are in all, found as its key is made: the room its documents need on disk.
  const shardChars = new Map<string, number>();
  try {
    for (const shard of shards) {
      // A document's text is made when it is hashed, and again when it is written (only for a
      // shard to index), never held for a whole shard: held, 16,000 of them outlived V8's young
      // generation, and at 100,000 articles the garbage they left raised the build's peak memory
      // by 0.9 GB while Eleventy started.
      const { key, chars } = shardKey(shard, code);
      shardChars.set(shard.id, chars);
      const target = path.join(bundle, shardFolder(shard.id));
      sources[path.join(SEARCH_BUNDLE_PATH.slice(1), shardFolder(shard.id))] = key;
      // A kept shard: its words from the cache; its files already in a patched output, or linked
      // from the cache by the indexing thread (checking a bundle against its seal reads every
      // file of it: seconds for a large archive, which would hold up the pages' rendering here).
      const vocabulary = cache?.read(key, VOCABULARY_FILE);
      if (vocabulary !== undefined) {
        jobShards.push({ id: shard.id, key, vocabulary, place: options.patch?.hasSource(target, key) !== true });
      } else {
        jobShards.push({ id: shard.id, key, documents: writeDocuments(shard, chars, options.cacheDir), count: shard.documents.length });
      }
    }
    // A kept bundle the thread finds damaged is indexed again from documents written then.
    const documentsFor = async (id: string): Promise<ShardDocuments> => {
      const shard = shards.find((planned) => planned.id === id);
      if (!shard) throw new Error(`no search shard ${id}`);
      const documents = writeDocuments(shard, shardChars.get(id) ?? 0, options.cacheDir);
      asked.push(documents);
      return { documents, count: shard.documents.length };
    };
    const job: IndexJob = {
      bundle,
      cacheDir: options.cacheDir,
      language: options.language,
      shards: jobShards,
      vocabularyKey: vocabularyKey(
        jobShards.map((shard) => shard.key),
        code,
      ),
    };
    const indexed = await inWorker(job, options.onProgress, documentsFor);
    cache?.prune(new Set([job.vocabularyKey, ...jobShards.map((shard) => shard.key)]));
    return { pages: documents.length, shards: shards.length, indexedShards: indexed.indexedShards, damaged: (cache?.damaged ?? 0) + indexed.damaged, sources };
  } finally {
    for (const folder of [...jobShards.map((shard) => shard.documents), ...asked]) if (folder !== undefined) removeScratch(folder);
  }
}

/** The key of a shard's index (its id, its documents' addresses, dates and texts, and the indexing code), and how long its texts are in all. */
function shardKey(shard: SearchShard, code: string): { key: string; chars: number } {
  const hash = createHash("sha256").update(code).update("\0").update(shard.id).update("\0");
  let chars = 0;
  for (const document of shard.documents) {
    const text = document.keyText();
    chars += text.length + document.bodyChars;
    hash.update(document.url).update("\0").update(String(document.publishedMs)).update("\0").update(text).update("\0");
  }
  return { key: hash.digest("hex"), chars };
}

// A shard's documents, each at its address (Pagefind takes a page's address from its file's
// path), in a scratch folder: on a busy disk, making and deleting a folder per document took
// longer than Pagefind's indexing.
function writeDocuments(shard: SearchShard, chars: number, cacheDir: string | undefined): string {
  const folder = makeScratchFolder({ fallback: cacheDir ?? os.tmpdir(), bytes: chars * 3 });
  const makeFolder = folderMaker();
  for (const document of shard.documents) {
    const file = path.join(folder, ...document.url.split("/"), "index.html");
    makeFolder(file);
    writeFileSync(file, document.html());
  }
  return folder;
}

// Run the job in a worker thread, passing its progress on; in this thread where no worker can be
// started from here (a module runner without import.meta.resolve, such as Vite's in a test setup).
function inWorker(
  job: IndexJob,
  onProgress: ((done: number, total: number) => void) | undefined,
  documentsFor: (id: string) => Promise<ShardDocuments>,
): Promise<IndexJobResult> {
  let entry: URL;
  try {
    entry = workerEntry(import.meta.url, "search-worker");
  } catch {
    return indexShards(job, onProgress, documentsFor);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: job, execArgv: [] });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.on("message", (message: { progress?: [number, number]; result?: IndexJobResult; error?: string; documentsFor?: string }) => {
      if (message.documentsFor !== undefined)
        documentsFor(message.documentsFor).then(
          (documents) => worker.postMessage({ documents }),
          (cause: unknown) => worker.postMessage({ error: cause instanceof Error ? cause.message : String(cause) }),
        );
      else if (message.progress) onProgress?.(...message.progress);
      else if (message.result) settle(() => resolve(message.result as IndexJobResult));
      else if (message.error !== undefined) settle(() => reject(new Error(message.error)));
    });
    worker.on("error", (cause) => settle(() => reject(cause)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the search indexing thread stopped (exit code ${code}) before it finished`))));
  });
}
