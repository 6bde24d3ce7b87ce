// A worker thread of `renderInParallel`: loads the pipeline, waits for its one batch of jobs,
// claims them from the shared counter one at a time and posts each result with its index, so the
// order of results never depends on thread timing.
import { workerData, type MessagePort } from "node:worker_threads";
import { renderJob, type RenderJob } from "./render-job.ts";

const { port } = workerData as { port: MessagePort };
port.once("message", ({ jobs, state }: { jobs: RenderJob[]; state: Int32Array }) => renderClaimed(jobs, state));

function renderClaimed(jobs: RenderJob[], state: Int32Array): void {
  for (let index = Atomics.add(state, 0, 1); index < jobs.length; index = Atomics.add(state, 0, 1)) {
    const job = jobs[index];
    if (!job) break;
    try {
      port.postMessage({ index, body: renderJob(job) });
    } catch (cause) {
      port.postMessage({ index, error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) });
    }
    // Wake the main thread, which may be waiting for results.
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
  port.close();
}
