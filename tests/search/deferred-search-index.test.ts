import { describe, expect, it } from "vitest";
import { DeferredSearchIndex } from "../../src/search/deferred-search-index.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake indexer that records its runs and how many overlapped. */
function recorder(durationMs: number) {
  const runs: string[] = [];
  let active = 0;
  let mostAtOnce = 0;
  const write = async (siteDir: string) => {
    active++;
    mostAtOnce = Math.max(mostAtOnce, active);
    runs.push(siteDir);
    await sleep(durationMs);
    active--;
  };
  return { runs, write, mostAtOnce: () => mostAtOnce };
}

describe("DeferredSearchIndex", () => {
  it("writes once after a burst of rebuilds, not after each", async () => {
    const { runs, write } = recorder(5);
    const index = new DeferredSearchIndex(40, write);
    for (let rebuild = 0; rebuild < 5; rebuild++) {
      index.request("site");
      await sleep(10);
    }
    expect(runs).toEqual([]);
    await index.settled();
    expect(runs).toEqual(["site"]);
  });

  it("waits while a rebuild runs, and writes after it", async () => {
    const { runs, write } = recorder(5);
    const index = new DeferredSearchIndex(20, write);
    index.request("site");
    index.postpone();
    await sleep(60);
    expect(runs).toEqual([]);
    index.request("site");
    await index.settled();
    expect(runs).toEqual(["site"]);
  });

  it("never runs two writes at once, and runs again for a request made during a write", async () => {
    const { runs, write, mostAtOnce } = recorder(80);
    const index = new DeferredSearchIndex(5, write);
    index.request("first");
    await sleep(30);
    index.request("second");
    await index.settled();
    expect(runs).toEqual(["first", "second"]);
    expect(mostAtOnce()).toBe(1);
  });

  it("keeps going after a failed write", async () => {
    const runs: string[] = [];
    const index = new DeferredSearchIndex(5, async (siteDir) => {
      runs.push(siteDir);
      if (runs.length === 1) throw new Error("Pagefind failed");
    });
    index.request("a");
    await index.settled();
    index.request("b");
    await index.settled();
    expect(runs).toEqual(["a", "b"]);
  });
});
