import { mkdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { folderMaker } from "../core/files.ts";
import { workerEntry } from "../core/worker-entry.ts";
import { intactOutput, lastOutputSources, type IntactOutput } from "./output-manifest.ts";
import { PageStore } from "./page-store.ts";
import { createStagingDirectory, discardStaging } from "./staging.ts";

/** Where the output is readied: its record in `cacheDir`, the output folder, the page store, and the staging folder the build writes into. */
export interface ReadyJob {
  cacheDir: string;
  outputDir: string;
  storeDir: string;
  staging: string;
}

/**
 * The previous output, when it is as the last build left it (to be patched); else the last
 * build's pages placed into the staging folder (page file → key), and how many stored pages
 * were found damaged on the way.
 */
export interface ReadyOutput {
  previous: IntactOutput | undefined;
  placed: Map<string, string>;
  damaged: number;
}

/**
 * Check the previous output against its record (intactOutput: a walk of every folder and a stat
 * of every file); when it is not intact, put the last build's pages into the staging folder
 * from the page store, each checked against its digest as PageStore.place does (the missing and
 * the damaged ones left out).
 */
export function readyOutput(job: ReadyJob): { previous: IntactOutput | undefined; placed: [file: string, key: string][]; damaged: number } {
  const previous = intactOutput(job.cacheDir, job.outputDir);
  if (previous !== undefined) return { previous, placed: [], damaged: 0 };
  const pages = Object.entries(lastOutputSources(job.cacheDir, job.outputDir)).filter(([file]) => file.endsWith(".html"));
  const store = new PageStore(job.storeDir);
  const makeFolder = folderMaker();
  const placed: [string, string][] = [];
  for (const [file, key] of pages) {
    if (!store.has(key)) continue;
    const target = path.join(job.staging, file);
    makeFolder(target);
    if (store.place(key, target)) placed.push([file, key]);
  }
  return { previous: undefined, placed, damaged: store.damaged };
}

/**
 * The output being readied by a thread of its own (readyOutput) while the build loads the
 * content: checking the previous output is a walk of thousands of folders, and without one to
 * patch (CI with only the cache restored) the last build's pages are thousands of folders and
 * links; work for the disk, done beside the CPU's instead of after it. The build then keeps each
 * page placed whose key is still the same (reconcile) and places or renders the rest.
 */
export class OutputReadying {
  /** The staging folder the build writes into (the pages placed ahead are in it). */
  readonly staging: string;
  readonly #worker: Worker | undefined;
  readonly #result: Promise<ReadyOutput>;

  private constructor(staging: string, worker: Worker | undefined, result: Promise<ReadyOutput>) {
    this.staging = staging;
    this.#worker = worker;
    this.#result = result;
  }

  /**
   * Start readying the output at `outputDir` (its record in `cacheDir`, its pages' store in
   * `storeDir`) with a new staging folder beside it: in a thread, or in this one where no thread
   * can be started from here (a module runner without import.meta.resolve).
   */
  static start(cacheDir: string, outputDir: string, storeDir: string): OutputReadying {
    const staging = createStagingDirectory(outputDir);
    const job: ReadyJob = { cacheDir, outputDir, storeDir, staging };
    let entry: URL;
    try {
      entry = workerEntry(import.meta.url, "ready-output-worker");
    } catch {
      const ready = readyOutput(job);
      return new OutputReadying(staging, undefined, Promise.resolve({ ...ready, placed: new Map(ready.placed) }));
    }
    const worker = new Worker(entry, { workerData: job, execArgv: [] });
    const result = new Promise<ReadyOutput>((resolve) => {
      let settled = false;
      worker.on("message", (message: ReturnType<typeof readyOutput>) => {
        settled = true;
        resolve({ ...message, placed: new Map(message.placed) });
      });
      // Whatever stopped the thread before it answered (a disk error, terminate), the staging
      // folder is emptied and the build treats the output as one it cannot patch, placing what
      // it needs itself: nothing is trusted that the thread did not report.
      const empty = () => {
        if (settled) return;
        settled = true;
        discardStaging(staging);
        mkdirSync(staging, { recursive: true });
        resolve({ previous: undefined, placed: new Map(), damaged: 0 });
      };
      worker.on("error", empty);
      worker.on("exit", empty);
    });
    return new OutputReadying(staging, worker, result);
  }

  /** The previous output if intact, else what was placed ahead; once the thread has finished. */
  ready(): Promise<ReadyOutput> {
    return this.#result;
  }

  /** Stop the thread if it is still at work, and remove the staging folder if the build left it (it failed, or kept its output). */
  async settle(): Promise<void> {
    await this.#worker?.terminate();
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
