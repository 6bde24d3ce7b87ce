// The worker thread of writeSearchIndex: runs one IndexJob, posting its progress and then its
// result. In a thread of its own, the back-and-forth with Pagefind's process goes on while the
// build's main thread renders pages, which would otherwise hold its replies until a pause.
import { parentPort, workerData } from "node:worker_threads";
import { indexShards, type IndexJob } from "./index-shards.ts";

const port = parentPort;
if (port) {
  indexShards(workerData as IndexJob, (done, total) => port.postMessage({ progress: [done, total] })).then(
    (result) => port.postMessage({ result }),
    (cause: unknown) => port.postMessage({ error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) }),
  );
}
