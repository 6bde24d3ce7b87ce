import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeScratchFolder, removeScratch } from "../../src/core/scratch-folder.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tidings-scratch-test-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("makeScratchFolder", () => {
  it("makes a new empty folder on the memory file system when it has room", () => {
    const memory = path.join(root, "memory");
    mkdirSync(memory);
    const first = makeScratchFolder({ fallback: path.join(root, "disk"), bytes: 1024, memory });
    const second = makeScratchFolder({ fallback: path.join(root, "disk"), bytes: 1024, memory });
    expect(path.dirname(first)).toBe(memory);
    expect(second).not.toBe(first);
    expect(readdirSync(first)).toEqual([]);
    expect(existsSync(path.join(root, "disk"))).toBe(false);
  });

  it("falls back to the folder on disk, made if missing, when there is no memory file system", () => {
    const fallback = path.join(root, "cache", "search");
    const folder = makeScratchFolder({ fallback, bytes: 1024, memory: path.join(root, "none") });
    expect(path.dirname(folder)).toBe(fallback);
  });

  it("falls back when the memory file system has less than twice the room asked for", () => {
    const memory = path.join(root, "memory");
    mkdirSync(memory);
    const folder = makeScratchFolder({ fallback: path.join(root, "disk"), bytes: Number.MAX_SAFE_INTEGER / 4, memory });
    expect(path.dirname(folder)).toBe(path.join(root, "disk"));
  });

  it("removes the folders of processes that ended without removing theirs, and leaves running ones' alone", () => {
    const memory = path.join(root, "memory");
    mkdirSync(memory);
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const abandoned = path.join(memory, `tidings-scratch-${ended.stdout}-abc123`);
    const running = path.join(memory, `tidings-scratch-${process.ppid}-def456`);
    const unrelated = path.join(memory, "someone-elses");
    for (const folder of [abandoned, running, unrelated]) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, "index.html"), "<p>left behind</p>");
    }
    const folder = makeScratchFolder({ fallback: path.join(root, "disk"), bytes: 1024, memory });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    removeScratch(folder);
    expect(existsSync(folder)).toBe(false);
  });
});
