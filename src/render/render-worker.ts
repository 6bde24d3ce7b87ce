// A worker thread of `renderInParallel`: claims jobs from the shared counter one at a time and
// posts each result with its index, so the order of results never depends on thread timing.
import { workerData, type MessagePort } from "node:worker_threads";
import { renderJob, type RenderJob } from "./render-job.ts";

const { jobs, state, port } = workerData as { jobs: RenderJob[]; state: Int32Array; port: MessagePort };

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
