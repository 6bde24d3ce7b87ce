import type { Result } from "lighthouse";

/** The four categories the quality bar asks 100 in. */
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** A category's score out of 100 per category. */
export type CategoryScores = Record<(typeof CATEGORIES)[number], number>;

/** What of a Lighthouse result the scores are judged from. */
export type ScoredRun = Pick<Result, "categories" | "audits">;

/**
 * The median of `values`: the middle one, or the lower of the two middle ones for an even count
 * (the gate asks 100, so a tie between a perfect and an imperfect run is not a pass).
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("the median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/** A run's score out of 100 in `category` (0 when Lighthouse could not score it). */
export function categoryScore(run: ScoredRun, category: (typeof CATEGORIES)[number]): number {
  return Math.round((run.categories[category]?.score ?? 0) * 100);
}

/**
 * Each category's median score over the runs. A single run that Lighthouse's computeMedianRun
 * picks (by paint timing) can be one whose blocking time another process inflated; the median of
 * the scores is what most runs agree on, category by category.
 */
export function medianScores(runs: readonly ScoredRun[]): CategoryScores {
  return Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => categoryScore(run, category)))])) as CategoryScores;
}

/**
 * Whether the median over `planned` runs is 100 in every category whatever the runs still to come
 * score: more than half of the planned runs are perfect in each category already. Stopping there
 * gives the same verdict as making every planned run.
 */
export function perfectWhateverFollows(runs: readonly ScoredRun[], planned: number): boolean {
  return CATEGORIES.every((category) => runs.filter((run) => categoryScore(run, category) === 100).length > planned / 2);
}

/** Every scored audit that is not perfect in some run, with the runs it fell short in, so a failure says what to fix. */
export function shortfalls(runs: readonly ScoredRun[]): string[] {
  const found = new Map<string, string[]>();
  runs.forEach((run, index) => {
    for (const category of CATEGORIES) {
      for (const ref of run.categories[category]?.auditRefs ?? []) {
        const audit = run.audits[ref.id];
        if (ref.weight === 0 || (audit?.score ?? 1) >= 1) continue;
        const key = `${category}/${ref.id}`;
        found.set(key, [...(found.get(key) ?? []), `run ${index + 1}: ${audit?.score} ${audit?.displayValue ?? ""}`.trim()]);
      }
    }
  });
  return [...found].map(([key, seen]) => `${key} (${seen.join("; ")})`);
}
