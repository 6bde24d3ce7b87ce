import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { IntactOutput } from "./output-manifest.ts";

/**
 * A build that patches the previous output instead of replacing it: what it would write into its
 * staging folder and the previous output already holds is left out of the staging folder and
 * remembered as kept, so the staging folder ends up with only what changed (see patchIntoPlace).
 * A page, or a search shard's folder, is the same when the last build recorded it as made from
 * the same key (its source); a file linked from a cache when the previous output's file is that
 * very file (a hard link to it); any other file when its bytes are the same. The previous output
 * is trusted this far only once intactOutput found every file of it as the last build left it.
 * The patch also gathers the sources of the new output, for its record.
 */
export class OutputPatch {
  readonly #staging: string;
  readonly #previous: string;
  readonly #output: IntactOutput;
  readonly #kept = new Set<string>();
  #sorted: string[] | undefined;

  /** A patch of `previous` (the output folder, found intact as `output`) by a build staging into `staging`. */
  constructor(staging: string, previous: string, output: IntactOutput) {
    this.#staging = staging;
    this.#previous = previous;
    this.#output = output;
  }

  /**
   * Whether the previous output holds what was made from `source` at `target` in the staging
   * folder: the page file, or every file of the shard folder, the last build made from it; if
   * so they are kept.
   */
  hasSource(target: string, source: string): boolean {
    const relative = this.#relative(target);
    if (this.#output.sources[relative] !== source) return false;
    if (this.#output.files[relative] !== undefined) {
      this.#kept.add(relative);
      return true;
    }
    const files = this.#under(relative);
    for (const file of files) this.#kept.add(file);
    return files.length > 0;
  }

  /** The files kept from the previous output, relative, with the platform's separator. */
  get kept(): ReadonlySet<string> {
    return this.#kept;
  }

  /** Whether the previous output holds `from` itself (the same file, linked) where `target` in the staging folder would go; if so it is kept. */
  hasLink(from: string, target: string): boolean {
    const relative = this.#relative(target);
    try {
      const source = statSync(from);
      const previous = statSync(path.join(this.#previous, relative));
      if (source.ino !== previous.ino || source.dev !== previous.dev) return false;
    } catch {
      return false;
    }
    this.#kept.add(relative);
    return true;
  }

  /** Whether the previous output holds exactly these bytes where `target` in the staging folder would go; if so it is kept. */
  hasBytes(bytes: string | Uint8Array, target: string): boolean {
    const relative = this.#relative(target);
    const expected = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    try {
      const file = path.join(this.#previous, relative);
      if (statSync(file).size !== expected.byteLength || !readFileSync(file).equals(expected)) return false;
    } catch {
      return false;
    }
    this.#kept.add(relative);
    return true;
  }

  #relative(target: string): string {
    return path.relative(this.#staging, target);
  }

  // The previous output's files inside `folder`, found in its sorted list of files.
  #under(folder: string): string[] {
    this.#sorted ??= Object.keys(this.#output.files).sort();
    const prefix = `${folder}${path.sep}`;
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const files: string[] = [];
    for (let index = low; index < this.#sorted.length && (this.#sorted[index] as string).startsWith(prefix); index++) files.push(this.#sorted[index] as string);
    return files;
  }
}
