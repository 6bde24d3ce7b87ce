import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Below this much live-and-dead heap, collecting by hand is not worth its pause.
const THRESHOLD_BYTES = 256 * 2 ** 20;

let collect: (() => void) | undefined;

/**
 * Run a full garbage collection between the build's large steps when the heap is big. V8 grows
 * its heap lazily, so the content cache dropped after loading and each Eleventy run's pages would
 * otherwise stay resident until the heap reached its limit: the build's peak memory would follow
 * V8's growth heuristics rather than what the build needs at once.
 */
export function releaseMemory(): void {
  if (process.memoryUsage().heapUsed < THRESHOLD_BYTES) return;
  if (!collect) {
    // The documented way to reach `gc` without starting Node with --expose-gc.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
