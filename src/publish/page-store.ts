import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { digestOf, readIntact } from "../core/file-digest.ts";
import { linkOrCopy } from "./static-files.ts";

// Keys are SHA-256 in hex; the first two characters name a sub-folder, so no folder holds more
// than a few hundred files even for an archive of 100,000 articles. A stored page's name is its
// key, a dot and the digest of its bytes.
const KEY = /^[0-9a-f]{64}$/;
const STORED = /^([0-9a-f]{64})\.([0-9a-f]{32})$/;

/**
 * The pages earlier builds rendered, kept by page key in the cache (`.tidings-cache/pages/`), so
 * a build takes every page whose key it has seen instead of rendering it again, whether or not
 * the previous output is still there (on CI only the cache travels between runs). A page's key
 * is a hash of everything its HTML is made from (src/publish/page-keys.ts), so a stored page is
 * exactly what rendering it again would give, as long as its bytes are the ones stored: each is
 * checked against its digest whenever it is used, and one that does not match is rendered again
 * (`damaged` counts them). Pages are hard-linked in and out where the disk allows: an output page
 * edited in place changes the stored one too, which its next use finds. (Copying instead, so the
 * two never share a file, made a push build of 4,000 articles 1.8 times as slow on a disk like
 * CI's, 19.7 s against 11.4 s, for no gain once every use is checked.)
 */
export class PageStore {
  readonly #dir: string;
  #digests: Map<string, string> | undefined;
  #damaged = 0;

  /** A store in `dir` (created when the first page is kept). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** How many stored pages this build found damaged (and rendered again instead). */
  get damaged(): number {
    return this.#damaged;
  }

  /** Whether a page with this key is stored (its bytes are checked when it is placed). */
  has(key: string): boolean {
    return this.#known().has(key);
  }

  /** Put the stored page with this key at `target` (its folder must exist); false when there is none, it is damaged, or it cannot be placed. */
  place(key: string, target: string): boolean {
    const digest = this.#known().get(key);
    if (digest === undefined) return false;
    const file = this.#fileOf(key, digest);
    if (readIntact(file, digest) === undefined) {
      // Changed or removed behind the store's back: the page is rendered again.
      this.#damaged++;
      this.#forget(key);
      return false;
    }
    try {
      linkOrCopy(file, target);
      return true;
    } catch {
      return false;
    }
  }

  /** Keep the page just written at `file` under `key`. */
  keep(key: string, file: string): void {
    if (!KEY.test(key) || this.has(key)) return;
    const bytes = readFileSync(file);
    const digest = digestOf(bytes);
    const target = this.#fileOf(key, digest);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      // Another disk: written beside the target, then renamed, so a reader never sees half a page.
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, target);
    }
    this.#known().set(key, digest);
  }

  /** Delete every stored page whose key is not in `used`: the store never grows past one site's pages. */
  prune(used: ReadonlySet<string>): void {
    for (const key of [...this.#known().keys()]) if (!used.has(key)) this.#forget(key);
  }

  #forget(key: string): void {
    const digest = this.#known().get(key);
    if (digest !== undefined) rmSync(this.#fileOf(key, digest), { force: true });
    this.#known().delete(key);
  }

  #fileOf(key: string, digest: string): string {
    return path.join(this.#dir, key.slice(0, 2), `${key}.${digest}`);
  }

  #known(): Map<string, string> {
    if (this.#digests) return this.#digests;
    const digests = new Map<string, string>();
    let folders: string[] = [];
    try {
      folders = readdirSync(this.#dir);
    } catch {
      // No store yet.
    }
    for (const folder of folders) {
      let names: string[];
      try {
        names = readdirSync(path.join(this.#dir, folder));
      } catch {
        continue;
      }
      for (const name of names) {
        const match = STORED.exec(name);
        if (match?.[1]?.startsWith(folder) && match[2]) digests.set(match[1], match[2]);
        // Anything else (a temporary file of a build that was stopped, an older store's page) is not the store's.
        else rmSync(path.join(this.#dir, folder, name), { force: true });
      }
    }
    this.#digests = digests;
    return digests;
  }
}
