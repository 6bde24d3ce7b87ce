import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { digestOf, readIntact } from "../core/file-digest.ts";
import { folderMaker, listFiles } from "../core/files.ts";
import { linkOrCopy } from "../publish/static-files.ts";

/**
 * The bundles earlier builds wrote (`.tidings-cache/search/<key>/`), each a shard or a vocabulary
 * index, kept under a key of exactly what it indexes; those the last build used are kept. Each
 * bundle holds a seal (SEAL_FILE) written last, with every file's digest: a bundle is used only
 * when its files are exactly those the seal lists, with those bytes (checked on every use, since
 * the output links to them), and `damaged` counts the bundles that failed the check (they are
 * indexed again).
 */
export class SearchIndexCache {
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
      if (files === false) this.#damage(key);
      else this.#checked.set(key, files);
    }
    return files !== false;
  }

  /** Link the bundle kept under `key` to `target` (copy where links cannot be made), all but the file `except`; false when there is none, it is damaged, or it cannot be placed. */
  place(key: string, target: string, except?: string): boolean {
    const files = this.has(key) ? this.#checked.get(key) : undefined;
    if (!files) return false;
    const stored = path.join(this.#dir, key);
    const makeFolder = folderMaker();
    try {
      for (const file of files) {
        if (file === except) continue;
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

  /** The text of one file of the bundle kept under `key`, when it matches its seal. */
  read(key: string, file: string): string | undefined {
    const stored = path.join(this.#dir, key);
    if (this.#checked.get(key) === false || !existsSync(stored)) return undefined;
    let text: string | undefined;
    try {
      const seal = JSON.parse(readFileSync(path.join(stored, SEAL_FILE), "utf8")) as Record<string, unknown>;
      const digest = seal[file];
      text = typeof digest === "string" ? readIntact(path.join(stored, file), digest)?.toString("utf8") : undefined;
    } catch {
      // An unreadable seal: damaged like a file that fails it.
    }
    if (text === undefined) this.#damage(key);
    return text;
  }

  // A kept bundle that failed its seal: counted once, deleted, and indexed again.
  #damage(key: string): void {
    if (this.#checked.get(key) === false) return;
    this.#damaged++;
    rmSync(path.join(this.#dir, key), { recursive: true, force: true });
    this.#checked.set(key, false);
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
