import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { digestOf, readIntact } from "../core/file-digest.ts";
import { folderMaker, listFiles } from "../core/files.ts";
import { makeScratchFolder, removeScratch } from "../core/scratch-folder.ts";
import { linkOrCopy } from "../publish/static-files.ts";
import type { SearchDocument } from "./search-documents.ts";
import { planShards, SHARD_SIZES, type SearchShard } from "./search-shards.ts";

/** Where the search index and Pagefind's browser library go in the output, as a site path. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/** The list of shards the search page merges, inside the bundle (see templates/_assets/search.js). */
export const SHARDS_FILE = "shards.json";

/** The Pagefind filter that marks a vocabulary record with the shard whose words it holds. */
export const VOCABULARY_FILTER = "vocabulary";

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
}

/** One shard's entry in SHARDS_FILE. */
export interface ShardEntry {
  id: string;
  /** The shard's bundle, relative to the search bundle. */
  path: string;
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
 * cache, so a new article re-indexes the recent shard and the vocabulary index only. Pagefind runs
 * as a child process (its npm package ships the binary), one index at a time, and is stopped
 * afterwards so the build can exit.
 */
export async function writeSearchIndex(siteDir: string, documents: readonly SearchDocument[], options: SearchIndexOptions): Promise<SearchIndexResult> {
  const bundle = path.join(siteDir, SEARCH_BUNDLE_PATH);
  const cache = options.cacheDir === undefined ? undefined : new SearchIndexCache(options.cacheDir);
  const code = options.code ?? "";
  const shards = planShards(documents, options.sizes ?? SHARD_SIZES).map((shard) => ({ ...shard, key: shardKey(shard, code) }));
  const toIndex = shards.filter((shard) => cache?.has(shard.key) !== true);
  const total = toIndex.reduce((sum, shard) => sum + shard.documents.length, 0);
  let done = 0;
  if (total > 0) options.onProgress?.(0, total);
  try {
    const vocabularies: string[] = [];
    const indexedShards: string[] = [];
    for (const shard of shards) {
      const target = path.join(bundle, shardFolder(shard.id));
      if (cache?.place(shard.key, target) !== true) {
        const written = cache ? cache.temporary(shard.key) : target;
        await indexShard(shard, written);
        writeFileSync(path.join(written, VOCABULARY_FILE), vocabularyOf(written));
        if (cache) {
          cache.keep(shard.key, written);
          cache.place(shard.key, target);
        }
        indexedShards.push(shard.id);
        done += shard.documents.length;
        options.onProgress?.(done, total);
      }
      vocabularies.push(readFileSync(path.join(target, VOCABULARY_FILE), "utf8"));
      rmSync(path.join(target, VOCABULARY_FILE));
    }
    const vocabularyKey = createHash("sha256").update(code).update("\0vocabulary\0").update(shards.map((shard) => shard.key).join("\0")).digest("hex");
    if (cache?.place(vocabularyKey, bundle) !== true) {
      const written = cache ? cache.temporary(vocabularyKey) : bundle;
      await indexVocabulary(shards, vocabularies, written, options.language);
      indexedShards.push("vocabulary");
      if (cache) {
        cache.keep(vocabularyKey, written);
        cache.place(vocabularyKey, bundle);
      }
    }
    cache?.prune(new Set([vocabularyKey, ...shards.map((shard) => shard.key)]));
    return { pages: documents.length, shards: shards.length, indexedShards, damaged: cache?.damaged ?? 0 };
  } finally {
    await pagefind.close();
  }
}

/** The key of a shard's index: its id, its documents (address, date and text) and the indexing code. */
function shardKey(shard: SearchShard, code: string): string {
  const hash = createHash("sha256").update(code).update("\0").update(shard.id).update("\0");
  for (const document of shard.documents) hash.update(document.url).update("\0").update(String(document.publishedMs)).update("\0").update(document.html()).update("\0");
  return hash.digest("hex");
}

const shardFolder = (id: string) => `shard-${id}`;

/** Each shard's words, one per line, kept beside its bundle while the vocabulary index is built. */
const VOCABULARY_FILE = "vocabulary.txt";

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

async function indexShard(shard: SearchShard, outputPath: string): Promise<void> {
  // Pagefind reads a folder's files on all cores, and one document at a time when they are sent
  // to it (addHTMLFile): written out at their addresses, 16,000 documents are added in 6.4 s
  // instead of 9.8 s, the writing included (the same for a shard of 2,000).
  // They are written where writing costs least (see makeScratchFolder): on a busy disk, making
  // and deleting a folder per document took longer than Pagefind's indexing.
  const documents = makeScratchFolder({ fallback: path.dirname(outputPath), bytes: shard.documents.length * DOCUMENT_BYTES });
  const makeFolder = folderMaker();
  for (const document of shard.documents) {
    const file = path.join(documents, ...document.url.split("/"), "index.html");
    makeFolder(file);
    writeFileSync(file, document.html());
  }
  try {
    const index = await newIndex();
    const added = await index.addDirectory({ path: documents });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    if (added.page_count !== shard.documents.length) throw new Error(`Pagefind indexed ${added.page_count} of the ${shard.documents.length} articles of shard ${shard.id}`);
    await writeIndex(index, outputPath);
  } finally {
    removeScratch(documents);
  }
  // Merged indexes use the first bundle's library and WebAssembly: a shard needs only its index files.
  for (const name of readdirSync(outputPath)) if (!SHARD_FILES.test(name)) rmSync(path.join(outputPath, name), { recursive: true });
}

// Room asked for each document written for Pagefind: a long read's is a few hundred KB, most are a few KB.
const DOCUMENT_BYTES = 64 * 1024;

const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

async function indexVocabulary(shards: readonly SearchShard[], vocabularies: readonly string[], outputPath: string, language: string): Promise<void> {
  const index = await newIndex();
  const entries: ShardEntry[] = [];
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

/**
 * The bundles earlier builds wrote (`.tidings-cache/search/<key>/`), each a shard or a vocabulary
 * index, kept under a key of exactly what it indexes; those the last build used are kept. Each
 * bundle holds a seal (SEAL_FILE) written last, with every file's digest: a bundle is used only
 * when its files are exactly those the seal lists, with those bytes (checked on every use, since
 * the output links to them), and `damaged` counts the bundles that failed the check (they are
 * indexed again).
 */
class SearchIndexCache {
  readonly #dir: string;
  // The bundles checked by this build: their files, relative to the bundle, or false when damaged.
  readonly #checked = new Map<string, string[] | false>();
  #damaged = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** How many kept bundles this build found damaged. */
  get damaged(): number {
    return this.#damaged;
  }

  /** Whether a sound bundle is kept under `key` (checked once per build). */
  has(key: string): boolean {
    let files = this.#checked.get(key);
    if (files === undefined) {
      const stored = path.join(this.#dir, key);
      if (!existsSync(stored)) return false;
      files = sealedFiles(stored);
      if (files === false) {
        this.#damaged++;
        rmSync(stored, { recursive: true, force: true });
      }
      this.#checked.set(key, files);
    }
    return files !== false;
  }

  /** Link the bundle kept under `key` to `target` (copy where links cannot be made); false when there is none, it is damaged, or it cannot be placed. */
  place(key: string, target: string): boolean {
    const files = this.has(key) ? this.#checked.get(key) : undefined;
    if (!files) return false;
    const stored = path.join(this.#dir, key);
    const makeFolder = folderMaker();
    try {
      for (const file of files) {
        const to = path.join(target, file);
        makeFolder(to);
        linkOrCopy(path.join(stored, file), to);
      }
      return true;
    } catch {
      // Removed since it was checked: it is indexed again.
      return false;
    }
  }

  /** An empty folder to write a bundle to be kept under `key`. */
  temporary(key: string): string {
    const folder = path.join(this.#dir, `${key}.${process.pid}.tmp`);
    rmSync(folder, { recursive: true, force: true });
    return folder;
  }

  /** Keep the bundle written at `written` (a `temporary`) under `key`, sealed. */
  keep(key: string, written: string): void {
    const seal: Record<string, string> = {};
    for (const file of listFiles(written)) seal[path.relative(written, file).split(path.sep).join("/")] = digestOf(readFileSync(file));
    writeFileSync(path.join(written, SEAL_FILE), JSON.stringify(seal));
    const stored = path.join(this.#dir, key);
    rmSync(stored, { recursive: true, force: true });
    renameSync(written, stored);
    this.#checked.set(key, Object.keys(seal));
  }

  /** Delete the bundles not in `used`. */
  prune(used: ReadonlySet<string>): void {
    for (const name of existsSync(this.#dir) ? readdirSync(this.#dir) : []) {
      if (!used.has(name)) rmSync(path.join(this.#dir, name), { recursive: true, force: true });
    }
  }
}

// Inside each kept bundle: the digest of every other file in it, written last.
const SEAL_FILE = "tidings-seal.json";

/** The files of a kept bundle (relative, with forward slashes) when they match its seal exactly; false when not. */
function sealedFiles(bundle: string): string[] | false {
  let seal: Record<string, unknown>;
  try {
    seal = JSON.parse(readFileSync(path.join(bundle, SEAL_FILE), "utf8")) as Record<string, unknown>;
  } catch {
    return false;
  }
  const files = listFiles(bundle)
    .map((file) => path.relative(bundle, file).split(path.sep).join("/"))
    .filter((file) => file !== SEAL_FILE);
  if (files.length !== Object.keys(seal).length) return false;
  for (const file of files) {
    const digest = seal[file];
    if (typeof digest !== "string" || readIntact(path.join(bundle, file), digest) === undefined) return false;
  }
  return files;
}
