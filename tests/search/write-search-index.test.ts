import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/core/files.ts";
import type { SearchDocument } from "../../src/search/search-documents.ts";
import { writeSearchIndex } from "../../src/search/write-search-index.ts";
import { htmlDocument } from "../support/html-body.ts";

const folder = mkdtempSync(path.join(os.tmpdir(), "tidings-search-index-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Shards of 10: 34 articles are two blocks of 10 and a recent shard of 14.
const SIZES = [10];
const WORDS = ["river", "flood", "council", "bridge", "school", "budget", "market", "library", "station", "harbour"];

function documents(count: number): SearchDocument[] {
  return Array.from({ length: count }, (_, number) =>
    htmlDocument({
      url: `/2026/01/${String(number).padStart(2, "0")}/story/`,
      publishedMs: Date.UTC(2026, 0, 1) + number * 3_600_000,
      html: () =>
        `<!doctype html><html lang="en"><body><article data-pagefind-body><h1 data-pagefind-meta="title">Story ${number}</h1>` +
        `<p>${WORDS[number % WORDS.length]} ${WORDS[(number * 3) % WORDS.length]} word${number}.</p></article></body></html>`,
    }),
  );
}

// Every file of a search bundle with its bytes, by path.
function bundleFiles(site: string): Map<string, string> {
  const bundle = path.join(site, "pagefind");
  return new Map(listFiles(bundle).map((file) => [path.relative(bundle, file), readFileSync(file).toString("base64")]));
}

describe("writeSearchIndex with kept bundles", () => {
  it("links the kept shards in the indexing thread, and indexes again one whose bundle fails its seal there, with the same result", async () => {
    const cacheDir = path.join(folder, "cache");
    const corpus = documents(34);
    const first = await writeSearchIndex(path.join(folder, "first"), corpus, { language: "en", sizes: SIZES, cacheDir, code: "test" });
    expect(first.indexedShards).toEqual(["10-0", "10-10", "recent", "vocabulary"]);

    // A fragment gone from one kept shard's bundle, its word list intact: the build's thread
    // reads the words and leaves the bundle to the indexing thread, which finds the damage.
    const damagedKey = first.sources[path.join("pagefind", "shard-10-0")] ?? "";
    const fragments = path.join(cacheDir, damagedKey, "fragment");
    rmSync(path.join(fragments, readdirSync(fragments)[0] ?? ""));

    const again = await writeSearchIndex(path.join(folder, "again"), corpus, { language: "en", sizes: SIZES, cacheDir, code: "test" });
    expect(again.damaged).toBe(1);
    expect(again.indexedShards).toEqual(["10-0"]);
    expect(bundleFiles(path.join(folder, "again"))).toEqual(bundleFiles(path.join(folder, "first")));

    // Repaired: the next one links every shard and indexes nothing.
    const third = await writeSearchIndex(path.join(folder, "third"), corpus, { language: "en", sizes: SIZES, cacheDir, code: "test" });
    expect(third).toMatchObject({ damaged: 0, indexedShards: [] });
    expect(bundleFiles(path.join(folder, "third"))).toEqual(bundleFiles(path.join(folder, "first")));
  }, 60_000);
});
