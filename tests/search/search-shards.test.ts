import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SearchDocument } from "../../src/search/search-documents.ts";
import { planShards, SHARD_SIZES } from "../../src/search/search-shards.ts";
import { htmlDocument } from "../support/html-body.ts";

const documents = (count: number, from = 0): SearchDocument[] =>
  Array.from({ length: count }, (_, number) => htmlDocument({ url: `/a/${from + number}/`, publishedMs: (from + number) * 1000, html: () => `<p>${from + number}</p>` }));

const ids = (count: number, sizes?: readonly number[]) => planShards(documents(count), sizes).map((shard) => `${shard.id}:${shard.documents.length}`);

describe("planShards", () => {
  it("keeps the newest articles (at least the smallest size) in the recent shard, and fills full blocks of each size from the oldest", () => {
    expect(ids(0)).toEqual([]);
    expect(ids(249)).toEqual(["recent:249"]);
    expect(ids(499)).toEqual(["recent:499"]);
    expect(ids(500)).toEqual(["250-0:250", "recent:250"]);
    expect(ids(4_001)).toEqual(["2000-0:2000", ...Array.from({ length: 7 }, (_, block) => `250-${2000 + block * 250}:250`), "recent:251"]);
    expect(ids(4_250)).toEqual(["2000-0:2000", "2000-2000:2000", "recent:250"]);
    expect(ids(100_000)).toHaveLength(6 + 1 + 7 + 1);
  });

  it("orders by publication time, then address, whatever order the site lists them in", () => {
    const same = [
      htmlDocument({ url: "/b/", publishedMs: 5, html: () => "" }),
      htmlDocument({ url: "/a/", publishedMs: 5, html: () => "" }),
      htmlDocument({ url: "/c/", publishedMs: 1, html: () => "" }),
    ];
    expect(planShards(same, [1]).map((shard) => shard.documents.map((document) => document.url))).toEqual([["/c/"], ["/a/"], ["/b/"]]);
  });

  it("keeps every article exactly once, in order; a new article changes the recent shard only, unless a block closes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.constantFrom([40, 10], [2000, 250], [16, 4, 2]), (count, sizes) => {
        const smallest = sizes.at(-1) ?? 1;
        const before = planShards(documents(count), sizes);
        expect(before.flatMap((shard) => shard.documents.map((document) => document.url))).toEqual(documents(count).map((document) => document.url));
        for (const shard of before) if (shard.id !== "recent") expect(sizes).toContain(shard.documents.length);
        const recent = before.find((shard) => shard.id === "recent")?.documents.length ?? 0;
        expect(recent).toBeLessThan(2 * smallest);
        expect(recent).toBeGreaterThanOrEqual(Math.min(count, smallest));
        const after = planShards([...documents(count), ...documents(1, count)], sizes);
        const closed = (shards: typeof before) => shards.filter((shard) => shard.id !== "recent").map((shard) => ({ id: shard.id, urls: shard.documents.map((document) => document.url) }));
        const covered = (shards: typeof before) => closed(shards).reduce((sum, shard) => sum + shard.urls.length, 0);
        if (covered(after) === covered(before)) expect(closed(after)).toEqual(closed(before));
        else expect(covered(after)).toBe(covered(before) + smallest);
      }),
      { numRuns: 300 },
    );
  });
});
