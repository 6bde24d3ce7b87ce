import lighthouse, { type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

/** The four categories the quality bar asks 100 in. */
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

// Runs per page; the median one is judged. Five is what Lighthouse's variability guide suggests
// for a median that a noisy machine (a shared CI runner) moves little.
const RUNS = 5;

/** What the median of a page's Lighthouse runs scored, and what each run's performance was. */
export interface MedianAudit {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Every scored audit that is not perfect, so a failure says what to fix (a category can round to 100 with one of them at 0.99). */
  shortfalls: string[];
  metrics: Record<string, number>;
  performanceOfEachRun: number[];
  benchmarkIndex: number;
  runtimeErrors: unknown[];
}

/** One Lighthouse 12 run of `url` in the Chromium listening on `port`, with the default (mobile) settings and no full-page screenshot. */
export async function lighthouseRun(url: string, port: number): Promise<Result> {
  // The full-page screenshot only illustrates a report (it is taken after the trace and scores
  // nothing); leaving it out saves about 1.4 s a run.
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES], disableFullPageScreenshot: true });
  if (!result?.lhr) throw new Error("Lighthouse returned no result");
  return result.lhr;
}

/**
 * Lighthouse's own advice on variability: run several times and judge the median run (its
 * computeMedianRun: the run nearest the median first paint and time to interactive). On a 2-core
 * machine, Chromium's own unattributed tasks can block the main thread for hundreds of
 * milliseconds when another process takes the CPU; the pages' own work is about 100 ms (style and
 * layout, HTML parsing), with no script.
 */
export async function medianAudit(url: string, port: number): Promise<MedianAudit> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await lighthouseRun(url, port));
  const lhr: Result = computeMedianRun(runs);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as MedianAudit["scores"];
  const shortfalls = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}/${ref.id}: ${lhr.audits[ref.id]?.score} ${lhr.audits[ref.id]?.displayValue ?? ""}`.trim()),
  );
  return {
    scores,
    shortfalls,
    metrics: Object.fromEntries(METRICS.map((id) => [id, Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000])),
    performanceOfEachRun: runs.map((run) => Math.round((run.categories["performance"]?.score ?? 0) * 100)),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    runtimeErrors: runs.flatMap((run) => (run.runtimeError === undefined ? [] : [run.runtimeError])),
  };
}

/** The scores the quality bar asks for. */
export const PERFECT = { performance: 100, accessibility: 100, "best-practices": 100, seo: 100 };
