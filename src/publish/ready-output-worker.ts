// The thread of OutputReadying: checks the previous output, or places the last build's pages, then posts what it found.
import { parentPort, workerData } from "node:worker_threads";
import { readyOutput, type ReadyJob } from "./ready-output.ts";

const port = parentPort;
if (port) port.postMessage(readyOutput(workerData as ReadyJob));
