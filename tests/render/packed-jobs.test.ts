import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canPack, packJobs, unpackJob } from "../../src/render/packed-jobs.ts";
import type { RenderContext, RenderJob } from "../../src/render/render-job.ts";

const context: RenderContext = { siteHosts: ["news.example.org"], pathPrefix: "/", addresses: new Map(), resolverKey: "test" };
const job = (body: string, index = 0): RenderJob => ({ body, file: `content/articles/2026/story-${index}.md`, bodyLine: 3 + index, context });

describe("packJobs", () => {
  it("gives back every job as it was: bodies of any script, empty ones, and the shared context", () => {
    const jobs = ["“Quoted,” she said — café, 日本語, עברית, 🌊.", "", "Plain ASCII.\n\n## Heading\n", "x".repeat(70_000)].map(job);
    const packed = packJobs(jobs);
    expect(jobs.map((_, index) => unpackJob(packed, index))).toEqual(jobs);
    // The context is one object, as the worker's copy of the message keeps it.
    expect(unpackJob(packed, 0).context).toBe(unpackJob(packed, 3).context);
  });

  it("keeps each body whole, in UTF-8 one after another", () => {
    const packed = packJobs([job("é"), job("ab")]);
    expect(packed.bodies.bytes.byteLength).toBe(4);
    expect([...packed.bodies.ends]).toEqual([2, 4]);
  });

  it("round-trips any well-formed text, and says which text it cannot carry", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 20 }), (bodies) => {
        const jobs = bodies.map(job);
        expect(jobs.every((each) => canPack(each.body))).toBe(true);
        const packed = packJobs(jobs);
        expect(jobs.map((_, index) => unpackJob(packed, index).body)).toEqual(bodies);
      }),
    );
    expect(canPack("a lone surrogate \ud800 here")).toBe(false);
  });
});
