import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { hashInputFiles } from "../../src/cache/input-files.ts";
import { listFiles } from "../../src/core/files.ts";

let root: string;
const env = { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" };
const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { env });
const content = () => path.join(root, "content");
const inputs = () => ({ folders: [content()], files: [] });
const cache = () => path.join(root, ".cache");

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tidings-inputs-"));
  mkdirSync(path.join(root, "content", "images"), { recursive: true });
  writeFileSync(path.join(root, "content", "story.md"), "---\ntitle: A story\n---\nText.\n");
  // Photos past the size that makes the hash ask git: 3 × 8 MB.
  for (const name of ["a.jpg", "b.jpg", "c.jpg"]) writeFileSync(path.join(root, "content", "images", name), Buffer.alloc(8 * 1024 * 1024, name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What a fresh checkout does to the files: every modification time new, the bytes the same (git's index made for them). */
function freshCheckout(secondsAgo: number): void {
  const later = Math.floor(Date.now() / 1000) - secondsAgo;
  for (const file of listFiles(content())) utimesSync(file, later, later);
  git("update-index", "-q", "--refresh");
}

describe("hashInputFiles", () => {
  it("changes when a file's bytes change, and not when only its time does", () => {
    const first = hashInputFiles(inputs(), cache()).hash;
    writeFileSync(path.join(content(), "story.md"), "---\ntitle: Another story\n---\nText.\n");
    const edited = hashInputFiles(inputs(), cache()).hash;
    expect(edited).not.toBe(first);
    const later = Date.now() / 1000 - 60;
    utimesSync(path.join(content(), "story.md"), later, later);
    expect(hashInputFiles(inputs(), cache()).hash).toBe(edited);
  });

  it("knows committed files by their git blob ids after a fresh checkout, reading none of them", () => {
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "content");
    const first = hashInputFiles(inputs(), cache(), root).hash;
    freshCheckout(60);
    expect(hashInputFiles(inputs(), cache(), root).hash).toBe(first);
    // What it remembered of each file: the blob id git has, not a hash of bytes it read.
    const memo = JSON.parse(readFileSync(path.join(cache(), "input-files.json"), "utf8")) as Record<string, [number, number, string]>;
    for (const name of ["story.md", "images/a.jpg", "images/b.jpg", "images/c.jpg"]) {
      expect(memo[path.join(content(), name)]?.[2]).toBe(`git ${git("hash-object", path.join("content", name)).toString().trim()}`);
    }
  });

  it("gives the SHA-256 of the bytes of every file it read or knew from a read, and none for a file known by its blob id", () => {
    const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
    const all = listFiles(content());
    const read = hashInputFiles(inputs(), cache());
    expect([...read.digests.keys()].sort()).toEqual([...all].sort());
    for (const file of all) expect(read.digests.get(file)).toBe(sha256(file));
    // Known from the memo (nothing read again): the same digests.
    const later = Date.now() / 1000 - 60;
    for (const file of all) utimesSync(file, later, later);
    hashInputFiles(inputs(), cache());
    expect(hashInputFiles(inputs(), cache()).digests).toEqual(read.digests);
    // After a fresh checkout of a repository with much to read, files are known by blob id: no digest of their bytes.
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "content");
    freshCheckout(60);
    expect(hashInputFiles(inputs(), path.join(root, ".cache-fresh"), root).digests.size).toBe(0);
  });

  it("reads every file outside a git repository, and when there is little to read", () => {
    hashInputFiles(inputs(), cache(), root).hash;
    const memo = JSON.parse(readFileSync(path.join(cache(), "input-files.json"), "utf8")) as Record<string, [number, number, string]>;
    expect(Object.values(memo).every(([, , digest]) => /^[0-9a-f]{64}$/.test(digest))).toBe(true);
  });

  it("still reads a photo edited since the last commit, so its new bytes change the hash", () => {
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "content");
    freshCheckout(60);
    const committed = hashInputFiles(inputs(), path.join(root, ".cache-1"), root).hash;
    writeFileSync(path.join(content(), "images", "b.jpg"), Buffer.alloc(8 * 1024 * 1024, "other"));
    freshCheckout(30);
    expect(hashInputFiles(inputs(), path.join(root, ".cache-2"), root).hash).not.toBe(committed);
  });
});
