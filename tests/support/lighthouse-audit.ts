import lighthouse, { type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { CATEGORIES, categoryScore, medianScores, perfectWhateverFollows, shortfalls, type CategoryScores } from "./lighthouse-scores.ts";

const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

// Runs per page; each category's median score is judged. Five is what Lighthouse's variability
// guide suggests for a median that a noisy machine (a shared CI runner) moves little. The runs
// stop once three are perfect in every category: the median of five is then 100 whatever the
// other two score.
const RUNS = 5;

/** Each category's median score over a page's Lighthouse runs, and what each run's performance was. */
export interface MedianAudit {
  scores: CategoryScores;
  /** Every scored audit that is not perfect in some run, so a failure says what to fix (a category can round to 100 with one of them at 0.99). */
  shortfalls: string[];
  /** The metrics of the run Lighthouse's computeMedianRun picks (nearest the median paint timings), for the record. */
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
 * Lighthouse's own advice on variability: run several times and judge the median, here each
 * category's median score (see medianScores), stopping early once that median is settled at 100. On a 2-core machine, Chromium's own unattributed
 * tasks can block the main thread for hundreds of milliseconds when another process takes the
 * CPU; the pages' own work is about 100 ms (style and layout, HTML parsing), with no script.
 */
export async function medianAudit(url: string, port: number): Promise<MedianAudit> {
  const runs: Result[] = [];
  while (runs.length < RUNS && !perfectWhateverFollows(runs, RUNS)) runs.push(await lighthouseRun(url, port));
  const lhr: Result = computeMedianRun(runs);
  return {
    scores: medianScores(runs),
    shortfalls: shortfalls(runs),
    metrics: Object.fromEntries(METRICS.map((id) => [id, Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000])),
    performanceOfEachRun: runs.map((run) => categoryScore(run, "performance")),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    runtimeErrors: runs.flatMap((run) => (run.runtimeError === undefined ? [] : [run.runtimeError])),
  };
}

/** The scores the quality bar asks for. */
export const PERFECT = { performance: 100, accessibility: 100, "best-practices": 100, seo: 100 };
