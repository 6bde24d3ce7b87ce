import type { Parameters } from "fast-check";

// A fixed seed, so a property test that builds sites tries the same cases on every machine and a
// failure seen in CI is seen again locally; fast-check prints the seed and path of a failing case.
const DEFAULT_SEED = 20261127;

/**
 * fast-check settings for the property tests that build sites: `TIDINGS_PROPERTY_RUNS` runs (else
 * `defaultRuns`, kept small for CI time) from `TIDINGS_PROPERTY_SEED` (else a fixed seed), ending
 * at the first failure (shrinking would rebuild the site dozens of times).
 */
export function buildPropertyParameters(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): Parameters<unknown> {
  return {
    numRuns: positiveInteger(env["TIDINGS_PROPERTY_RUNS"], "TIDINGS_PROPERTY_RUNS") ?? defaultRuns,
    seed: integer(env["TIDINGS_PROPERTY_SEED"], "TIDINGS_PROPERTY_SEED") ?? DEFAULT_SEED,
    endOnFailure: true,
  };
}

// A mistyped variable must not quietly run the default: the run would look like the one asked for.
function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  const number = integer(value, name);
  if (number !== undefined && number < 1) throw new Error(`${name} must be at least 1, got "${value}"`);
  return number;
}
