import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles } from "../../src/core/files.ts";
import type { IntactOutput } from "../../src/publish/output-manifest.ts";
import { OutputPatch } from "../../src/publish/output-patch.ts";
import { completeStaging, patchIntoPlace } from "../../src/publish/staging.ts";

let root: string;
let output: string;
let staging: string;
let store: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tidings-patch-"));
  output = path.join(root, "_site");
  staging = path.join(root, "_site.staging-1-a");
  store = path.join(root, "store");
  for (const folder of [output, staging, store]) mkdirSync(folder);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(folder: string, file: string, text: string): string {
  const full = path.join(folder, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const relativeFiles = (folder: string) => listFiles(folder).map((file) => path.relative(folder, file));

// The output as the last build recorded it: every file with its size and time, and what pages and shards were made from.
function recorded(folder: string, sources: Record<string, string> = {}): IntactOutput {
  const files: Record<string, [number, number]> = {};
  for (const file of relativeFiles(folder)) {
    const stats = statSync(path.join(folder, file));
    files[file] = [stats.size, stats.mtimeMs];
  }
  return { key: "last", pages: 0, files, sources };
}

describe("OutputPatch", () => {
  it("keeps a page, and every file of a shard's folder, that the last build made from the same key", () => {
    put(output, "a/index.html", "<p>a</p>");
    put(output, "b/index.html", "<p>b</p>");
    put(output, "pagefind/shard-1/index/x.pf_index", "x");
    put(output, "pagefind/shard-1/fragment/y.pf_fragment", "y");
    put(output, "pagefind/shard-10/index/z.pf_index", "z");
    const patch = new OutputPatch(
      staging,
      output,
      recorded(output, { [path.join("a", "index.html")]: "key-a", [path.join("b", "index.html")]: "key-b", [path.join("pagefind", "shard-1")]: "shard-key" }),
    );
    expect(patch.hasSource(path.join(staging, "a", "index.html"), "key-a")).toBe(true);
    expect(patch.hasSource(path.join(staging, "b", "index.html"), "another key")).toBe(false);
    expect(patch.hasSource(path.join(staging, "c", "index.html"), "key-a")).toBe(false);
    expect(patch.hasSource(path.join(staging, "pagefind", "shard-1"), "shard-key")).toBe(true);
    expect(patch.hasSource(path.join(staging, "pagefind", "shard-10"), "shard-key")).toBe(false);
    expect([...patch.kept].sort()).toEqual(
      [path.join("a", "index.html"), path.join("pagefind", "shard-1", "fragment", "y.pf_fragment"), path.join("pagefind", "shard-1", "index", "x.pf_index")].sort(),
    );
  });


  it("keeps a file the previous output holds as a link to the same stored file, not a copy of it", () => {
    const stored = put(store, "page-a", "<p>a</p>");
    mkdirSync(path.join(output, "a"));
    linkSync(stored, path.join(output, "a", "index.html"));
    put(output, "b/index.html", "<p>a</p>");
    const patch = new OutputPatch(staging, output, recorded(output));
    expect(patch.hasLink(stored, path.join(staging, "a", "index.html"))).toBe(true);
    expect(patch.hasLink(stored, path.join(staging, "b", "index.html"))).toBe(false);
    expect(patch.hasLink(stored, path.join(staging, "c", "index.html"))).toBe(false);
    expect([...patch.kept]).toEqual([path.join("a", "index.html")]);
  });

  it("keeps a file with exactly the same bytes, and not one that differs by a byte or is missing", () => {
    put(output, "feed.xml", "<rss>one</rss>");
    put(output, "sitemap.xml", "<urlset>one</urlset>");
    const patch = new OutputPatch(staging, output, recorded(output));
    expect(patch.hasBytes("<rss>one</rss>", path.join(staging, "feed.xml"))).toBe(true);
    expect(patch.hasBytes("<urlset>onf</urlset>", path.join(staging, "sitemap.xml"))).toBe(false);
    expect(patch.hasBytes(Buffer.from("x"), path.join(staging, "robots.txt"))).toBe(false);
    expect([...patch.kept]).toEqual(["feed.xml"]);
  });
});

describe("patchIntoPlace", () => {
  it("keeps what is kept as it is, deletes what is gone with the folders it empties, and renames in what changed", () => {
    const kept = put(output, "a/index.html", "<p>a</p>");
    put(output, "2026/01/gone/index.html", "<p>gone</p>");
    put(output, "2026/01/stays/index.html", "<p>stays</p>");
    put(output, "c/index.html", "<p>old c</p>");
    const keptBefore = statSync(kept);
    put(staging, "c/index.html", "<p>new c</p>");
    put(staging, "d/e/index.html", "<p>new d</p>");
    const previous = relativeFiles(output);
    const keep = new Set([path.join("a", "index.html"), path.join("2026", "01", "stays", "index.html")]);

    const written = patchIntoPlace(staging, output, previous, keep);

    expect(written?.sort()).toEqual([path.join("c", "index.html"), path.join("d", "e", "index.html")]);
    expect(relativeFiles(output).sort()).toEqual(
      [path.join("2026", "01", "stays", "index.html"), path.join("a", "index.html"), path.join("c", "index.html"), path.join("d", "e", "index.html")].sort(),
    );
    expect(existsSync(path.join(output, "2026", "01", "gone"))).toBe(false);
    expect(readFileSync(path.join(output, "c", "index.html"), "utf8")).toBe("<p>new c</p>");
    const keptAfter = statSync(kept);
    expect([keptAfter.ino, keptAfter.mtimeMs]).toEqual([keptBefore.ino, keptBefore.mtimeMs]);
    expect(existsSync(staging)).toBe(false);
  });

  it("changes nothing and declines when a file would go where a folder stays, and the completed staging folder holds the whole output", () => {
    put(output, "x/index.html", "<p>x</p>");
    put(output, "y.html", "<p>y</p>");
    put(staging, "x", "a file where a folder is");
    const previous = relativeFiles(output);
    const keep = new Set([path.join("x", "index.html"), "y.html"]);

    expect(patchIntoPlace(staging, output, previous, keep)).toBeUndefined();
    expect(relativeFiles(output).sort()).toEqual([path.join("x", "index.html"), "y.html"]);
    expect(relativeFiles(staging)).toEqual(["x"]);

    rmSync(path.join(staging, "x"));
    completeStaging(staging, output, keep);
    expect(relativeFiles(staging).sort()).toEqual([path.join("x", "index.html"), "y.html"]);
    expect(statSync(path.join(staging, "y.html")).ino).toBe(statSync(path.join(output, "y.html")).ino);
  });

  it("declines when a folder is needed where a kept file is", () => {
    put(output, "z", "a file");
    put(staging, "z/index.html", "<p>z</p>");
    expect(patchIntoPlace(staging, output, ["z"], new Set(["z"]))).toBeUndefined();
    expect(readFileSync(path.join(output, "z"), "utf8")).toBe("a file");
  });

  it("replaces a file that is gone with a folder of the same name", () => {
    put(output, "z", "a file");
    put(staging, "z/index.html", "<p>z</p>");
    expect(patchIntoPlace(staging, output, ["z"], new Set())).toEqual([path.join("z", "index.html")]);
    expect(readFileSync(path.join(output, "z", "index.html"), "utf8")).toBe("<p>z</p>");
  });
});
