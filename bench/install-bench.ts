// The deploy's install, for `npm run bench -- --install`: what the deploy workflow runs before it
// builds (`npm ci --omit=dev`), timed with an empty npm cache and again with the cache it filled,
// and what it leaves: the packages (`npm ls --all --omit=dev --parseable`) and their size on disk.
import { execFileSync, execSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** One measured install. */
export interface InstallRun {
  wallMs: number;
}

/** What the deploy's install costs. */
export interface InstallResult {
  /** With an empty npm cache (a first run, or a runner whose cache was evicted). */
  cleanCache: InstallRun;
  /** With the npm cache the first install filled (what `actions/setup-node`'s npm cache gives). */
  warmCache: InstallRun;
  packages: number;
  bytes: number;
}

/** Install the production dependencies of the project at `repo` into a scratch folder under `work`, twice. */
export function runInstallBench(options: { repo: string; work: string; log: (line: string) => void }): InstallResult {
  const folder = path.join(options.work, "install");
  const cache = path.join(options.work, "install-npm-cache");
  rmSync(folder, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(options.repo, file), path.join(folder, file));
  const install = (what: string): InstallRun => {
    rmSync(path.join(folder, "node_modules"), { recursive: true, force: true });
    execSync("sync");
    const started = performance.now();
    execFileSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--cache", cache], { cwd: folder, stdio: "ignore" });
    const wallMs = performance.now() - started;
    options.log(`  install, ${what}: ${(wallMs / 1000).toFixed(1)} s`);
    return { wallMs };
  };
  const cleanCache = install("empty npm cache");
  const warmCache = install("npm cache filled");
  const listed = execFileSync("npm", ["ls", "--all", "--omit=dev", "--parseable"], { cwd: folder, encoding: "utf8" });
  // The first line is the project itself.
  const packages = listed.trim().split("\n").length - 1;
  const bytes = folderBytes(path.join(folder, "node_modules"));
  rmSync(folder, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  return { cleanCache, warmCache, packages, bytes };
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** The install's numbers as a Markdown table. */
export function installTable(result: InstallResult): string {
  return [
    "The deploy's install (`npm ci --omit=dev`):",
    "",
    "| npm cache | wall | packages | size on disk |",
    "|---|---:|---:|---:|",
    `| empty | ${(result.cleanCache.wallMs / 1000).toFixed(1)} s | ${result.packages} | ${(result.bytes / 1e6).toFixed(0)} MB |`,
    `| filled by the first install | ${(result.warmCache.wallMs / 1000).toFixed(1)} s | ${result.packages} | ${(result.bytes / 1e6).toFixed(0)} MB |`,
  ].join("\n");
}
