import { describe, expect, it } from "vitest";
import { formatDuration, isWorthALine, progressLine } from "../src/progress-line.ts";

const step = (done: number, total = 134) => ({ task: "Resizing photos", done, total });

describe("progressLine", () => {
  it("says done/total and the share done, and the time left at the pace so far", () => {
    expect(progressLine(step(0), 0)).toBe("Resizing photos 0/134 (0 %)");
    // 12 photos in 4.8 s is 0.4 s each: 122 left take about 49 s.
    expect(progressLine(step(12), 4_800)).toBe("Resizing photos 12/134 (8 %), about 49 s left");
    expect(progressLine(step(1, 5000), 400)).toBe("Resizing photos 1/5000 (0 %), about 33 min 20 s left");
    expect(progressLine(step(134), 50_000)).toBe("Resizing photos 134/134 (100 %)");
  });
});

describe("formatDuration", () => {
  it("says a duration as people do", () => {
    expect([400, 1_000, 59_400, 60_000, 200_000, 3_600_000, 3_900_000].map(formatDuration)).toEqual([
      "under 1 s",
      "1 s",
      "59 s",
      "1 min",
      "3 min 20 s",
      "1 h",
      "1 h 5 min",
    ]);
  });
});

describe("isWorthALine", () => {
  it("prints the start and the end, and at most every ten seconds between", () => {
    expect(isWorthALine(step(0), 0, undefined)).toBe(true);
    expect(isWorthALine(step(5), 3_000, { task: "Resizing photos", at: 0 })).toBe(false);
    expect(isWorthALine(step(40), 10_000, { task: "Resizing photos", at: 0 })).toBe(true);
    expect(isWorthALine(step(5), 3_000, { task: "Rendering pages", at: 0 })).toBe(true);
    expect(isWorthALine(step(134), 1, { task: "Resizing photos", at: 0 })).toBe(true);
  });
});
