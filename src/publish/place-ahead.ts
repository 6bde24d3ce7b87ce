import { mkdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { folderMaker } from "../core/files.ts";
import { workerEntry } from "../core/worker-entry.ts";
import { PageStore } from "./page-store.ts";
import { createStagingDirectory, discardStaging } from "./staging.ts";

/** What to place ahead: the last build's pages (output file → page key), from the store in `storeDir`, into `staging`. */
export interface PlaceAheadJob {
  storeDir: string;
  staging: string;
  pages: [file: string, key: string][];
}

/** What was placed ahead: each page file put into the staging folder, with its key, and how many stored pages were found damaged. */
export interface PlacedAhead {
  placed: Map<string, string>;
  damaged: number;
}

/**
 * Put each of the pages in `job` into the staging folder from the page store, checking each
 * against its digest as PageStore.place does; the ones that are missing or damaged are left out.
 */
export function placePages(job: PlaceAheadJob): { placed: [file: string, key: string][]; damaged: number } {
  const store = new PageStore(job.storeDir);
  const makeFolder = folderMaker();
  const placed: [string, string][] = [];
  for (const [file, key] of job.pages) {
    if (!store.has(key)) continue;
    const target = path.join(job.staging, file);
    makeFolder(target);
    if (store.place(key, target)) placed.push([file, key]);
  }
  return { placed, damaged: store.damaged };
}

/**
 * The last build's pages being placed into a new staging folder by a thread of their own, while
 * the build loads the content: with no previous output to patch (CI with only the cache
 * restored), that is thousands of folders and links, work for the disk that otherwise waits
 * until the pages' keys are known. The build then keeps each page whose key is still the same
 * (reconcile) and places or renders the rest.
 */
export class PlacingAhead {
  /** The staging folder the pages go into, and the build then writes into. */
  readonly staging: string;
  readonly #worker: Worker;
  readonly #result: Promise<PlacedAhead>;

  private constructor(staging: string, worker: Worker) {
    this.staging = staging;
    this.#worker = worker;
    this.#result = new Promise((resolve) => {
      let settled = false;
      const settle = (placed: PlacedAhead) => {
        if (settled) return;
        settled = true;
        resolve(placed);
      };
      worker.on("message", (message: { placed: [string, string][]; damaged: number }) => settle({ placed: new Map(message.placed), damaged: message.damaged }));
      // Whatever stopped the thread before it said what it placed (a disk error, terminate), the
      // staging folder is emptied and the build places what it needs itself.
      const empty = () => {
        if (settled) return;
        discardStaging(staging);
        mkdirSync(staging, { recursive: true });
        settle({ placed: new Map(), damaged: 0 });
      };
      worker.on("error", empty);
      worker.on("exit", empty);
    });
  }

  /**
   * Start placing `pages` (the last build's, file → key) from the store in `storeDir` into a new
   * staging folder beside `outputDir`; undefined when there is nothing to place or no thread can
   * be started here (a module runner without import.meta.resolve).
   */
  static start(storeDir: string, outputDir: string, pages: [file: string, key: string][]): PlacingAhead | undefined {
    if (pages.length === 0) return undefined;
    let entry: URL;
    try {
      entry = workerEntry(import.meta.url, "place-worker");
    } catch {
      return undefined;
    }
    const staging = createStagingDirectory(outputDir);
    const job: PlaceAheadJob = { storeDir, staging, pages };
    return new PlacingAhead(staging, new Worker(entry, { workerData: job, execArgv: [] }));
  }

  /** What the thread placed, once it has finished. */
  placed(): Promise<PlacedAhead> {
    return this.#result;
  }

  /** Stop the thread if it is still placing, and remove the staging folder if the build left it (it failed, or never got so far). */
  async settle(): Promise<void> {
    await this.#worker.terminate();
    await this.#result;
    discardStaging(this.staging);
  }
}

/**
 * Keep each page placed ahead whose key is the one the build needs at that file, and remove
 * the others (and any folder that leaves empty), so the staging folder holds no page this build
 * does not publish. Returns the files kept.
 */
export function reconcile(staging: string, placed: ReadonlyMap<string, string>, pages: readonly { file: string; key: string }[]): Set<string> {
  const kept = new Set<string>();
  for (const page of pages) if (placed.get(page.file) === page.key) kept.add(page.file);
  for (const file of placed.keys()) {
    if (kept.has(file)) continue;
    rmSync(path.join(staging, file), { force: true });
    removeEmptyFolders(staging, path.dirname(file));
  }
  return kept;
}

// Remove `folder` (relative to `root`) and each parent that is left empty; a page written there
// later makes its folder again.
function removeEmptyFolders(root: string, folder: string): void {
  for (let current = folder; current !== "." && current !== "" && current !== path.sep; current = path.dirname(current)) {
    try {
      rmdirSync(path.join(root, current));
    } catch {
      return;
    }
  }
}
