import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageStore } from "../../src/publish/page-store.ts";
import { recordOutput } from "../../src/publish/output-manifest.ts";
import { OutputReadying, readyOutput, reconcile } from "../../src/publish/ready-output.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-ready-output-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const KEY_A = "a".repeat(64);
const KEY_B = "b".repeat(64);
const KEY_C = "c".repeat(64);

// A store in its own folder holding a page for each key, with the text `<p>key's letter</p>`.
function storeWith(name: string, keys: string[]): string {
  const dir = path.join(folder, name, "store");
  const store = new PageStore(dir);
  for (const key of keys) {
    const written = path.join(folder, name, "written", `${key[0]}.html`);
    mkdirSync(path.dirname(written), { recursive: true });
    writeFileSync(written, `<p>${key[0]}</p>`);
    store.keep(key, written);
  }
  return dir;
}

// Every file under a folder, relative, sorted.
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

// A record of a last build whose output folder is gone, naming these pages (file → key).
function recordWithout(name: string, pages: [string, string][]): { cacheDir: string; outputDir: string } {
  const cacheDir = path.join(folder, name, "cache");
  const outputDir = path.join(folder, name, "_site");
  mkdirSync(outputDir, { recursive: true });
  recordOutput(cacheDir, outputDir, { key: "k", pages: pages.length, sources: Object.fromEntries(pages) });
  rmSync(outputDir, { recursive: true });
  return { cacheDir, outputDir };
}

describe("readyOutput", () => {
  it("without the previous output, places each of its stored pages, and leaves out one that is not stored or no longer matches its digest", () => {
    const storeDir = storeWith("place", [KEY_A, KEY_B]);
    // Changed behind the store's back (an output page edited in place changes its stored link).
    const stored = path.join(storeDir, "bb", readdirSync(path.join(storeDir, "bb"))[0] ?? "");
    appendFileSync(stored, "edited");
    const staging = path.join(folder, "place", "staging");
    const pages: [string, string][] = [
      [path.join("2026", "a", "index.html"), KEY_A],
      [path.join("2026", "b", "index.html"), KEY_B],
      [path.join("c", "index.html"), KEY_C],
      // A search shard's folder and its bundle's key: not a page.
      [path.join("pagefind", "shard-1"), KEY_A],
    ];
    const result = readyOutput({ ...recordWithout("place", pages), storeDir, staging });
    expect(result).toEqual({ previous: undefined, placed: [[path.join("2026", "a", "index.html"), KEY_A]], damaged: 1 });
    expect(filesIn(staging)).toEqual([path.join("2026", "a", "index.html")]);
    expect(readFileSync(path.join(staging, "2026", "a", "index.html"), "utf8")).toBe("<p>a</p>");
  });

  it("with the previous output as its record has it, places nothing and returns it to be patched", () => {
    const storeDir = storeWith("intact", [KEY_A]);
    const cacheDir = path.join(folder, "intact", "cache");
    const outputDir = path.join(folder, "intact", "_site");
    mkdirSync(path.join(outputDir, "a"), { recursive: true });
    writeFileSync(path.join(outputDir, "a", "index.html"), "<p>a</p>");
    recordOutput(cacheDir, outputDir, { key: "last", pages: 1, sources: { [path.join("a", "index.html")]: KEY_A } });
    const staging = path.join(folder, "intact", "staging");
    const result = readyOutput({ cacheDir, outputDir, storeDir, staging });
    expect(result.previous?.key).toBe("last");
    expect(result.placed).toEqual([]);
    expect(existsSync(staging)).toBe(false);
  });
});

describe("reconcile", () => {
  it("keeps the pages whose key is still the one at their file, and removes the rest with the folders they leave empty", () => {
    const staging = path.join(folder, "reconcile");
    const placed = new Map([
      [path.join("2026", "kept", "index.html"), KEY_A],
      [path.join("2026", "changed", "index.html"), KEY_B],
      [path.join("2025", "gone", "index.html"), KEY_C],
    ]);
    for (const file of placed.keys()) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), "placed");
    }
    const kept = reconcile(staging, placed, [
      { file: path.join("2026", "kept", "index.html"), key: KEY_A },
      { file: path.join("2026", "changed", "index.html"), key: KEY_C },
      { file: path.join("new", "index.html"), key: KEY_B },
    ]);
    expect([...kept]).toEqual([path.join("2026", "kept", "index.html")]);
    expect(filesIn(staging)).toEqual([path.join("2026", "kept", "index.html")]);
    // The removed pages' folders went with them; a folder that still holds a page stays.
    expect(existsSync(path.join(staging, "2025"))).toBe(false);
    expect(existsSync(path.join(staging, "2026", "changed"))).toBe(false);
    expect(existsSync(path.join(staging, "2026"))).toBe(true);
  });
});

describe("OutputReadying", () => {
  it("places the pages in a thread of its own, into a staging folder beside the output that settle removes when the build left it", async () => {
    const storeDir = storeWith("thread", [KEY_A, KEY_B]);
    const { cacheDir, outputDir } = recordWithout("thread", [
      ["a/index.html", KEY_A],
      ["b/index.html", KEY_B],
    ]);
    const readying = OutputReadying.start(cacheDir, outputDir, storeDir);
    expect(path.dirname(readying.staging)).toBe(path.dirname(outputDir));
    const { previous, placed, damaged } = await readying.ready();
    expect(previous).toBeUndefined();
    expect([...placed]).toEqual([["a/index.html", KEY_A], ["b/index.html", KEY_B]]);
    expect(damaged).toBe(0);
    expect(filesIn(readying.staging)).toEqual([path.join("a", "index.html"), path.join("b", "index.html")]);
    await readying.settle();
    expect(existsSync(readying.staging)).toBe(false);
  });

  it("stops a thread still at work, and leaves no staging folder behind", async () => {
    const keys = Array.from({ length: 300 }, (_, index) => index.toString(16).padStart(64, "0"));
    const storeDir = storeWith("stopped", keys);
    const { cacheDir, outputDir } = recordWithout(
      "stopped",
      keys.map((key, index) => [`${index}/index.html`, key]),
    );
    const readying = OutputReadying.start(cacheDir, outputDir, storeDir);
    await readying.settle();
    expect(existsSync(readying.staging)).toBe(false);
    expect(readdirSync(path.join(folder, "stopped")).filter((name) => name.startsWith("_site."))).toEqual([]);
  });
});
