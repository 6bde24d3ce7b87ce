import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SourceIndex } from "../../src/media/source-index.ts";

const root = mkdtempSync(path.join(tmpdir(), "tidings-source-index-"));
mkdirSync(path.join(root, "content"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const HEADER = { format: "jpeg", width: 2400, height: 1600, animated: false };

/** A source file with fixed bytes and modification time. */
function source(name: string, text = "photo bytes", mtime = 1_700_000_000): string {
  const file = path.join(root, "content", name);
  writeFileSync(file, text, { flag: "w" });
  utimesSync(file, mtime, mtime);
  return file;
}

describe("SourceIndex", () => {
  const cacheDir = path.join(root, "cache");
  it("remembers what a build learnt, in another build, while size and modification time are the same", () => {
    const file = source("a.jpg");
    const first = new SourceIndex(cacheDir, root);
    const stamp = first.stamp(file);
    if (!stamp) throw new Error("no stamp");
    expect(first.facts(file, stamp)).toEqual({});
    first.learn(file, stamp, { header: HEADER });
    first.learn(file, stamp, { hash: "abc" });
    const second = new SourceIndex(cacheDir, root);
    expect(second.facts(file, stamp)).toEqual({ header: HEADER, hash: "abc" });
  });

  it("knows a file by its git blob id when its modification time changed but its bytes did not (a fresh checkout)", () => {
    const file = source("fresh.jpg");
    const blobs = new Map([["content/fresh.jpg", "0123456789abcdef0123456789abcdef01234567"]]);
    const first = new SourceIndex(cacheDir, root, () => blobs);
    const stamp = first.stamp(file);
    if (!stamp) throw new Error("no stamp");
    first.learn(file, stamp, { header: HEADER, hash: "abc" });
    source("fresh.jpg", "photo bytes", 1_800_000_000);
    const checkedOut = new SourceIndex(cacheDir, root, () => blobs);
    const newStamp = checkedOut.stamp(file);
    if (!newStamp) throw new Error("no stamp");
    expect(checkedOut.facts(file, newStamp)).toEqual({ header: HEADER, hash: "abc" });
    // Known under the new time from then on, without git.
    expect(new SourceIndex(cacheDir, root).facts(file, newStamp)).toEqual({ header: HEADER, hash: "abc" });
    // Another blob (other bytes of the same size) is another file; and without git a new time is.
    expect(new SourceIndex(cacheDir, root, () => new Map([["content/fresh.jpg", "f".repeat(40)]])).facts(file, { ...newStamp, mtimeMs: 1 })).toEqual({});
    expect(new SourceIndex(cacheDir, root).facts(file, { ...newStamp, mtimeMs: 1 })).toEqual({});
  });

  it("asks git nothing while every file's stamp is the one remembered, and once for all files when one is not", () => {
    const file = source("steady.jpg");
    const blobs = new Map([["content/steady.jpg", "89abcdef0123456789abcdef0123456789abcdef"]]);
    let asked = 0;
    const askGit = () => {
      asked++;
      return blobs;
    };
    const first = new SourceIndex(cacheDir, root, askGit);
    const stamp = first.stamp(file);
    if (!stamp) throw new Error("no stamp");
    first.learn(file, stamp, { header: HEADER });
    expect(asked).toBe(1);
    const steady = new SourceIndex(cacheDir, root, askGit);
    expect(steady.facts(file, stamp)).toEqual({ header: HEADER });
    expect(steady.blob(file, stamp)).toBe(blobs.get("content/steady.jpg"));
    expect(asked).toBe(1);
    const moved = new SourceIndex(cacheDir, root, askGit);
    expect(moved.facts(file, { ...stamp, mtimeMs: stamp.mtimeMs + 1000 })).toEqual({ header: HEADER });
    expect(moved.blob(file, { ...stamp, mtimeMs: stamp.mtimeMs + 5000 })).toBe(blobs.get("content/steady.jpg"));
    expect(asked).toBe(2);
  });

  it("forgets a file whose size or modification time changed", () => {
    const file = source("b.jpg");
    const index = new SourceIndex(cacheDir, root);
    const stamp = index.stamp(file);
    if (!stamp) throw new Error("no stamp");
    index.learn(file, stamp, { hash: "abc" });
    source("b.jpg", "other bytes, longer");
    const resized = index.stamp(file);
    if (!resized) throw new Error("no stamp");
    expect(index.facts(file, resized)).toEqual({});
    source("b.jpg", "photo bytes", 1_700_000_100);
    const touched = index.stamp(file);
    if (!touched) throw new Error("no stamp");
    expect(index.facts(file, touched)).toEqual({});
  });

  it("keeps what it learnt before a build was stopped, and ignores a torn last line", () => {
    const folder = path.join(root, "cache-torn");
    const file = source("c.jpg");
    const index = new SourceIndex(folder, root);
    const stamp = index.stamp(file);
    if (!stamp) throw new Error("no stamp");
    index.learn(file, stamp, { hash: "abc" });
    // No save: the process died here, half-way through writing another line.
    appendFileSync(path.join(folder, "images", "sources.jsonl"), '{"file":"content/d.jpg","si');
    expect(new SourceIndex(folder, root).facts(file, stamp)).toEqual({ hash: "abc" });
  });

  it("saves only the files still used, one line each", () => {
    const folder = path.join(root, "cache-save");
    const kept = source("kept.jpg");
    const gone = source("gone.jpg");
    const index = new SourceIndex(folder, root);
    for (const file of [kept, gone, kept]) {
      const stamp = index.stamp(file);
      if (stamp) index.learn(file, stamp, { hash: path.basename(file) });
    }
    index.save([kept]);
    const lines = readFileSync(path.join(folder, "images", "sources.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { file: string }).file)).toEqual(["content/kept.jpg"]);
  });

  it("leaves the journal alone when it holds exactly the files used", () => {
    const folder = path.join(root, "cache-untouched");
    const file = source("same.jpg");
    const index = new SourceIndex(folder, root);
    const stamp = index.stamp(file);
    if (stamp) index.learn(file, stamp, { hash: "abc" });
    index.save([file]);
    const journal = path.join(folder, "images", "sources.jsonl");
    utimesSync(journal, 1_000, 1_000);
    new SourceIndex(folder, root).save([file]);
    expect(statSync(journal).mtimeMs).toBe(1_000_000);
    new SourceIndex(folder, root).save([]);
    expect(readFileSync(journal, "utf8")).toBe("");
  });

  it("has no stamp for a file that is not there", () => {
    expect(new SourceIndex(cacheDir, root).stamp(path.join(root, "content", "missing.jpg"))).toBeUndefined();
  });
});
