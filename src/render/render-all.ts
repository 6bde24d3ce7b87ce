import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { ContentCache } from "../cache/content-cache.ts";
import { releaseMemory } from "../core/release-memory.ts";
import { workerEntry } from "../core/worker-entry.ts";
import { renderCacheKey } from "./render-markdown.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { entryValidator, type EntryOutcome } from "../content/validate-entry.ts";
import type { RawEntry } from "../content/load-files.ts";
import type { SchemaOptions } from "../content/schemas.ts";
import { canPack, packJobs, packTexts, unpackJob, type PackedJobs, type PackedTexts } from "./packed-jobs.ts";
import { readsSameAddresses, renderJob, toRenderOptions, type RenderedJob, type RenderJob, type RenderRequest } from "./render-job.ts";
import { bodyFacts, deferredBody, knownBody, type BodyHtml, type BodyParts } from "../model/body-html.ts";

/**
 * Below this many bodies to render, one thread is faster: starting a worker (loading the pipeline
 * into a fresh V8 isolate) costs about as much as rendering a few hundred news articles.
 */
export const MIN_JOBS_FOR_WORKERS = 400;

// Renders between two full collections on the main thread: parsing leaves garbage that V8 would
// otherwise collect only when the heap nears its limit, making the peak far above what is live.
const COLLECT_EVERY = 4000;

// Old-generation heap of a render worker: room for the jobs (their bodies stay in shared memory:
// see PackedJobs) and the addresses of a site of several hundred thousand articles, and a parse.
const WORKER_HEAP_MB = 384;

// Bodies longer than this (long reads: transcripts, reports) are rendered on the main thread: a
// parse takes about 100 bytes of heap per byte of Markdown, so a few MB would pass a worker's cap
// and kill it, and the build would wait STALL_MS before rendering it here anyway.
const MAIN_THREAD_BODY_CHARS = 512 * 1024;

// A worker that posts nothing for this long is presumed dead; the main thread renders what it left.
const STALL_MS = 30_000;

/** How to render. */
export interface RenderAllOptions {
  /** Where finished renders are looked up and stored; none means render everything. */
  cache?: ContentCache | undefined;
  /** Threads to use, main thread included; default: the `TIDINGS_THREADS` variable, else every core. */
  threads?: number | undefined;
  /** Workers started earlier (see `startRenderWorkers`); renderAll uses them if it needs workers, and stops them either way. */
  workers?: RenderWorkers | undefined;
  /** Told how many of the bodies that were not in the cache are rendered, as they finish. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Gives the body of a request without one (`body` undefined: left unread by the loader, or held by the caller) when it must be rendered: the body, or why it cannot be had. */
  readBody?: ((index: number) => { ok: true; body: string } | { ok: false; diagnostics: Diagnostic[] }) | undefined;
}

/** The threads a render uses, main thread included: the `TIDINGS_THREADS` variable, else every core. */
export function renderThreads(): number {
  return Number(process.env["TIDINGS_THREADS"]) || availableParallelism();
}

/** A rendered body as renderAll gives it: its HTML made when asked (read from the cache only then). */
export type RenderedContent = Omit<RenderedJob, "parts" | "facts"> & { html: BodyHtml };

// What the cache keeps of a body besides its HTML (kept apart, deferred: see ContentCache.setDeferred).
type RenderedFacts = Omit<RenderedJob, "parts">;

/**
 * Render every job, in order: bodies found in the cache are reused (no parsing at all) when the
 * addresses of the content files they link to are unchanged, their HTML read from the cache only
 * when it is asked for; the rest are rendered (across worker threads when there are enough of
 * them) and stored in the cache. A body remembered by its file's digest needs no text; one that
 * must be rendered is asked of `readBody` when its request has none, so a caller can hand over its
 * last reference to each text.
 */
export function renderAll(requests: readonly RenderRequest[], options: RenderAllOptions = {}): RenderedContent[] {
  const { cache } = options;
  const results: (RenderedContent | undefined)[] = new Array(requests.length);
  const keys = requests.map((request) =>
    cache ? renderCacheKey(request.digest !== undefined ? { fileDigest: request.digest } : (request.body ?? ""), toRenderOptions(request)) : "",
  );
  const jobs: (RenderJob | undefined)[] = new Array(requests.length);
  const missing: number[] = [];
  requests.forEach((request, index) => {
    const hit = cache?.get<RenderedFacts>(`body:${keys[index]}`);
    const html = hit && cache?.getDeferred<BodyParts>(`html:${keys[index]}`);
    if (hit && html && readsSameAddresses(hit, request.context.addresses)) {
      const { facts, ...rest } = hit;
      results[index] = { ...rest, html: deferredBody(facts, html) };
      return;
    }
    let body = request.body;
    if (body === undefined) {
      const read = options.readBody?.(index);
      if (read === undefined) throw new Error(`no body to render for ${request.file}`);
      if (!read.ok) {
        results[index] = unreadable(read.diagnostics);
        return;
      }
      body = read.body;
    }
    jobs[index] = { body, file: request.file, bodyLine: request.bodyLine, context: request.context };
    missing.push(index);
  });
  const threads = options.threads ?? renderThreads();
  const onMain = missing.filter((index) => !sharable((jobs[index] as RenderJob).body));
  const shared = onMain.length === 0 ? missing : missing.filter((index) => sharable((jobs[index] as RenderJob).body));
  const total = missing.length;
  let rendered: RenderedJob[];
  if (threads > 1 && shared.length >= MIN_JOBS_FOR_WORKERS) {
    const packed = packJobs(shared.map((index) => jobs[index] as RenderJob));
    // The packed bytes are the only copy of these bodies the render needs: the strings are let go
    // (a caller's `readBody` can hand over its last reference), so a large site's texts are not
    // held twice, and mostly at two bytes a character, while they render.
    for (const index of shared) jobs[index] = undefined;
    rendered = renderInParallel(packed, options.workers ?? startRenderWorkers(threads - 1), options.onProgress && ((done) => options.onProgress?.(done, total)));
  } else {
    options.workers?.stop();
    rendered = shared.map((jobIndex, index) => {
      const job = jobs[jobIndex] as RenderJob;
      if (index > 0 && index % COLLECT_EVERY === 0) releaseMemory();
      const body = renderJob(job);
      options.onProgress?.(index + 1, total);
      return body;
    });
  }
  onMain.forEach((index, position) => {
    rendered.push(renderJob(jobs[index] as RenderJob));
    options.onProgress?.(shared.length + position + 1, total);
  });
  [...shared, ...onMain].forEach((index, position) => {
    const { parts, facts, ...rest } = rendered[position] as RenderedJob;
    results[index] = { ...rest, html: knownBody(parts, facts) };
    cache?.set(`body:${keys[index]}`, { ...rest, facts } satisfies RenderedFacts);
    cache?.setDeferred(`html:${keys[index]}`, parts);
  });
  return results as RenderedContent[];
}

// Whether a worker may be given a text (a body, or a file to validate): not a long read (see MAIN_THREAD_BODY_CHARS), and one packing keeps as it is.
function sharable(text: string): boolean {
  return text.length <= MAIN_THREAD_BODY_CHARS && canPack(text);
}

// In place of a body that could not be read again: nothing to show, and the problem (the build stops on it).
function unreadable(diagnostics: Diagnostic[]): RenderedContent {
  return { html: knownBody([""], bodyFacts([""])), updates: [], firstParagraph: "", wordCount: 0, links: [], images: [], ids: [], diagnostics, addressesRead: [] };
}

/** Which of a worker's batches an answer belongs to, so a late answer to one is never taken for another's. */
export type Batch = "validate" | "render";

/** What a worker is posted: the front matter to validate (see validateInParallel), then the bodies to render; each with the counter its items are claimed from. */
export type WorkerBatch = { validate: ValidateBatch; state: Int32Array } | { packed: PackedJobs; state: Int32Array };

/** Entries to validate, their texts in shared memory: each entry's kind and names, and the options the rules are built for. */
export interface ValidateBatch {
  texts: PackedTexts;
  entries: Omit<RawEntry, "source">[];
  options: SchemaOptions;
}

/** A worker's answer for one item it claimed: its result, or the error that stopped it. */
export interface WorkerAnswer {
  batch: Batch;
  index: number;
  value?: unknown;
  error?: string;
}

/** How `RenderWorkers.share` reports and names its items. */
interface ShareOptions {
  /** The file an item is of, for the error a worker's failure is reported as. */
  fileOf: (index: number) => string;
  /** Told how many items are done, as they finish. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called after each item done on this thread, with how many it has done. */
  afterEach?: ((doneHere: number) => void) | undefined;
}

/**
 * Render worker threads, started before their jobs are known so that loading the pipeline into
 * each fresh V8 isolate (over a second on a busy machine) overlaps the main thread's own work.
 * They validate front matter too, when asked before the bodies are rendered.
 */
export class RenderWorkers {
  readonly #workers: { worker: Worker; port: MessagePort }[] = [];
  #received = 0;

  /** Start `count` workers; each waits for its batches. */
  constructor(count: number) {
    const bootstrap = workerEntry(import.meta.url, "render-worker");
    for (let started = 0; started < count; started++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(bootstrap, {
        workerData: { port: port2 },
        transferList: [port2],
        execArgv: [],
        // A worker's heap holds the jobs and one parse at a time; a cap makes it collect early
        // instead of growing until the build's peak memory doubles.
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      // A worker that cannot start claims nothing; its share is done by the others.
      worker.on("error", () => undefined);
      worker.unref();
      this.#workers.push({ worker, port: port1 });
    }
  }

  /** Post every worker a batch: its items in shared memory (one copy for all) and the shared counter they claim them from. */
  post(batch: WorkerBatch): void {
    for (const { port } of this.#workers) port.postMessage(batch);
  }

  /** How many answers the workers have posted so far. */
  get received(): number {
    return this.#received;
  }

  /** Take the answers the workers have posted so far, without waiting. */
  *messages(): Generator<WorkerAnswer> {
    for (const { port } of this.#workers) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        this.#received++;
        yield message.message as WorkerAnswer;
      }
    }
  }

  /**
   * Do `count` items on this thread (`here`) and on the workers, posted `batch` with a fresh
   * counter: every thread claims the next item from it until none are left, so the order of the
   * answers never depends on thread timing. Synchronous: this thread waits with Atomics.wait and
   * reads answers with receiveMessageOnPort, so callers need not be async. An item a worker
   * claimed and never answered (it died, or posted nothing for STALL_MS) is done here.
   */
  share<T>(kind: Batch, count: number, batch: (state: Int32Array) => WorkerBatch, here: (index: number) => T, options: ShareOptions): T[] {
    const results: (T | undefined)[] = new Array(count);
    const answered = new Uint8Array(count);
    // state[0]: the next item to claim; state[1]: how many answers the workers have posted.
    const state = new Int32Array(new SharedArrayBuffer(8));
    this.post(batch(state));
    let done = 0;
    let doneHere = 0;
    const collect = () => {
      for (const message of this.messages()) {
        if (message.batch !== kind) continue;
        const { index, value, error } = message;
        if (error !== undefined) throw new Error(`${kind === "render" ? "rendering" : "validating"} ${options.fileOf(index)} failed in a worker: ${error}`);
        if (answered[index] === 0) done++;
        answered[index] = 1;
        results[index] = value as T;
      }
      options.onProgress?.(done, count);
    };
    for (let index = Atomics.add(state, 0, 1); index < count; index = Atomics.add(state, 0, 1)) {
      results[index] = here(index);
      answered[index] = 1;
      done++;
      collect();
      options.afterEach?.(++doneHere);
    }
    let lastProgress = performance.now();
    while (done < count) {
      const posted = Atomics.load(state, 1);
      const before = done;
      collect();
      if (done > before) lastProgress = performance.now();
      else if (performance.now() - lastProgress > STALL_MS) break;
      if (done < count) Atomics.wait(state, 1, posted, 100);
    }
    // Anything still missing was claimed by a worker that died: done here.
    for (let index = 0; index < count; index++) if (answered[index] === 0) results[index] = here(index);
    return results as T[];
  }

  /** Stop every worker. */
  stop(): void {
    for (const { worker, port } of this.#workers) {
      port.close();
      void worker.terminate();
    }
  }
}

/** Start `count` render workers ahead of their jobs (see RenderWorkers). */
export function startRenderWorkers(count: number): RenderWorkers {
  return new RenderWorkers(count);
}

/**
 * Render jobs on the main thread and the given workers, which take the next job from a shared
 * counter until none are left (RenderWorkers.share); the workers are stopped afterwards.
 */
export function renderInParallel(packed: PackedJobs, workers: RenderWorkers, onProgress?: (done: number, total: number) => void): RenderedJob[] {
  const bytes = Buffer.from(packed.bodies.bytes);
  try {
    return workers.share("render", packed.jobs.length, (state) => ({ packed, state }), (index) => renderJob(unpackJob(packed, index, bytes)), {
      fileOf: (index) => packed.jobs[index]?.file ?? "a file",
      onProgress,
      afterEach: (doneHere) => {
        if (doneHere % COLLECT_EVERY === 0) releaseMemory();
      },
    });
  } finally {
    workers.stop();
  }
}

/**
 * Validate entries' front matter on the main thread and the given workers (validateEntries'
 * `validateEach`), which then wait for the bodies to render: a cold build's front matter is
 * parsed on every core instead of on one while the others wait. The texts go to the workers once,
 * in shared memory; a long read, or a text UTF-8 cannot carry exactly, is validated here.
 */
export function validateInParallel(entries: readonly RawEntry[], options: SchemaOptions, workers: RenderWorkers): EntryOutcome[] {
  const validate = entryValidator(options);
  const shared: number[] = [];
  const onMain: number[] = [];
  entries.forEach((entry, index) => (sharable(entry.source ?? "") ? shared : onMain).push(index));
  const outcomes: EntryOutcome[] = new Array(entries.length);
  if (shared.length > 0) {
    const texts = packTexts(shared.map((index) => (entries[index] as RawEntry).source ?? ""));
    const sharedEntries = shared.map((index) => {
      const { source: _source, ...entry } = entries[index] as RawEntry;
      return entry;
    });
    const validated = workers.share<EntryOutcome>(
      "validate",
      shared.length,
      (state) => ({ validate: { texts, entries: sharedEntries, options }, state }),
      // This thread has the texts as they were read: nothing to decode.
      (position) => validate(entries[shared[position] as number] as RawEntry),
      { fileOf: (position) => sharedEntries[position]?.file ?? "a file" },
    );
    shared.forEach((index, position) => (outcomes[index] = validated[position] as EntryOutcome));
  }
  for (const index of onMain) outcomes[index] = validate(entries[index] as RawEntry);
  return outcomes;
}
