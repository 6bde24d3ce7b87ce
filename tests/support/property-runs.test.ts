import { describe, expect, it } from "vitest";
import { buildPropertyParameters } from "./property-runs.ts";

describe("buildPropertyParameters", () => {
  it("runs the given number of times from a fixed seed, stopping at the first failure, when the environment says nothing", () => {
    const first = buildPropertyParameters(3, {});
    expect(first).toMatchObject({ numRuns: 3, endOnFailure: true });
    expect(Number.isInteger(first.seed)).toBe(true);
    expect(buildPropertyParameters(5, {}).seed).toBe(first.seed);
    expect(buildPropertyParameters(3, { TIDINGS_PROPERTY_RUNS: "" }).numRuns).toBe(3);
  });

  it("takes the run count and the seed from TIDINGS_PROPERTY_RUNS and TIDINGS_PROPERTY_SEED", () => {
    expect(buildPropertyParameters(3, { TIDINGS_PROPERTY_RUNS: "40", TIDINGS_PROPERTY_SEED: "-7" })).toMatchObject({ numRuns: 40, seed: -7 });
  });

  it("refuses a run count or seed that is not a whole number, and fewer than one run", () => {
    expect(() => buildPropertyParameters(3, { TIDINGS_PROPERTY_RUNS: "ten" })).toThrow('TIDINGS_PROPERTY_RUNS must be a whole number, got "ten"');
    expect(() => buildPropertyParameters(3, { TIDINGS_PROPERTY_RUNS: "0" })).toThrow("at least 1");
    expect(() => buildPropertyParameters(3, { TIDINGS_PROPERTY_SEED: "1.5" })).toThrow("TIDINGS_PROPERTY_SEED must be a whole number");
  });
});
