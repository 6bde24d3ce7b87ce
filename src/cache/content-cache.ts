import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

/** The file the content cache lives in, inside the build's cache folder (`.tidings-cache/` by default; safe to delete at any time). */
export const CACHE_FILE = "content-cache.v8";

// Bumped when the layout of the stored file changes.
const FORMAT = "tidings-content-cache-4";

/**
 * A store of work already done on content files (validated front matter, rendered bodies), keyed
 * by a hash of everything the work depends on. It only ever holds values computed by the current
 * code: the file is stamped with the code fingerprint, and a file with another fingerprint, another
 * format or unreadable bytes is ignored, never trusted. Every piece of the file carries the
 * SHA-256 of its bytes, checked when it is read: a piece changed on disk (or in a CI cache) is
 * dropped, its entries done again, and `damaged` says so. Bounded: `save` keeps only the entries
 * that this run used, so entries of deleted or edited files do not pile up.
 */
export class ContentCache {
  readonly #fingerprint: string;
  #previous: Map<string, unknown>;
  readonly #used = new Map<string, unknown>();
  // Keys whose value this run set (not one it found): the file is out of date, and so is their piece of it.
  readonly #set = new Set<string>();
  // Where each piece of entries lies in the file the cache was read from, so a save can copy the pieces whose entries are all still used.
  #pieces: StoredPiece[] = [];
  /** True when the file it was read from had pieces whose bytes did not match their checksum (they were left out). */
  readonly damaged: boolean;

  /** An empty cache for code with this fingerprint, seeded with entries from an earlier run (trusted as given). */
  constructor(fingerprint: string, previous: Map<string, unknown> = new Map(), damaged = false) {
    this.#fingerprint = fingerprint;
    this.#previous = previous;
    this.damaged = damaged;
  }

  /** The stored value for a key, or undefined; a hit is kept at the next save. */
  get<T>(key: string): T | undefined {
    const value = this.#take(key);
    return (value instanceof Deferred ? value.value() : value) as T | undefined;
  }

  /**
   * The stored value for a key as a function that gives it, or undefined: a value stored deferred
   * (`setDeferred`) is read out of the file's bytes only when the function is first called.
   */
  getDeferred<T>(key: string): (() => T) | undefined {
    const value = this.#take(key);
    if (value === undefined) return undefined;
    return value instanceof Deferred ? () => value.value() as T : () => value as T;
  }

  // The entry for a key, marked used.
  #take(key: string): unknown {
    const used = this.#used.get(key);
    if (used !== undefined) return used;
    const value = this.#previous.get(key);
    if (value !== undefined) this.#used.set(key, value);
    return value;
  }

  /** Store a value (structured-cloneable: plain data, arrays, maps) under a key. */
  set(key: string, value: unknown): void {
    this.#used.set(key, value);
    this.#set.add(key);
  }

  /**
   * Store a large value that later runs mostly do not need (a rendered body): it is kept in pieces
   * of its own, which reading the file checks but does not deserialise until one of their values
   * is asked for (`getDeferred`).
   */
  setDeferred(key: string, value: unknown): void {
    this.set(key, Deferred.of(value));
  }

  /** Whether this run added entries or stopped using some, so the file on disk is out of date. */
  get changed(): boolean {
    return this.#set.size > 0 || this.#used.size !== this.#previous.size;
  }

  /** The entries this cache was seeded with (read from disk), for inspection; a deferred entry's value stands as a placeholder. */
  get stored(): ReadonlyMap<string, unknown> {
    return this.#previous;
  }

  /** How many entries this run has used or added. */
  get size(): number {
    return this.#used.size;
  }

  /** Start a new run on the same cache: what the last run used is what the next one may find (the dev server's rebuilds). */
  startRun(): void {
    this.#previous = new Map(this.#used);
    this.#used.clear();
    this.#set.clear();
    // The entries no longer lie where the file last read or written has them.
    this.#pieces = [];
  }

  /** The whole cache as bytes (what `saveContentCache` writes, piece by piece). */
  toBytes(): Buffer {
    return Buffer.concat([...this.pieces()]);
  }

  /**
   * The file in length-prefixed pieces: first the format and fingerprint, then the entries a few
   * hundred at a time, so writing a large site's cache never holds all of it as one buffer. With
   * `stored` (the bytes of the file this cache was read from, at an offset), a piece of that file
   * whose entries this run all found there is copied as it is (checksum and all) instead of
   * serialised again: an edit rewrites a piece or two, not every entry. A piece may come in
   * several buffers, one after the other. A copied piece's buffer may be reused for the next one
   * (`saveContentCache` writes each before taking the next).
   */
  *pieces(stored?: (offset: number, length: number) => Buffer | undefined): Generator<Buffer> {
    yield* framed(serialize({ format: FORMAT, fingerprint: this.#fingerprint } satisfies CacheHeader));
    const copied = new Set<string>();
    if (stored) {
      for (const piece of this.#pieces) {
        if (!piece.keys.every((key) => this.#used.has(key) && !this.#set.has(key))) continue;
        const bytes = stored(piece.offset, piece.length);
        if (bytes === undefined) break;
        yield bytes;
        for (const key of piece.keys) copied.add(key);
      }
    }
    let batch: [string, unknown][] = [];
    let deferred: [string, Deferred][] = [];
    for (const entry of this.#used) {
      if (copied.has(entry[0])) continue;
      if (entry[1] instanceof Deferred) {
        deferred.push(entry as [string, Deferred]);
        if (deferred.length === ENTRIES_PER_PIECE) {
          yield* framed(...deferredPiece(deferred));
          deferred = [];
        }
        continue;
      }
      batch.push(entry);
      if (batch.length === ENTRIES_PER_PIECE) {
        yield* framed(serialize(batch));
        batch = [];
      }
    }
    if (batch.length > 0) yield* framed(serialize(batch));
    if (deferred.length > 0) yield* framed(...deferredPiece(deferred));
  }

  /** Read a cache from bytes; anything unreadable, of another format or another fingerprint gives an empty cache. */
  static fromBytes(bytes: Buffer | undefined, fingerprint: string): ContentCache {
    if (bytes === undefined) return new ContentCache(fingerprint);
    let offset = 0;
    return ContentCache.fromPieces((length) => {
      const piece = bytes.subarray(offset, offset + length);
      offset += length;
      return piece;
    }, fingerprint);
  }

  /**
   * Read a cache piece by piece through `read(n)`, which returns the next n bytes (fewer at the
   * end of the file). A file of another format or fingerprint, or whose header is unreadable,
   * gives an empty cache; a piece whose bytes do not match its checksum is left out (and every
   * piece after it, as its length can no longer be trusted), so only verified entries are used.
   */
  static fromPieces(read: (length: number) => Buffer, fingerprint: string): ContentCache {
    let offset = 0;
    let pieceAt = 0;
    const next = (): unknown => {
      pieceAt = offset;
      const prefix = read(PREFIX_BYTES);
      if (prefix.length === 0) return END;
      if (prefix.length < PREFIX_BYTES) throw new Error("truncated");
      const length = prefix.readUInt32BE(0);
      const piece = read(length);
      if (piece.length < length || !checksumOf(piece).equals(prefix.subarray(4))) throw new Error("damaged");
      offset += PREFIX_BYTES + length;
      return piece[0] === DEFERRED_MARK ? readDeferredPiece(piece) : deserialize(piece);
    };
    let header: Partial<CacheHeader> | null;
    try {
      header = next() as Partial<CacheHeader> | null;
    } catch {
      // An unreadable start is the same as no file: the work is simply done again.
      return new ContentCache(fingerprint);
    }
    if (!header || header.format !== FORMAT || header.fingerprint !== fingerprint) return new ContentCache(fingerprint);
    const entries = new Map<string, unknown>();
    const pieces: StoredPiece[] = [];
    let damaged = false;
    try {
      for (let batch = next(); batch !== END; batch = next()) {
        const keys: string[] = [];
        if (batch instanceof DeferredPiece) {
          const values = new DeferredValues(batch.values);
          batch.keys.forEach((key, index) => {
            entries.set(key, new Deferred(values, index));
            keys.push(key);
          });
        } else {
          if (!Array.isArray(batch)) throw new Error("not a batch of entries");
          for (const [key, value] of batch as [string, unknown][]) {
            entries.set(key, value);
            keys.push(key);
          }
        }
        pieces.push({ offset: pieceAt, length: offset - pieceAt, keys });
      }
    } catch {
      damaged = true;
    }
    const cache = new ContentCache(fingerprint, entries, damaged);
    cache.#pieces = pieces;
    return cache;
  }
}

// A piece of entries in the file a cache was read from: its place (length prefix included) and the keys it holds.
interface StoredPiece {
  offset: number;
  length: number;
  keys: string[];
}

const END = Symbol("end of file");
const ENTRIES_PER_PIECE = 500;

// A piece of deferred entries starts with this byte (a serialised batch starts with V8's version
// tag, 0xFF), then the length of its keys' serialisation (4 bytes), its keys, and its values
// serialised on their own: reading the piece deserialises the keys and keeps the rest as bytes.
const DEFERRED_MARK = 0x44;

// A deferred piece as read: its keys, and its values' bytes (a view of the piece read, not a copy).
class DeferredPiece {
  constructor(
    readonly keys: string[],
    readonly values: Uint8Array,
  ) {}
}

// A piece of deferred entries in its parts (see DEFERRED_MARK), not joined: at 100,000 articles each join was a copy of the site's HTML.
function deferredPiece(entries: readonly [string, Deferred][]): Buffer[] {
  const keys = serialize(entries.map(([key]) => key));
  const head = Buffer.alloc(5);
  head[0] = DEFERRED_MARK;
  head.writeUInt32BE(keys.length, 1);
  return [head, keys, serialize(entries.map(([, value]) => value.value()))];
}

function readDeferredPiece(piece: Buffer): DeferredPiece {
  const keysEnd = 5 + piece.readUInt32BE(1);
  const keys: unknown = deserialize(piece.subarray(5, keysEnd));
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === "string")) throw new Error("not a piece of deferred entries");
  return new DeferredPiece(keys as string[], piece.subarray(keysEnd));
}

// The values of one deferred piece, deserialised together when the first of them is asked for.
class DeferredValues {
  #bytes: Uint8Array | undefined;
  #values: unknown[] | undefined;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  at(index: number): unknown {
    if (this.#values === undefined) {
      const values: unknown = deserialize(this.#bytes as Uint8Array);
      // The piece's checksum matched, so this is what was stored: an array of its values.
      this.#values = Array.isArray(values) ? values : [];
      this.#bytes = undefined;
    }
    return this.#values[index];
  }
}

// One deferred entry: a value set this run, or its place in a piece read from the file.
class Deferred {
  readonly #values: DeferredValues | undefined;
  readonly #index: number;
  readonly #value: unknown;

  constructor(values: DeferredValues | undefined, index: number, value?: unknown) {
    this.#values = values;
    this.#index = index;
    this.#value = value;
  }

  static of(value: unknown): Deferred {
    return new Deferred(undefined, 0, value);
  }

  value(): unknown {
    return this.#values === undefined ? this.#value : this.#values.at(this.#index);
  }
}

interface CacheHeader {
  format: string;
  fingerprint: string;
}

// Before each piece: its length (4 bytes) and the SHA-256 of its bytes (32).
const PREFIX_BYTES = 36;

// One piece of the file: its length and checksum, then its bytes (the parts of its body, in order).
function framed(...body: Buffer[]): Buffer[] {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(
    body.reduce((length, part) => length + part.length, 0),
    0,
  );
  return [Buffer.concat([prefix, checksumOf(...body)]), ...body];
}

// The SHA-256 of bytes given in parts, as of the parts joined.
function checksumOf(...parts: Buffer[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

// The file each loaded cache was read from, as it was then: a save copies pieces from it only while it is still that file.
const readFrom = new WeakMap<ContentCache, { file: string; identity: string }>();

// What tells one version of a file from another without reading it: a rename or a rewrite changes it.
function fileIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** Load the content cache from a cache folder, or an empty one when there is none or it cannot be used. */
export function loadContentCache(cacheDir: string, fingerprint: string): ContentCache {
  const file = path.join(cacheDir, CACHE_FILE);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return new ContentCache(fingerprint);
  }
  try {
    const identity = fileIdentity(fstatSync(fd));
    let position = 0;
    const cache = ContentCache.fromPieces((length) => {
      const bytes = readAt(fd, position, Buffer.allocUnsafe(length));
      position += bytes.length;
      return bytes;
    }, fingerprint);
    readFrom.set(cache, { file, identity });
    return cache;
  } finally {
    closeSync(fd);
  }
}

/**
 * Write the cache when this run changed it: piece by piece to a temporary file renamed into
 * place, so a build killed part-way or two builds at once never leave a half-written cache.
 * Failing to write (a read-only disk) only costs the next build its head start.
 */
export function saveContentCache(cacheDir: string, cache: ContentCache): void {
  if (!cache.changed) return;
  const temporary = path.join(cacheDir, `${CACHE_FILE}.${process.pid}.tmp`);
  const source = readFrom.get(cache);
  let sourceFd: number | undefined;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Pieces are copied from the file the cache was read from only if it is still that file (no other build replaced it).
    if (source !== undefined) {
      sourceFd = openSync(source.file, "r");
      if (fileIdentity(fstatSync(sourceFd)) !== source.identity) {
        closeSync(sourceFd);
        sourceFd = undefined;
      }
    }
    const fd = openSync(temporary, "w");
    // Each copied piece is written before the next is read, so one buffer serves them all (at 100,000 articles the file is 650 MB).
    let scratch = Buffer.alloc(0);
    const copy = (offset: number, length: number) => {
      if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
      const bytes = readAt(sourceFd as number, offset, scratch.subarray(0, length));
      return bytes.length === length ? bytes : undefined;
    };
    try {
      for (const piece of cache.pieces(sourceFd === undefined ? undefined : copy)) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path.join(cacheDir, CACHE_FILE));
  } catch {
    rmSync(temporary, { force: true });
  } finally {
    if (sourceFd !== undefined) closeSync(sourceFd);
  }
}

// The bytes of a file from `offset`, read into `buffer` until it is full or the file ends (then the part filled).
function readAt(fd: number, offset: number, buffer: Buffer): Buffer {
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** A cache key: the SHA-256 of the parts, each length-prefixed so no two lists of parts collide. */
export function cacheKey(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("base64url");
}
