import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { describe, expect, it } from "vitest";
import { median, medianScores, perfectWhateverFollows, shortfalls, type ScoredRun } from "./lighthouse-scores.ts";

/** A run with these scores (0–1) and paint timings, and one imperfect audit when `blocking` is given. */
function run(scores: { performance: number; accessibility?: number }, paintMs: number, blocking?: number): ScoredRun {
  const audits: Record<string, unknown> = {
    "first-contentful-paint": { id: "first-contentful-paint", score: 1, numericValue: paintMs },
    interactive: { id: "interactive", score: 1, numericValue: paintMs + 100 },
    "total-blocking-time": { id: "total-blocking-time", score: blocking ?? 1, displayValue: blocking === undefined ? "0 ms" : "130 ms" },
    "screenshot-thumbnails": { id: "screenshot-thumbnails", score: null },
  };
  const category = (score: number, auditRefs: { id: string; weight: number }[]) => ({ score, auditRefs });
  return {
    categories: {
      performance: category(scores.performance, [
        { id: "total-blocking-time", weight: 30 },
        { id: "screenshot-thumbnails", weight: 0 },
      ]),
      accessibility: category(scores.accessibility ?? 1, []),
      "best-practices": category(1, []),
      seo: category(1, []),
    },
    audits,
  } as unknown as ScoredRun;
}

describe("median", () => {
  it("is the middle value of an odd count, whatever the order", () => {
    expect(median([100, 92, 100, 99, 100])).toBe(100);
    expect(median([99, 100, 99, 100, 99])).toBe(99);
    expect(median([7])).toBe(7);
  });

  it("is the lower middle value of an even count: a tie between 100 and 99 is not 100", () => {
    expect(median([100, 99])).toBe(99);
    expect(median([100, 100, 98, 99])).toBe(99);
  });

  it("refuses no values", () => {
    expect(() => median([])).toThrow();
  });
});

describe("medianScores", () => {
  it("judges the median of each category's scores, not the run Lighthouse's computeMedianRun picks by paint timing", () => {
    // The run with the middle paint timings had its blocking time inflated (99); the four others scored 100.
    const runs = [run({ performance: 1 }, 900), run({ performance: 1 }, 1000), run({ performance: 0.99 }, 1100, 0.97), run({ performance: 1 }, 1200), run({ performance: 1 }, 1300)];
    expect(computeMedianRun(runs as never)).toBe(runs[2]);
    expect(medianScores(runs)).toEqual({ performance: 100, accessibility: 100, "best-practices": 100, seo: 100 });
    // And the other way round: one perfect run among imperfect ones does not pass.
    const mostlyShort = [run({ performance: 0.99 }, 900), run({ performance: 0.98 }, 1000), run({ performance: 1 }, 1100), run({ performance: 0.99 }, 1200), run({ performance: 1 }, 1300)];
    expect(computeMedianRun(mostlyShort as never)).toBe(mostlyShort[2]);
    expect(medianScores(mostlyShort).performance).toBe(99);
  });

  it("takes each category's median on its own, rounding each run's score to a whole number first", () => {
    const runs = [run({ performance: 1, accessibility: 0.9 }, 900), run({ performance: 0.9, accessibility: 1 }, 1000), run({ performance: 0.996, accessibility: 0.994 }, 1100)];
    expect(medianScores(runs)).toEqual({ performance: 100, accessibility: 99, "best-practices": 100, seo: 100 });
  });

  it("counts a category Lighthouse could not score as 0", () => {
    const unscored = run({ performance: 1 }, 900);
    (unscored.categories as Record<string, { score: number | null }>)["seo"] = { score: null, auditRefs: [] } as never;
    expect(medianScores([unscored]).seo).toBe(0);
  });
});

describe("perfectWhateverFollows", () => {
  const perfect = (paintMs: number) => run({ performance: 1 }, paintMs);
  const short = (paintMs: number) => run({ performance: 0.99 }, paintMs, 0.97);

  it("is settled once more than half of the planned runs are perfect in every category", () => {
    expect(perfectWhateverFollows([], 5)).toBe(false);
    expect(perfectWhateverFollows([perfect(900), perfect(1000)], 5)).toBe(false);
    expect(perfectWhateverFollows([perfect(900), perfect(1000), perfect(1100)], 5)).toBe(true);
    expect(perfectWhateverFollows([perfect(900), short(1000), perfect(1100), perfect(1200)], 5)).toBe(true);
  });

  it("waits while any category has too few perfect runs", () => {
    const inaccessible = run({ performance: 1, accessibility: 0.99 }, 1000);
    expect(perfectWhateverFollows([perfect(900), inaccessible, perfect(1100)], 5)).toBe(false);
    expect(perfectWhateverFollows([perfect(900), short(1000), perfect(1100)], 5)).toBe(false);
  });

  it("gives the verdict all the planned runs would: whatever the rest score, their median is perfect", () => {
    const settled = [perfect(900), short(1000), perfect(1100), perfect(1200)];
    expect(perfectWhateverFollows(settled, 5)).toBe(true);
    expect(medianScores([...settled, short(1300)])).toEqual({ performance: 100, accessibility: 100, "best-practices": 100, seo: 100 });
    expect(medianScores(settled)).toEqual({ performance: 100, accessibility: 100, "best-practices": 100, seo: 100 });
  });
});

describe("shortfalls", () => {
  it("names every weighted audit short of perfect, with the runs it fell short in, and nothing else", () => {
    const runs = [run({ performance: 1 }, 900), run({ performance: 0.99 }, 1000, 0.97), run({ performance: 0.99 }, 1100, 0.96)];
    expect(shortfalls(runs)).toEqual(["performance/total-blocking-time (run 2: 0.97 130 ms; run 3: 0.96 130 ms)"]);
    expect(shortfalls([run({ performance: 1 }, 900)])).toEqual([]);
  });
});
