import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanBlobIds } from "../../src/core/git-blobs.ts";

let root: string;
const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" } }).trim();
function put(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tidings-blobs-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("cleanBlobIds", () => {
  it("gives each committed, unchanged file under the folders its blob id, and none to edited, untracked or other folders' files", () => {
    git("init", "-q", "-b", "main");
    put("content/a b.jpg", "photo a");
    put("content/deep/é.png", "photo é");
    put("content/edited.jpg", "before");
    put("public/logo.png", "logo");
    git("add", "-A");
    git("commit", "-q", "-m", "photos");
    put("content/edited.jpg", "after");
    put("content/new.jpg", "not yet added");

    const blobs = cleanBlobIds(root, ["content"]);

    expect([...blobs.keys()].sort()).toEqual(["content/a b.jpg", "content/deep/é.png"]);
    expect(blobs.get("content/a b.jpg")).toBe(git("hash-object", "content/a b.jpg"));
    expect(blobs.get("content/deep/é.png")).toBe(git("hash-object", "content/deep/é.png"));
  });

  it("keeps a file's blob id through a fresh clone, where every file has a new modification time", () => {
    git("init", "-q", "-b", "main");
    put("content/a.jpg", "photo a");
    git("add", "-A");
    git("commit", "-q", "-m", "photo");
    const clone = path.join(root, "clone");
    execFileSync("git", ["clone", "-q", root, clone]);
    expect(cleanBlobIds(clone, ["content"])).toEqual(cleanBlobIds(root, ["content"]));
  });

  it("is empty outside a git repository, and for no folders", () => {
    put("content/a.jpg", "photo a");
    expect(cleanBlobIds(root, ["content"]).size).toBe(0);
    expect(cleanBlobIds(process.cwd(), []).size).toBe(0);
  });
});
