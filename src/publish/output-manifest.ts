import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
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

/** What was written by the last build into an output folder, and from what. */
interface OutputManifest {
  key: string;
  pages: number;
  /** Every file in the output: path → [size, modification time]. */
  files: Record<string, [number, number]>;
}

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

/**
 * Whether `outputDir` holds exactly what the last build wrote from inputs with this key: same key,
 * and every file still there with its size and modification time, none added. Returns the number
 * of pages and every file's size then (for the host limits, without walking the folder again), else undefined.
 */
export function currentOutput(cacheDir: string, outputDir: string, key: string): { pages: number; files: OutputFileSize[] } | undefined {
  let manifest: OutputManifest;
  try {
    manifest = JSON.parse(readFileSync(outputRecordPath(cacheDir, outputDir, "output"), "utf8")) as OutputManifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key) return undefined;
  const files = snapshotFiles(outputDir);
  if (files === undefined) return undefined;
  const expected = Object.entries(manifest.files);
  if (expected.length !== Object.keys(files).length) return undefined;
  for (const [file, [size, mtimeMs]] of expected) {
    const actual = files[file];
    if (!actual || actual[0] !== size || actual[1] !== mtimeMs) return undefined;
  }
  return { pages: manifest.pages, files: toFileSizes(files) };
}

/**
 * Record what a build wrote into `outputDir`, so the next build with the same inputs can keep it.
 * Returns every file's size, or undefined when the folder cannot be read.
 */
export function recordOutput(cacheDir: string, outputDir: string, key: string, pages: number): OutputFileSize[] | undefined {
  const files = snapshotFiles(outputDir);
  if (files === undefined) return undefined;
  // Without a manifest the next build simply writes everything again.
  writeFileAtomically(outputRecordPath(cacheDir, outputDir, "output"), JSON.stringify({ key, pages, files } satisfies OutputManifest));
  return toFileSizes(files);
}

// Manifest paths use the platform's separator; host limits name files with forward slashes.
function toFileSizes(files: Record<string, [number, number]>): OutputFileSize[] {
  return Object.entries(files).map(([file, [size]]) => ({ path: file.split(path.sep).join("/"), size }));
}

/** Where the cache keeps a record (`kind`: what the last build wrote, or what it read) of one output folder. */
export function outputRecordPath(cacheDir: string, outputDir: string, kind: "output" | "last-build"): string {
  const name = createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `${kind}-${name}.json`);
}

function snapshotFiles(folder: string): Record<string, [number, number]> | undefined {
  try {
    const files: Record<string, [number, number]> = {};
    // Tens of thousands of files at scale: plain string joins, not path.join and path.relative for each.
    const base = path.resolve(folder);
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = `${entry.parentPath}${path.sep}${entry.name}`;
      const stats = statSync(full);
      files[full.slice(base.length + 1)] = [stats.size, stats.mtimeMs];
    }
    return files;
  } catch {
    return undefined;
  }
}
