#!/usr/bin/env node
// The `tidings` command behind `npm run build`, `check` and `new`: it runs the CLI compiled to
// plain JavaScript in dist/, compiling it first when the sources have changed since the last
// compile. Run from the TypeScript sources through tsx instead, every module a build loads
// (Eleventy, the unified pipeline, hundreds of files) goes through tsx's loader hooks, in the
// build and in each render worker: about a second of every build, the largest part of a small one.
// The check compares a hash of the sources, not modification times, so a dist/ restored from CI's
// cache is used as long as the commit did not change the code.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const stampFile = path.join(dist, ".sources-sha256");

/** A hash of everything the compiled output is made from: the sources, the compiler settings and the compiler's version. */
function sourcesHash() {
  const hash = createHash("sha256");
  const files = readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, path.join(root, "tsconfig.json"), path.join(root, "tsconfig.build.json")]) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const typescript = JSON.parse(readFileSync(path.join(root, "node_modules", "typescript", "package.json"), "utf8"));
  return hash.update(typescript.version).digest("hex");
}

function compile(stamp) {
  // Into a folder of its own, swapped in whole: a second command starting meanwhile never runs half a compile.
  const temporary = `${dist}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  // Type errors are `npm test`'s business (tsc --noEmit); emitting without checking takes a third of the time.
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "tsconfig.build.json"), "--noCheck", "--outDir", temporary], { stdio: "inherit" });
  if (tsc.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    process.stderr.write("✖ compiling Tidings (src/ to dist/) failed; see the messages above\n");
    process.exit(2);
  }
  writeFileSync(path.join(temporary, ".sources-sha256"), stamp);
  const old = `${dist}.${process.pid}.old`;
  try {
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(temporary, dist);
  } catch {
    // Another command compiled the same sources at the same moment and swapped its copy in first.
    rmSync(temporary, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

const stamp = sourcesHash();
if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) compile(stamp);
await import(pathToFileURL(path.join(dist, "cli.js")).href);
