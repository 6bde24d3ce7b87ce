// The thread of PlacingAhead: places the last build's pages from the page store, then posts what it placed.
import { parentPort, workerData } from "node:worker_threads";
import { placePages, type PlaceAheadJob } from "./place-ahead.ts";

const port = parentPort;
if (port) port.postMessage(placePages(workerData as PlaceAheadJob));
