// A worker thread of RenderWorkers: loads the pipeline, then takes its batches in the order they
// come (front matter to validate, if the build shares that out, then the bodies to render). For
// each it claims items from the batch's shared counter one at a time and posts each answer with
// its index, so the order of results never depends on thread timing. The texts stay in shared
// memory; only the one being worked on is decoded into this thread's heap.
import { workerData, type MessagePort } from "node:worker_threads";
import { entryValidator } from "../content/validate-entry.ts";
import { unpackJob, unpackText } from "./packed-jobs.ts";
import type { Batch, ValidateBatch, WorkerAnswer, WorkerBatch } from "./render-all.ts";
import { renderJob } from "./render-job.ts";

const { port } = workerData as { port: MessagePort };
port.on("message", (batch: WorkerBatch) => {
  if ("validate" in batch) {
    validateClaimed(batch.validate, batch.state);
    return;
  }
  const bytes = Buffer.from(batch.packed.bodies.bytes);
  answerClaimed("render", batch.state, batch.packed.jobs.length, (index) => renderJob(unpackJob(batch.packed, index, bytes)));
  // Rendering is the last batch.
  port.close();
});

function validateClaimed({ texts, entries, options }: ValidateBatch, state: Int32Array): void {
  const validate = entryValidator(options);
  const view = Buffer.from(texts.bytes);
  answerClaimed("validate", state, entries.length, (index) => validate({ ...(entries[index] as ValidateBatch["entries"][number]), source: unpackText(texts, index, view) }));
}

function answerClaimed(batch: Batch, state: Int32Array, count: number, answer: (index: number) => unknown): void {
  for (let index = Atomics.add(state, 0, 1); index < count; index = Atomics.add(state, 0, 1)) {
    try {
      port.postMessage({ batch, index, value: answer(index) } satisfies WorkerAnswer);
    } catch (cause) {
      port.postMessage({ batch, index, error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) } satisfies WorkerAnswer);
    }
    // Wake the main thread, which may be waiting for answers.
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
}
