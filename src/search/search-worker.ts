// The worker thread of writeSearchIndex: runs one IndexJob, posting its progress and then its
// result. In a thread of its own, the back-and-forth with Pagefind's process goes on while the
// build's main thread renders pages, which would otherwise hold its replies until a pause.
import { parentPort, workerData } from "node:worker_threads";
import { indexShards, type IndexJob, type ShardDocuments } from "./index-shards.ts";

const port = parentPort;
if (port) {
  // A kept bundle found damaged here: its documents are asked of the build's thread, which has the model.
  const documentsFor = (id: string) =>
    new Promise<ShardDocuments>((resolve, reject) => {
      port.once("message", (message: { documents?: ShardDocuments; error?: string }) =>
        message.documents ? resolve(message.documents) : reject(new Error(message.error ?? `no documents for search shard ${id}`)),
      );
      port.postMessage({ documentsFor: id });
    });
  indexShards(workerData as IndexJob, (done, total) => port.postMessage({ progress: [done, total] }), documentsFor).then(
    (result) => port.postMessage({ result }),
    (cause: unknown) => port.postMessage({ error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) }),
  );
}
