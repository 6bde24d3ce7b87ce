import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "./static-files.ts";

// Keys are SHA-256 in hex; the first two characters name a sub-folder, so no folder holds more
// than a few hundred files even for an archive of 100,000 articles.
const KEY = /^[0-9a-f]{64}$/;

/**
 * The pages earlier builds rendered, kept by page key in the cache (`.tidings-cache/pages/`), so
 * a build takes every page whose key it has seen instead of rendering it again, whether or not
 * the previous output is still there (on CI only the cache travels between runs). A page's key
 * is a hash of everything its HTML is made from (src/output/page-keys.ts), so a stored page is
 * exactly what rendering it again would give. Pages are hard-linked in and out (no copying),
 * and made read-only, because a build replaces its output and never edits a file in place.
 */
export class PageStore {
  readonly #dir: string;
  #keys: Set<string> | undefined;

  /** A store in `dir` (created when the first page is kept). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Whether a page with this key is stored. */
  has(key: string): boolean {
    return this.#known().has(key);
  }

  /** Put the stored page with this key at `target` (its folder must exist); false when there is none or it cannot be placed. */
  place(key: string, target: string): boolean {
    if (!this.has(key)) return false;
    try {
      linkOrCopy(this.#fileOf(key), target);
      return true;
    } catch {
      // Removed behind the store's back: the page is rendered again.
      this.#known().delete(key);
      return false;
    }
  }

  /** Keep the page just written at `file` under `key`. */
  keep(key: string, file: string): void {
    if (!KEY.test(key) || this.has(key)) return;
    const target = this.#fileOf(key);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      // Another disk: copy beside the target, then rename, so a reader never sees half a page.
      const temporary = `${target}.${process.pid}.tmp`;
      copyFileSync(file, temporary);
      renameSync(temporary, target);
    }
    chmodSync(target, 0o444);
    this.#known().add(key);
  }

  /** Delete every stored page whose key is not in `used`: the store never grows past one site's pages. */
  prune(used: ReadonlySet<string>): void {
    for (const key of [...this.#known()]) {
      if (used.has(key)) continue;
      rmSync(this.#fileOf(key), { force: true });
      this.#known().delete(key);
    }
  }

  #fileOf(key: string): string {
    return path.join(this.#dir, key.slice(0, 2), key);
  }

  #known(): Set<string> {
    if (this.#keys) return this.#keys;
    const keys = new Set<string>();
    if (existsSync(this.#dir)) {
      for (const folder of readdirSync(this.#dir)) {
        let names: string[];
        try {
          names = readdirSync(path.join(this.#dir, folder));
        } catch {
          continue;
        }
        for (const name of names) if (KEY.test(name) && name.startsWith(folder)) keys.add(name);
      }
    }
    this.#keys = keys;
    return keys;
  }
}
