import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A build that patches the previous output instead of replacing it: what it would write into its
 * staging folder and the previous output already holds is left out of the staging folder and
 * remembered as kept, so the staging folder ends up with only what changed (see patchIntoPlace).
 * A page linked from the page store is the same when the previous output's file is that very file
 * (a hard link to it); any other file when its bytes are the same. The previous output is trusted
 * this far only once intactOutput found every file of it as the last build left it.
 */
export class OutputPatch {
  readonly #staging: string;
  readonly #previous: string;
  readonly #kept = new Set<string>();

  /** A patch of `previous` (the output folder) by a build staging into `staging`. */
  constructor(staging: string, previous: string) {
    this.#staging = staging;
    this.#previous = previous;
  }

  /** The files kept from the previous output, relative, with the platform's separator. */
  get kept(): ReadonlySet<string> {
    return this.#kept;
  }

  /** Whether the previous output holds `from` itself (the same file, linked) where `target` in the staging folder would go; if so it is kept. */
  hasLink(from: string, target: string): boolean {
    if (!this.linked(from, target)) return false;
    this.keepAt(target);
    return true;
  }

  /** Whether the previous output holds `from` itself where `target` in the staging folder would go, without keeping it yet. */
  linked(from: string, target: string): boolean {
    try {
      const source = statSync(from);
      const previous = statSync(path.join(this.#previous, this.#relative(target)));
      return source.ino === previous.ino && source.dev === previous.dev;
    } catch {
      return false;
    }
  }

  /** Keep the previous output's file where `target` in the staging folder would go. */
  keepAt(target: string): void {
    this.#kept.add(this.#relative(target));
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
}
