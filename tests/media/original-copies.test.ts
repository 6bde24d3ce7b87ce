import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeOriginalCopy, originalCopyPath, pruneOriginalCopies } from "../../src/media/original-copies.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-original-copies-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const cacheDir = path.join(folder, "cache");

describe("original copies", () => {
  it("names one copy per path, size and modification time, with the original's extension", () => {
    const stamp = { size: 14, mtimeMs: 1_000 };
    const copy = originalCopyPath(cacheDir, "/site/content/Flood.JPG", stamp);
    expect(path.extname(copy)).toBe(".jpg");
    expect(originalCopyPath(cacheDir, "/site/content/Flood.JPG", stamp)).toBe(copy);
    expect(originalCopyPath(cacheDir, "/site/content/Flood.JPG", { ...stamp, mtimeMs: 2_000 })).not.toBe(copy);
    expect(originalCopyPath(cacheDir, "/site/content/Other.JPG", stamp)).not.toBe(copy);
  });

  it("copies an original into the cache once, as a file of its own", async () => {
    const source = path.join(folder, "flood.jpg");
    writeFileSync(source, "original bytes");
    const copy = originalCopyPath(cacheDir, source, { size: 14, mtimeMs: 1_000 });
    await makeOriginalCopy(source, copy, 14);
    expect(readFileSync(copy, "utf8")).toBe("original bytes");
    expect(statSync(copy).ino).not.toBe(statSync(source).ino);
    // Made once: a copy that is there is not made again (the source is not read).
    writeFileSync(source, "changed bytes!");
    await makeOriginalCopy(source, copy, 14);
    expect(readFileSync(copy, "utf8")).toBe("original bytes");
    expect(readdirSync(path.dirname(copy)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("makes again a copy whose size is no longer the original's (cut short, or written to through the output)", async () => {
    const source = path.join(folder, "cut.jpg");
    writeFileSync(source, "original bytes");
    const copy = originalCopyPath(cacheDir, source, { size: 14, mtimeMs: 3_000 });
    await makeOriginalCopy(source, copy, 14);
    truncateSync(copy, 5);
    await makeOriginalCopy(source, copy, 14);
    expect(readFileSync(copy, "utf8")).toBe("original bytes");
  });

  it("deletes the copies a build no longer uses", async () => {
    const source = path.join(folder, "kept.png");
    writeFileSync(source, "kept");
    const kept = originalCopyPath(cacheDir, source, { size: 4, mtimeMs: 5 });
    await makeOriginalCopy(source, kept, 4);
    pruneOriginalCopies(cacheDir, new Set([kept]));
    expect(readdirSync(path.dirname(kept))).toEqual([path.basename(kept)]);
    expect(existsSync(kept)).toBe(true);
  });
});
