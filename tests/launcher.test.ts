import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { build, CACHE_DIR } from "../src/build.ts";
import { renderJob, type RenderJob } from "../src/render/render-job.ts";
import { packJobs } from "../src/render/packed-jobs.ts";
import { copyFixture } from "./support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
// A copy of the installation (sources, launcher, compiler settings), so bundling never touches the repository's dist/.
const install = mkdtempSync(path.join(tmpdir(), "tidings-install-"));
for (const part of ["src", "bin", "templates", "tsconfig.json", "package.json", "package-lock.json"]) {
  cpSync(path.join(REPOSITORY, part), path.join(install, part), { recursive: true });
}
symlinkSync(path.join(REPOSITORY, "node_modules"), path.join(install, "node_modules"));
afterAll(() => rmSync(install, { recursive: true, force: true }));

const tidings = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [path.join(install, "bin", "tidings.mjs"), ...args], { cwd, encoding: "utf8" });
const stamp = () => statSync(path.join(install, "dist", ".sources-sha256"));
const bundled = (name: string) => pathToFileURL(path.join(install, "dist", "bundle", `${name}.js`));

/**
 * Start a bundled worker's module as the build does, and resolve to the first message it posts:
 * on `port` when it answers there (the render worker, which closes it and exits once done), else
 * to its parent, before it exits.
 */
function firstMessage(name: string, options: ConstructorParameters<typeof Worker>[1], port?: MessagePort): Promise<unknown> {
  const worker = new Worker(bundled(name), { ...options, execArgv: [] });
  return new Promise<unknown>((resolve, reject) => {
    worker.once("error", reject);
    if (port) port.once("message", resolve);
    else {
      worker.once("message", resolve);
      worker.once("exit", (code) => reject(new Error(`the ${name} thread stopped (exit code ${code}) before it posted anything`)));
    }
  }).finally(() => worker.terminate());
}

describe("the tidings command (bin/tidings.mjs)", () => {
  it("bundles the sources once, runs the bundled build, and bundles again only when a source changes", async () => {
    const site = copyFixture("newsroom");
    const report = JSON.parse(tidings(site, "build", "--json")) as {
      pages: number;
      rendered: number;
      unchanged: boolean;
      wallMs: number;
      timings: Record<"load" | "media" | "write" | "search", number>;
      overlapping: Record<string, string>;
    };
    expect(report.pages).toBeGreaterThan(5);
    expect(report.rendered).toBe(report.pages);
    // The wall time is the build's, not the sum of phases that overlap: the search index is written beside the pages.
    expect(report.overlapping).toEqual({ search: "write" });
    const { load, media, write, search } = report.timings;
    expect(report.wallMs).toBeGreaterThanOrEqual(load + media + Math.max(write, search) - 1);
    // One bundle per entry, with the code they share in chunks beside them; no TypeScript left to load.
    const bundle = readdirSync(path.join(install, "dist", "bundle"));
    expect(bundle).toEqual(expect.arrayContaining(["cli.js", "render-worker.js", "search-worker.js", "ready-output-worker.js"]));
    for (const file of bundle) expect(readFileSync(path.join(install, "dist", "bundle", file), "utf8"), file).not.toMatch(/from "\.[^"]*\.ts"/);
    const compiled = stamp();

    // Nothing changed: the same compiled code, and the build finds its output current.
    expect((JSON.parse(tidings(site, "build", "--json")) as { unchanged: boolean }).unchanged).toBe(true);
    expect(stamp().ino).toBe(compiled.ino);

    // The TypeScript sources (what `npm start` and the tests run) share the compiled build's
    // cache: every page comes from the page store. (Not "nothing changed": the static files'
    // stamp names the search script in this copy's templates/, and the sources' in the repository's.)
    const fromSources = await build({ root: site });
    expect(fromSources.ok).toBe(true);
    expect(fromSources.rendered).toBe(0);

    // A changed source is compiled before the command runs.
    const usage = path.join(install, "src", "cli.ts");
    writeFileSync(usage, readFileSync(usage, "utf8").replace("Build the site into _site/", "Build the whole site into _site/"));
    expect(tidings(site, "help")).toContain("Build the whole site into _site/");
    expect(stamp().ino).not.toBe(compiled.ino);

    // So is a changed lock file: the bundles hold the packages' code (a dist/ from a CI cache made before an update).
    const beforeLock = stamp();
    const lock = path.join(install, "package-lock.json");
    writeFileSync(lock, `${readFileSync(lock, "utf8").trimEnd()}\n\n`);
    tidings(site, "help");
    const afterLock = stamp();
    expect(afterLock.ino).not.toBe(beforeLock.ino);
    // And once only.
    tidings(site, "help");
    expect(stamp().ino).toBe(afterLock.ino);
  }, 120_000);

  it("runs each worker thread's bundled module as the build starts it", async () => {
    const site = copyFixture("newsroom");
    tidings(site, "build");
    // The render worker: one body, rendered as the build's own thread renders it.
    const job: RenderJob = { body: "A *brief* story with a [link](https://example.org/).", file: "content/articles/brief.md", bodyLine: 6, context: { siteHosts: ["news.example"], pathPrefix: "/", addresses: new Map(), resolverKey: "/" } };
    const { port1, port2 } = new MessageChannel();
    port1.postMessage({ packed: packJobs([job]), state: new Int32Array(new SharedArrayBuffer(8)) });
    expect(await firstMessage("render-worker", { workerData: { port: port2 }, transferList: [port2] }, port1)).toEqual({ batch: "render", index: 0, value: renderJob(job) });
    port1.close();

    // The readying thread: the output the build left is the one its record names.
    const staging = mkdtempSync(path.join(tmpdir(), "tidings-staging-"));
    try {
      const ready = (await firstMessage("ready-output-worker", {
        workerData: { cacheDir: path.join(site, CACHE_DIR), outputDir: path.join(site, "_site"), storeDir: path.join(site, CACHE_DIR, "pages"), staging },
      })) as { previous?: { key: string } };
      expect(ready.previous?.key).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    // The search worker ran in the build itself: its index is there.
    expect(existsSync(path.join(site, "_site", "pagefind", "pagefind.js"))).toBe(true);
  }, 120_000);
});
