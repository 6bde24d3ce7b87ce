import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ImageHeader } from "./read-image-header.ts";

/** A file's size and modification time: while both stay the same, its bytes are taken to be the same. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What an earlier build learnt from a source image's bytes; each part is filled in when a build first needs it. */
export interface SourceFacts {
  /** SHA-256 of the bytes, hex (the local provider's cache key is made from it). */
  hash?: string;
  /** Width, height and format (image CDNs need only these). */
  header?: ImageHeader;
}

interface Entry extends FileStamp, SourceFacts {
  /** The file, relative to the project root. */
  file: string;
  /** The git blob id of its bytes when they were learnt, if git had them (see cleanBlobIds). */
  blob?: string;
}

/** The journal of source images in the cache folder. */
const JOURNAL = path.join("images", "sources.jsonl");

/**
 * What is known about each source image, by its size and modification time, or by its git blob id
 * where git has its bytes (so a fresh checkout, which gives every file a new modification time,
 * still finds it), so a build recognises unchanged photos without reading a byte of them. Every new fact is appended to a journal in the
 * cache at once (one JSON line), so a build that is stopped keeps what it learnt; `save` rewrites
 * the journal with only the images the site still uses. A torn last line (a build killed while
 * writing it) or a foreign file is ignored.
 */
export class SourceIndex {
  readonly #file: string;
  readonly #root: string;
  readonly #entries = new Map<string, Entry>();
  /** Lines in the journal file: more than there are entries once a file is learnt twice or left the site. */
  #lines = 0;

  readonly #askGit: () => ReadonlyMap<string, string>;
  #blobs: ReadonlyMap<string, string> | undefined;

  /**
   * Open the index kept in `cacheDir` for the project at `root`; `blobs` gives the git blob ids of
   * its clean files (cleanBlobIds), asked only when a file's stamp is not the one remembered.
   */
  constructor(cacheDir: string, root: string, blobs: () => ReadonlyMap<string, string> = () => new Map()) {
    this.#file = path.join(cacheDir, JOURNAL);
    this.#root = root;
    this.#askGit = blobs;
    let text = "";
    try {
      text = readFileSync(this.#file, "utf8");
    } catch {
      return;
    }
    for (const line of text.split("\n")) {
      const entry = parseEntry(line);
      if (entry) this.#entries.set(entry.file, entry);
      if (line !== "") this.#lines++;
    }
  }

  /** The stamp of a source file now, or undefined when it cannot be read (the caller reports it). */
  stamp(sourcePath: string): FileStamp | undefined {
    try {
      const stats = statSync(sourcePath);
      return { size: stats.size, mtimeMs: stats.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /** What is known of `sourcePath` while it carries `stamp`; nothing once the file has changed. */
  facts(sourcePath: string, stamp: FileStamp): SourceFacts {
    const file = this.#key(sourcePath);
    let entry = this.#entries.get(file);
    if (!entry || entry.size !== stamp.size) return {};
    if (entry.mtimeMs !== stamp.mtimeMs) {
      const blob = this.#blobOf(file);
      if (blob === undefined || entry.blob !== blob) return {};
      // The same bytes with a new time (a fresh checkout): known under it from now on.
      entry = { ...entry, mtimeMs: stamp.mtimeMs };
      this.#record(entry);
    }
    const facts: SourceFacts = {};
    if (entry.hash !== undefined) facts.hash = entry.hash;
    if (entry.header !== undefined) facts.header = entry.header;
    return facts;
  }

  /** Remember more facts about `sourcePath` as it is at `stamp`, written to the journal at once. */
  learn(sourcePath: string, stamp: FileStamp, learnt: SourceFacts): void {
    const file = this.#key(sourcePath);
    const blob = this.#blobOf(file);
    const entry: Entry = { file, size: stamp.size, mtimeMs: stamp.mtimeMs, ...this.facts(sourcePath, stamp), ...learnt, ...(blob === undefined ? {} : { blob }) };
    this.#record(entry);
  }

  /** The git blob id of `sourcePath`'s bytes at `stamp`: the one remembered with that stamp, else git's, when git has them. */
  blob(sourcePath: string, stamp: FileStamp): string | undefined {
    const file = this.#key(sourcePath);
    const entry = this.#entries.get(file);
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.blob : this.#blobOf(file);
  }

  // Git is asked once per build, and only by a file whose stamp is not the remembered one.
  #blobOf(file: string): string | undefined {
    this.#blobs ??= this.#askGit();
    return this.#blobs.get(file);
  }

  #record(entry: Entry): void {
    this.#entries.set(entry.file, entry);
    mkdirSync(path.dirname(this.#file), { recursive: true });
    appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
    this.#lines++;
  }

  /**
   * Rewrite the journal with the entries of `used` source paths only, so it never outgrows the
   * site; left alone when it holds exactly those already (a build where no photo changed writes nothing).
   */
  save(used: Iterable<string>): void {
    const keep = new Set([...used].map((sourcePath) => this.#key(sourcePath)));
    const kept = [...this.#entries.values()].filter((entry) => keep.has(entry.file));
    if (kept.length === this.#lines) return;
    const lines = kept.map((entry) => `${JSON.stringify(entry)}\n`);
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, lines.join(""));
    renameSync(temporary, this.#file);
    this.#lines = lines.length;
  }

  #key(sourcePath: string): string {
    return path.relative(this.#root, sourcePath).split(path.sep).join("/");
  }
}

function parseEntry(line: string): Entry | undefined {
  if (line === "") return undefined;
  try {
    const value = JSON.parse(line) as Partial<Entry>;
    if (typeof value.file !== "string" || typeof value.size !== "number" || typeof value.mtimeMs !== "number") return undefined;
    if (value.hash !== undefined && typeof value.hash !== "string") return undefined;
    if (value.blob !== undefined && typeof value.blob !== "string") return undefined;
    if (value.header !== undefined && (typeof value.header?.width !== "number" || typeof value.header?.height !== "number"))
      return undefined;
    return value as Entry;
  } catch {
    return undefined;
  }
}
