import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../core/files.ts";
import type { OutputFileSize } from "./host-limits.ts";

/** Everything the output of a build is made from, each part already reduced to what decides it. */
export interface OutputInputs {
  /** Every page with its output file and key (see keyPages): a page's key covers all its HTML is made from. */
  pages: readonly { file: string; key: string }[];
  /** The text of every feed, sitemap and robots.txt, in order (they read the build time, so their text itself decides). */
  outputFiles: readonly string[];
  /** The stamp of the files published as they are (see staticFilesStamp). */
  staticFiles: string;
  /** Anything else that changes what is written, such as the search indexer's version. */
  extra?: string;
}

/** Files' sizes and modification times, by path relative to an output folder (the platform's separators). */
export type FileStamps = Record<string, [number, number]>;

/** What was written by the last build into an output folder, and from what. */
interface OutputManifest {
  key: string;
  pages: number;
  /** Every file in the output: path → [size, modification time]. */
  files: FileStamps;
  /** What a page file or a search shard's folder was made from (see OutputSources). */
  sources?: OutputSources;
}

/** The key each page file (its page key) and each search shard's folder (its bundle's key) was made from, by relative path with the platform's separator. */
export type OutputSources = Record<string, string>;

/**
 * One hash of every input of the output: the pages' files and keys, the other files' text, the
 * static files' stamp. Two builds with the same output key write the same files.
 */
export function outputKey(inputs: OutputInputs): string {
  const hash = createHash("sha256").update(inputs.extra ?? "").update("\0").update(inputs.staticFiles).update("\0");
  for (const page of inputs.pages) hash.update(page.file).update("\0").update(page.key).update("\0");
  for (const text of inputs.outputFiles) hash.update(text).update("\0");
  return hash.digest("hex");
}

/**
 * JSON of a value in which an object met a second time is written as a reference to its first
 * appearance: the site model lists each article in several places (home, tags, authors), and
 * writing it out each time would multiply the text. (v8.serialize is no substitute: it writes the
 * same string differently depending on how V8 happens to store it.) Maps and sets are written as
 * lists of their entries.
 */
export function toCanonicalJson(value: unknown): string {
  const parts: string[] = [];
  writeCanonical(value, (text) => parts.push(text), new Map());
  return parts.join("");
}

/** The SHA-256 of `toCanonicalJson(value)`, computed in small pieces so the text never exists whole (it would be hundreds of MB for a large site). */
export function canonicalHash(value: unknown): string {
  const hash = createHash("sha256");
  let pending = "";
  writeCanonical(
    value,
    (text) => {
      pending += text;
      if (pending.length > 65_536) {
        hash.update(pending);
        pending = "";
      }
    },
    new Map(),
  );
  return hash.update(pending).digest("hex");
}

function writeCanonical(value: unknown, out: (text: string) => void, seen: Map<object, number>): void {
  if (typeof value !== "object" || value === null) {
    out(JSON.stringify(value) ?? "null");
    return;
  }
  const id = seen.get(value);
  if (id !== undefined) {
    out(`{"$ref":${id}}`);
    return;
  }
  seen.set(value, seen.size);
  if (Array.isArray(value) || value instanceof Set) {
    out("[");
    let first = true;
    for (const item of value) {
      if (!first) out(",");
      first = false;
      writeCanonical(item === undefined || typeof item === "function" ? null : item, out, seen);
    }
    out("]");
    return;
  }
  if (value instanceof Map) {
    writeCanonical({ $map: [...value.entries()] }, out, seen);
    return;
  }
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") {
    out(JSON.stringify(json.call(value)) ?? "null");
    return;
  }
  out("{");
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === "function") continue;
    if (!first) out(",");
    first = false;
    out(`${JSON.stringify(key)}:`);
    writeCanonical(item, out, seen);
  }
  out("}");
}

/** An output folder exactly as the last build left it (see intactOutput). */
export interface IntactOutput {
  /** The output key of that build. */
  key: string;
  pages: number;
  /** Every file in it (relative, with the platform's separator): path → [size, modification time]. */
  files: FileStamps;
  /** What its pages and search shards were made from. */
  sources: OutputSources;
}

/**
 * The output the last build recorded for `outputDir`, when every file is still there with its
 * size and modification time and none was added; undefined when there is no record or anything
 * differs (someone changed the folder, or a build stopped while patching it).
 */
export function intactOutput(cacheDir: string, outputDir: string): IntactOutput | undefined {
  // No output (CI with only the cache restored): its record is not read here, only for its pages (lastOutputSources).
  if (!existsSync(outputDir)) return undefined;
  const manifest = readManifest(cacheDir, outputDir);
  if (manifest === undefined) return undefined;
  const files = snapshotFiles(outputDir);
  if (files === undefined) return undefined;
  const expected = Object.entries(manifest.files);
  if (expected.length !== Object.keys(files).length) return undefined;
  for (const [file, [size, mtimeMs]] of expected) {
    const actual = files[file];
    if (!actual || actual[0] !== size || actual[1] !== mtimeMs) return undefined;
  }
  return { key: manifest.key, pages: manifest.pages, files, sources: manifest.sources ?? {} };
}

/**
 * What the last build recorded it made each file of `outputDir` from (see OutputSources), whether
 * or not the folder is still there: with the page store, enough to put its pages back.
 */
export function lastOutputSources(cacheDir: string, outputDir: string): OutputSources {
  const sources = readManifest(cacheDir, outputDir)?.sources;
  return typeof sources === "object" && sources !== null ? sources : {};
}

// The record of `outputDir`, as the last build wrote it; undefined when there is none or it cannot be read.
function readManifest(cacheDir: string, outputDir: string): OutputManifest | undefined {
  try {
    return JSON.parse(readFileSync(outputRecordPath(cacheDir, outputDir, "output"), "utf8")) as OutputManifest;
  } catch {
    return undefined;
  }
}

/**
 * Whether `outputDir` holds exactly what the last build wrote from inputs with this key (see
 * intactOutput). Returns the number of pages and every file's size then (for the host limits,
 * without walking the folder again), else undefined.
 */
export function currentOutput(cacheDir: string, outputDir: string, key: string): { pages: number; files: OutputFileSize[] } | undefined {
  const intact = intactOutput(cacheDir, outputDir);
  return intact?.key === key ? outputSizes(intact) : undefined;
}

/** The pages and every file's size of an intact output (for the host limits). */
export function outputSizes(output: IntactOutput): { pages: number; files: OutputFileSize[] } {
  return { pages: output.pages, files: toFileSizes(output.files) };
}

/**
 * The size and modification time of each of `files` (paths relative to `folder`, `/` or the
 * platform's separators); undefined when one cannot be read. A build stamps what it listed in
 * its staging folder while the search index is still being made: renaming the folder into place
 * keeps them.
 */
export function stampFiles(folder: string, files: Iterable<string>): FileStamps | undefined {
  const base = path.resolve(folder);
  const stamps: FileStamps = {};
  try {
    for (const file of files) {
      const relative = path.join(file).replace(/^[\\/]+/, "");
      const stats = statSync(path.join(base, relative));
      stamps[relative] = [stats.size, stats.mtimeMs];
    }
  } catch {
    return undefined;
  }
  return stamps;
}

/** The files a build put in its output as it lists them: those it stamped (stampFiles), and each folder written whole (walked when it is recorded). */
export interface ListedOutput {
  stamped: FileStamps;
  folders: readonly string[];
}

/**
 * Record what a build wrote into `outputDir`, so the next build with the same inputs can keep it:
 * the files `listed` (stamped as the build wrote them, and the folders written whole walked),
 * or every file found there. A file the list missed only makes the next build find the output
 * changed (intactOutput walks it) and write it all again.
 * Returns every file's size, or undefined when the folder cannot be read.
 */
export function recordOutput(
  cacheDir: string,
  outputDir: string,
  record: { key: string; pages: number; sources: OutputSources },
  listed?: ListedOutput,
): OutputFileSize[] | undefined {
  const files = (listed && statListed(outputDir, listed)) ?? snapshotFiles(outputDir);
  if (files === undefined) return undefined;
  // Without a manifest the next build simply writes everything again.
  writeFileAtomically(outputRecordPath(cacheDir, outputDir, "output"), JSON.stringify({ ...record, files } satisfies OutputManifest));
  return toFileSizes(files);
}

/**
 * Record an output a build patched (see patchIntoPlace): the files it kept as the previous
 * record has them, the files it wrote (relative, with the platform's separator) as they are now.
 */
export function recordPatchedOutput(
  cacheDir: string,
  outputDir: string,
  record: { key: string; pages: number; sources: OutputSources; previous: IntactOutput; kept: ReadonlySet<string>; written: readonly string[] },
): OutputFileSize[] | undefined {
  const files: FileStamps = {};
  try {
    for (const file of record.kept) {
      const entry = record.previous.files[file];
      if (entry) files[file] = entry;
    }
    for (const file of record.written) {
      const stats = statSync(path.join(outputDir, file));
      files[file] = [stats.size, stats.mtimeMs];
    }
  } catch {
    return undefined;
  }
  writeFileAtomically(outputRecordPath(cacheDir, outputDir, "output"), JSON.stringify({ key: record.key, pages: record.pages, sources: record.sources, files } satisfies OutputManifest));
  return toFileSizes(files);
}

/** Forget the record of `outputDir` (before a build changes the folder in place), so no build trusts it until a new one is written. */
export function forgetOutput(cacheDir: string, outputDir: string): void {
  rmSync(outputRecordPath(cacheDir, outputDir, "output"), { force: true });
}

// Manifest paths use the platform's separator; host limits name files with forward slashes.
function toFileSizes(files: FileStamps): OutputFileSize[] {
  // Tens of thousands of entries at scale: where the separator is already `/`, the paths are as they are.
  const slashed = path.sep === "/" ? (file: string) => file : (file: string) => file.split(path.sep).join("/");
  return Object.entries(files).map(([file, [size]]) => ({ path: slashed(file), size }));
}

/** Where the cache keeps a record (`kind`: what the last build wrote, or what it read) of one output folder. */
export function outputRecordPath(cacheDir: string, outputDir: string, kind: "output" | "last-build"): string {
  const name = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `${kind}-${name}.json`);
}

// The listed files' stamps and those of every file in the listed folders; undefined when one cannot be read.
function statListed(folder: string, listed: ListedOutput): FileStamps | undefined {
  const base = path.resolve(folder);
  try {
    for (const written of listed.folders) {
      // Without a trailing separator (folders are given as `/pagefind/`), as each entry's own folder is.
      const whole = path.join(base, written).replace(/[\\/]+$/, "");
      if (existsSync(whole)) stampTree(base, whole, listed.stamped);
    }
  } catch {
    return undefined;
  }
  // The stamps are the build's to hand over once: no copy of tens of thousands of entries.
  return listed.stamped;
}

function snapshotFiles(folder: string): FileStamps | undefined {
  const base = path.resolve(folder);
  try {
    return stampTree(base, base, {});
  } catch {
    return undefined;
  }
}

// Stamp every file under `folder` (inside `base`, both resolved, without a trailing separator) into
// `stamps` by its path relative to `base`. Tens of thousands of files at scale: plain string joins,
// not path.join and path.relative for each.
function stampTree(base: string, folder: string, stamps: FileStamps): FileStamps {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = `${entry.parentPath}${path.sep}${entry.name}`;
    const stats = statSync(full);
    stamps[full.slice(base.length + 1)] = [stats.size, stats.mtimeMs];
  }
  return stamps;
}
