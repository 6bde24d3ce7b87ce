// A worker thread of `renderInParallel`: loads the pipeline, waits for its one batch of jobs,
// claims them from the shared counter one at a time and posts each result with its index, so the
// order of results never depends on thread timing. The bodies stay in shared memory; only the
// one being rendered is decoded into this thread's heap.
import { workerData, type MessagePort } from "node:worker_threads";
import { unpackJob, type PackedJobs } from "./packed-jobs.ts";
import { renderJob } from "./render-job.ts";

const { port } = workerData as { port: MessagePort };
port.once("message", ({ packed, state }: { packed: PackedJobs; state: Int32Array }) => renderClaimed(packed, state));

function renderClaimed(packed: PackedJobs, state: Int32Array): void {
  const bytes = Buffer.from(packed.bodies);
  for (let index = Atomics.add(state, 0, 1); index < packed.jobs.length; index = Atomics.add(state, 0, 1)) {
    try {
      port.postMessage({ index, body: renderJob(unpackJob(packed, index, bytes)) });
    } catch (cause) {
      port.postMessage({ index, error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) });
    }
    // Wake the main thread, which may be waiting for results.
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
  port.close();
}
