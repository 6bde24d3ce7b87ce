import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { SearchIndexCache } from "./search-index-cache.ts";

/** Where the search index and Pagefind's browser library go in the output, as a site path. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/** The list of shards the search page merges, inside the bundle (see templates/_assets/search.js). */
export const SHARDS_FILE = "shards.json";

/** The Pagefind filter that marks a vocabulary record with the shard whose words it holds. */
export const VOCABULARY_FILTER = "vocabulary";

/** Each shard's words, one per line, kept beside its bundle while the vocabulary index is built. */
export const VOCABULARY_FILE = "vocabulary.txt";

/** One shard of an IndexJob: kept (its vocabulary read from the cache) or to be indexed from its documents. */
export interface JobShard {
  id: string;
  /** The key its bundle is kept under. */
  key: string;
  /** The words of a shard kept in the cache (VOCABULARY_FILE). */
  vocabulary?: string;
  /** A kept shard not yet in the bundle: indexShards places it from the cache, or, when the kept bundle fails its seal, indexes it from the documents it asks for. */
  place?: boolean;
  /** The folder of a shard to index: its documents, one `index.html` at each address; removed once indexed. */
  documents?: string;
  /** How many documents that folder holds. */
  count?: number;
}

/** What indexShards does, in terms a worker thread can be sent: folders, keys and words. */
export interface IndexJob {
  /** The search bundle in the output (`pagefind/`); kept shards are already placed in it. */
  bundle: string;
  /** Where bundles are kept between builds; none: everything is written straight to `bundle`. */
  cacheDir?: string | undefined;
  /** The site's language, as Pagefind names it. */
  language: string;
  /** Every shard, oldest first. */
  shards: JobShard[];
  /** The key of the vocabulary index that merges these shards. */
  vocabularyKey: string;
}

/** A shard's documents, written for indexing: the folder (removed once indexed) and how many it holds. */
export interface ShardDocuments {
  documents: string;
  count: number;
}

/** What indexShards did. */
export interface IndexJobResult {
  /** The ids of the shards indexed, and `vocabulary` when the index that merges them was. */
  indexedShards: string[];
  /** Kept bundles found damaged and indexed again. */
  damaged: number;
}

/**
 * Index the job's shards that have documents, each a Pagefind bundle of its own in
 * `pagefind/shard-<id>/` (kept in the cache and linked from there), then the vocabulary index
 * that merges them at `pagefind/` (see writeSearchIndex), unless a kept one fits. Pagefind runs
 * as a child process (its npm package ships the binary), one index at a time, and is stopped
 * afterwards so the thread can end.
 */
export async function indexShards(
  job: IndexJob,
  onProgress?: (done: number, total: number) => void,
  documentsFor?: (id: string) => Promise<ShardDocuments>,
): Promise<IndexJobResult> {
  const cache = job.cacheDir === undefined ? undefined : new SearchIndexCache(job.cacheDir);
  let total = job.shards.reduce((sum, shard) => sum + (shard.documents === undefined ? 0 : (shard.count ?? 0)), 0);
  let done = 0;
  if (total > 0) onProgress?.(0, total);
  const indexedShards: string[] = [];
  // Each shard's words, in the shards' order.
  const vocabularies: string[] = [];
  // What is left of the shard indexed last once Pagefind has written it (its words read, its
  // bundle kept and placed): done while Pagefind reads the next shard's documents, so neither
  // waits for the other. Its documents are removed by libuv's threads meanwhile.
  let finishLast: (() => void) | undefined;
  const finishing = () => {
    const finish = finishLast;
    finishLast = undefined;
    finish?.();
  };
  const removals: Promise<void>[] = [];
  try {
    for (const [position, jobShard] of job.shards.entries()) {
      const target = path.join(job.bundle, shardFolder(jobShard.id));
      let shard = jobShard;
      if (shard.documents === undefined && shard.place === true && cache?.place(shard.key, target, VOCABULARY_FILE) !== true) {
        // The kept bundle failed its seal here (cache.place counts it damaged): indexed again, from documents the build writes now.
        if (!documentsFor) throw new Error(`the kept search index of shard ${shard.id} is damaged, and its documents were not given`);
        const asked = await documentsFor(shard.id);
        shard = { ...shard, ...asked };
        total += asked.count;
      }
      const documents = shard.documents;
      if (documents === undefined) {
        vocabularies[position] = shard.vocabulary ?? "";
        continue;
      }
      const written = cache ? cache.temporary(shard.key) : target;
      try {
        await indexShard(shard.id, documents, shard.count ?? 0, written, finishing);
      } finally {
        removals.push(removeScratchLater(documents));
      }
      finishLast = () => {
        const vocabulary = vocabularyOf(written);
        if (cache) {
          // Kept with the bundle, for the builds that find this shard unchanged; the output needs none.
          writeFileSync(path.join(written, VOCABULARY_FILE), vocabulary);
          cache.keep(shard.key, written);
          if (!cache.place(shard.key, target, VOCABULARY_FILE)) throw new Error(`the search index of shard ${shard.id} could not be placed in the output`);
        }
        vocabularies[position] = vocabulary;
        indexedShards.push(shard.id);
        done += shard.count ?? 0;
        onProgress?.(done, total);
      };
    }
    finishing();
    if (cache?.place(job.vocabularyKey, job.bundle) !== true) {
      const written = cache ? cache.temporary(job.vocabularyKey) : job.bundle;
      await indexVocabulary(job.shards, vocabularies, written, job.language);
      indexedShards.push("vocabulary");
      if (cache) {
        cache.keep(job.vocabularyKey, written);
        cache.place(job.vocabularyKey, job.bundle);
      }
    }
    return { indexedShards, damaged: cache?.damaged ?? 0 };
  } finally {
    // Documents left by a failure are removed by the caller, which wrote them.
    await Promise.all(removals);
    await pagefind.close();
  }
}

// Remove a folder of documents Pagefind has read, off this thread; a failure leaves it to the caller, which removes what is left.
function removeScratchLater(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true }).catch(() => undefined);
}

/** A shard's bundle, inside the search bundle. */
export const shardFolder = (id: string) => `shard-${id}`;

/** The key of the vocabulary index of these shards (by their keys) under this indexing code. */
export function vocabularyKey(shardKeys: readonly string[], code: string): string {
  return createHash("sha256").update(code).update("\0vocabulary\0").update(shardKeys.join("\0")).digest("hex");
}

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join("; ") || "Pagefind did not start");
  return index;
}

async function writeIndex(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  await index.deleteIndex();
}

// `meanwhile` runs once Pagefind has been asked to read the documents, while it does.
async function indexShard(id: string, documents: string, count: number, outputPath: string, meanwhile: () => void): Promise<void> {
  // Pagefind reads a folder's files on all cores, and one document at a time when they are sent
  // to it (addHTMLFile): written out at their addresses, 16,000 documents are added in 6.4 s
  // instead of 9.8 s, the writing included (the same for a shard of 2,000).
  const index = await newIndex();
  const adding = index.addDirectory({ path: documents });
  try {
    meanwhile();
  } catch (cause) {
    await adding.catch(() => undefined);
    throw cause;
  }
  const added = await adding;
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  if (added.page_count !== count) throw new Error(`Pagefind indexed ${added.page_count} of the ${count} articles of shard ${id}`);
  await writeIndex(index, outputPath);
  // Merged indexes use the first bundle's library and WebAssembly: a shard needs only its index files.
  for (const name of readdirSync(outputPath)) if (!SHARD_FILES.test(name)) rmSync(path.join(outputPath, name), { recursive: true });
}

const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

async function indexVocabulary(shards: readonly JobShard[], vocabularies: readonly string[], outputPath: string, language: string): Promise<void> {
  const index = await newIndex();
  const entries: { id: string; path: string }[] = [];
  for (const [position, shard] of shards.entries()) {
    const content = (vocabularies[position] ?? "").split("\n").join(" ");
    const added = await index.addCustomRecord({
      url: `${SEARCH_BUNDLE_PATH}${shardFolder(shard.id)}/`,
      content,
      // As Pagefind names the language of an HTML page, so both are one index in the browser.
      language: language.toLowerCase(),
      // No title: Pagefind searches a record's metadata too, and a shard's id ("40-0") would
      // make its record found for words none of its pages has.
      filters: { [VOCABULARY_FILTER]: [shard.id], shard: [VOCABULARY_FILTER] },
    });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    entries.push({ id: shard.id, path: `${shardFolder(shard.id)}/` });
  }
  await writeIndex(index, outputPath);
  removeUnusedFiles(outputPath);
  writeFileSync(path.join(outputPath, SHARDS_FILE), `${JSON.stringify({ shards: entries })}\n`);
}

/**
 * The words of a written Pagefind bundle's pages: every distinct whitespace-separated token of
 * their text as Pagefind read it (a fragment's `content`) and of their metadata (the headline,
 * byline and the like, which Pagefind searches too), which Pagefind turns into index words token
 * by token, so the same tokens give the same words.
 */
export function vocabularyOf(bundleDir: string): string {
  const tokens = new Set<string>();
  const folder = path.join(bundleDir, "fragment");
  const names = existsSync(folder) ? readdirSync(folder).sort() : [];
  for (const name of names) {
    const fragment = JSON.parse(gunzipSync(readFileSync(path.join(folder, name))).subarray(FRAGMENT_SIGNATURE.length).toString("utf8")) as { content: string; meta?: Record<string, string> };
    for (const text of [fragment.content, ...Object.values(fragment.meta ?? {})]) for (const token of text.split(/\s+/)) if (token !== "") tokens.add(token);
  }
  return [...tokens].join("\n");
}

// Pagefind's compressed files start with this, inside the gzip stream.
const FRAGMENT_SIGNATURE = "pagefind_dcd";

// The search page uses Pagefind's library alone (templates/_assets/search.js), not its ready-made
// interfaces, which would add half a megabyte to every deploy.
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$|^pagefind-highlight\.js$/;

function removeUnusedFiles(bundle: string): void {
  for (const name of readdirSync(bundle)) if (UNUSED_FILES.test(name)) rmSync(path.join(bundle, name));
}
