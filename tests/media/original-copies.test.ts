import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { originalCopy, pruneOriginalCopies } from "../../src/media/original-copies.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-original-copies-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const cacheDir = path.join(folder, "cache");

describe("originalCopy", () => {
  it("copies an original into the cache once per size and modification time, as a file of its own", () => {
    const source = path.join(folder, "Flood.JPG");
    writeFileSync(source, "original bytes");
    const stamp = { size: 14, mtimeMs: 1_000 };
    const copy = originalCopy(cacheDir, source, stamp);
    expect(path.extname(copy)).toBe(".jpg");
    expect(readFileSync(copy, "utf8")).toBe("original bytes");
    expect(statSync(copy).ino).not.toBe(statSync(source).ino);
    // Made once: the same version is not copied again (the source's new bytes are not read).
    writeFileSync(source, "changed bytes!");
    expect(originalCopy(cacheDir, source, stamp)).toBe(copy);
    expect(readFileSync(copy, "utf8")).toBe("original bytes");
    const changed = originalCopy(cacheDir, source, { size: 14, mtimeMs: 2_000 });
    expect(changed).not.toBe(copy);
    expect(readFileSync(changed, "utf8")).toBe("changed bytes!");
  });

  it("deletes the copies a build no longer uses", () => {
    const source = path.join(folder, "kept.png");
    writeFileSync(source, "kept");
    const kept = originalCopy(cacheDir, source, { size: 4, mtimeMs: 5 });
    pruneOriginalCopies(cacheDir, new Set([kept]));
    expect(readdirSync(path.dirname(kept))).toEqual([path.basename(kept)]);
  });
});
