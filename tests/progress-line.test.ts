import { describe, expect, it } from "vitest";
import { formatProgress, progressLine } from "../src/progress-line.ts";

/** An output that records what was written, and a clock the test moves. */
function fakeOutput(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  return { output: { isTTY, write: (text: string) => writes.push(text) }, writes, clock: () => time, advance: (ms: number) => (time += ms) };
}

describe("formatProgress", () => {
  it("says what is being done, how far and the time left at the rate so far", () => {
    expect(formatProgress({ task: "Rendering pages", done: 1200, total: 6072 }, 3000)).toBe("Rendering pages: 1,200 of 6,072 (19%), about 12 s left");
    expect(formatProgress({ task: "Rendering pages", done: 6072, total: 6072 }, 9000)).toBe("Rendering pages: 6,072 of 6,072 (100%)");
    expect(formatProgress({ task: "Rendering articles", done: 1000, total: 100_000 }, 6000)).toBe("Rendering articles: 1,000 of 100,000 (1%), about 10 min left");
  });

  it("says how long a step that cannot count has been running", () => {
    expect(formatProgress({ task: "Indexing articles for search", done: 0, total: 4000 }, 2400)).toBe("Indexing articles for search (4,000): 2 s so far");
  });
});

describe("progressLine", () => {
  it("prints nothing for steps that end within a second", () => {
    const { output, writes, advance, clock } = fakeOutput(false);
    const line = progressLine(output, clock);
    for (let done = 0; done <= 10; done++) {
      line.onProgress({ task: "Rendering pages", done, total: 10 });
      advance(50);
    }
    line.finish();
    expect(writes).toEqual([]);
  });

  it("prints a line every few seconds to a log, not one per page", () => {
    const { output, writes, advance, clock } = fakeOutput(false);
    const line = progressLine(output, clock);
    for (let done = 0; done <= 1000; done++) {
      line.onProgress({ task: "Rendering articles", done, total: 1000 });
      advance(20);
    }
    line.finish();
    // 20 s of work: a line after the first second, then one every 5 s.
    expect(writes).toHaveLength(4);
    expect(writes.every((text) => text.endsWith("\n") && !text.includes("\r"))).toBe(true);
    expect(writes[0]).toMatch(/^Rendering articles: 5\d of 1,000 \(5%\), about 1\d s left\n$/);
  });

  it("keeps one line up to date in a terminal and clears it at the end", () => {
    const { output, writes, advance, clock } = fakeOutput(true);
    const line = progressLine(output, clock);
    for (let done = 0; done <= 100; done++) {
      line.onProgress({ task: "Rendering pages", done, total: 100 });
      advance(30);
    }
    line.finish();
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.every((text) => text.startsWith("\r\x1b[K") && !text.includes("\n"))).toBe(true);
    expect(writes.at(-2)).toBe("\r\x1b[KRendering pages: 100 of 100 (100%)");
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("shows a step that goes quiet again from a timer, so a long index does not look stuck", async () => {
    const { output, writes } = fakeOutput(false);
    let time = 0;
    const line = progressLine({ ...output, isTTY: true }, () => time);
    line.onProgress({ task: "Indexing articles for search", done: 0, total: 4000 });
    time = 2500;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    line.finish();
    expect(writes).toContain("\r\x1b[KIndexing articles for search (4,000): 3 s so far");
  });
});
