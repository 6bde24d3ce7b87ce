import { appendFileSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, CACHE_DIR, type BuildResult } from "../../src/build.ts";
import { CACHE_FILE } from "../../src/cache/content-cache.ts";
import { DAMAGED_CACHE } from "../../src/cache/damaged-cache.ts";
import { listFiles } from "../../src/core/files.ts";
import { copyFixture, readPage } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

/** Every output file and its bytes, by path. */
function snapshot(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((file) => [path.relative(folder, file), readFileSync(file).toString("base64")]));
}

async function built(root: string, options: { cache?: boolean; outputDir?: string } = {}): Promise<BuildResult> {
  const result = await build({ root, now: NOW, ...options });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  return result;
}

const damageWarnings = (result: BuildResult) => result.diagnostics.filter((diagnostic) => diagnostic.code === DAMAGED_CACHE).map((diagnostic) => diagnostic.file);

describe("a damaged build cache", () => {
  it("is never published: each damaged part is made again, the output equals a cold build, and each part is named once", async () => {
    const root = copyFixture("newsroom");
    const cold = snapshot((await built(root, { cache: false, outputDir: "_cold" })).outputDir);
    const first = await built(root);
    expect(damageWarnings(first)).toEqual([]);
    const cache = path.join(root, CACHE_DIR);

    // One byte inside a stored headline of the content cache (its framing intact).
    const contentCache = path.join(cache, CACHE_FILE);
    const bytes = readFileSync(contentCache);
    // (V8 writes a string one byte a character where it can, else as UTF-16.)
    const at = Math.max(bytes.indexOf(Buffer.from("Third story", "latin1")), bytes.indexOf(Buffer.from("Third story", "utf16le")));
    expect(at).toBeGreaterThan(0);
    bytes[at] = "B".charCodeAt(0);
    writeFileSync(contentCache, bytes);
    // A line added to a published page (which once shared its file with the page store).
    appendFileSync(path.join(root, "_site", "index.html"), "<p>added to the output by hand</p>");
    // A stored page cut short.
    const storedPages = listFiles(path.join(cache, "pages"));
    truncateSync(storedPages[0] ?? "", 10);
    // A search index fragment deleted from its kept bundle.
    const fragments = listFiles(path.join(cache, "search")).filter((file) => file.includes(`${path.sep}fragment${path.sep}`));
    expect(fragments.length).toBeGreaterThan(0);
    rmSync(fragments[0] ?? "");
    // And a kept bundle's word list (every build failed on it, blaming npm ci).
    const wordLists = listFiles(path.join(cache, "search")).filter((file) => path.basename(file) === "vocabulary.txt");
    expect(wordLists.length).toBeGreaterThan(0);
    rmSync(wordLists[0] ?? "");
    // A resized photo cut short.
    const resized = readdirSync(path.join(cache, "images")).filter((name) => name.endsWith(".webp"));
    expect(resized.length).toBeGreaterThan(0);
    truncateSync(path.join(cache, "images", resized[0] ?? ""), 100);

    rmSync(path.join(root, "_site"), { recursive: true });
    const repaired = await built(root);
    expect(snapshot(repaired.outputDir)).toEqual(cold);
    expect(readPage(repaired.outputDir, "/").text()).not.toContain("added to the output by hand");
    expect(damageWarnings(repaired).sort()).toEqual([`${CACHE_DIR}/${CACHE_FILE}`, `${CACHE_DIR}/images`, `${CACHE_DIR}/pages`, `${CACHE_DIR}/search`]);

    // Repaired for good: the next build from the cache finds nothing to warn about, and is still right.
    rmSync(path.join(root, "_site"), { recursive: true });
    const next = await built(root);
    expect(damageWarnings(next)).toEqual([]);
    expect(snapshot(next.outputDir)).toEqual(cold);
  });
});
