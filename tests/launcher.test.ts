import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { copyFixture } from "./support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
// A copy of the installation (sources, launcher, compiler settings), so compiling never touches the repository's dist/.
const install = mkdtempSync(path.join(tmpdir(), "tidings-install-"));
for (const part of ["src", "bin", "templates", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]) {
  cpSync(path.join(REPOSITORY, part), path.join(install, part), { recursive: true });
}
symlinkSync(path.join(REPOSITORY, "node_modules"), path.join(install, "node_modules"));
afterAll(() => rmSync(install, { recursive: true, force: true }));

const tidings = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [path.join(install, "bin", "tidings.mjs"), ...args], { cwd, encoding: "utf8" });
const stamp = () => statSync(path.join(install, "dist", ".sources-sha256"));

describe("the tidings command (bin/tidings.mjs)", () => {
  it("compiles the sources once, runs the compiled build, and compiles again only when a source changes", async () => {
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
    expect(readFileSync(path.join(install, "dist", "cli.js"), "utf8")).not.toMatch(/from "\.[^"]*\.ts"/);
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
  }, 120_000);
});
