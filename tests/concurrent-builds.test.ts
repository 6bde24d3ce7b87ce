import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, CACHE_DIR } from "../src/build.ts";
import { acquireBuildLock } from "../src/publish/build-lock.ts";
import { listFiles } from "../src/core/files.ts";
import { copyFixture } from "./support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
const TSX = path.join(REPOSITORY, "node_modules", ".bin", "tsx");
const CLI = path.join(REPOSITORY, "src", "cli.ts");
const NOW = Date.UTC(2026, 10, 27, 12);

/** Every output file and its bytes (base64), by path. */
function snapshot(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((file) => [path.relative(folder, file), readFileSync(file).toString("base64")]));
}

/** A `tidings build` running in `root`: what it has printed on stderr so far, and its end. */
function cliBuild(root: string): { stderr: () => string; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(TSX, [CLI, "build"], { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once("close", (code) => resolve({ code, stderr })));
  return { stderr: () => stderr, done };
}

/** Resolves once `condition` holds, looking every 50 ms; rejects after `ms`. */
async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two builds in one folder at once", () => {
  it("run one after the other: each says it waits, both succeed, and the output is whole", async () => {
    const root = copyFixture("newsroom");
    // Held here until both builds are waiting, so they are sure to start at the same moment.
    const held = await acquireBuildLock(path.join(root, CACHE_DIR));
    const builds = [cliBuild(root), cliBuild(root)];
    await until(() => builds.every((running) => /Waiting for another build in this folder to finish \(process \d+/.test(running.stderr())), 60_000);
    held.release();
    for (const { code, stderr } of await Promise.all(builds.map((running) => running.done))) expect(code, stderr).toBe(0);
    const files = snapshot(path.join(root, "_site"));
    // Pagefind's filter index was missing from the output when two builds ran at once.
    expect([...files.keys()].some((file) => file.startsWith(`pagefind${path.sep}`) && file.includes(`${path.sep}filter${path.sep}`))).toBe(true);
    const cold = await build({ root, cache: false, outputDir: "_cold" });
    expect(cold.ok).toBe(true);
    // The CLI builds at the real time, the cold build too: same site, as nothing in the fixture is due in between.
    expect(files).toEqual(snapshot(cold.outputDir));
  });
});

describe("a build stopped between the two renames of its swap", () => {
  // The id of a process that has exited.
  const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

  it("leaves no output until the next build, which first puts the previous output back, even when it fails itself", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    expect(first.ok).toBe(true);
    const before = snapshot(first.outputDir);
    // What a kill between the swap's renames leaves: the old output set aside, the new one staged.
    const pid = deadPid();
    const stamp = Date.now().toString(36);
    renameSync(first.outputDir, `${first.outputDir}.old-${pid}-${stamp}`);
    mkdirSync(`${first.outputDir}.staging-${pid}-${stamp}`);
    writeFileSync(path.join(`${first.outputDir}.staging-${pid}-${stamp}`, "index.html"), "<p>half</p>");
    expect(existsSync(first.outputDir)).toBe(false);

    // A build with a content error writes nothing, but the site is back.
    const article = path.join(root, "content", "articles", "2026", "second-story.md");
    const text = readFileSync(article, "utf8");
    writeFileSync(article, text.replace(/^title: .*$/m, "title:"));
    const failed = await build({ root, now: NOW });
    expect(failed.ok).toBe(false);
    expect(snapshot(first.outputDir)).toEqual(before);

    // And the next good build finds it current.
    writeFileSync(article, text);
    const again = await build({ root, now: NOW });
    expect(again.ok).toBe(true);
    expect(snapshot(again.outputDir)).toEqual(before);
  });
});
