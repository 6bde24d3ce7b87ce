import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { check } from "../src/check.ts";
import { copySampleSite, writeFiles } from "./support/fixture-site.ts";
import { SAMPLE_SITE_NOW } from "./support/sample-site.ts";

// The deploy workflow builds with --deploy: the sample newsroom is never published by mistake,
// while a local build of it stays free of warnings.
describe("a deploy build of the untouched sample", () => {
  it("refuses, with the still-the-sample problems, and writes nothing", async () => {
    const root = copySampleSite();
    const result = await build({ root, now: SAMPLE_SITE_NOW, deploy: true, cache: false });
    expect(result.ok).toBe(false);
    expect(result.pages).toBe(0);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    expect(result.diagnostics.map((problem) => [problem.code, problem.severity, problem.field])).toEqual([
      ["deploy/sample", "error", "name"],
      ["deploy/sample", "error", "url"],
      ["deploy/sample", "error", "donation.provider.template"],
      ["deploy/sample", "error", "donation.provider.other"],
    ]);
  });

  it("a plain build of it has no warning at all", async () => {
    const root = copySampleSite();
    const result = await build({ root, now: SAMPLE_SITE_NOW, cache: false });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it("publishes the sample on purpose with `demo: true`", () => {
    const root = copySampleSite();
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, `${readFileSync(config, "utf8")}\ndemo: true\n`);
    expect(check({ root, now: SAMPLE_SITE_NOW, deploy: true }).diagnostics).toEqual([]);
  });

  it("refuses setup's placeholder text on a published page, but not in a draft", () => {
    const root = copySampleSite();
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, `${readFileSync(config, "utf8")}\ndemo: false\n`);
    writeFiles(root, {
      "content/pages/masthead.md": "---\ntitle: Masthead\nsummary: Who we are.\n---\n⟦Name the editor⟧\n",
      "content/pages/jobs.md": "---\ntitle: Jobs\nsummary: Work with us.\ndraft: true\n---\n⟦List the jobs⟧\n",
    });
    const placeholders = check({ root, now: SAMPLE_SITE_NOW, deploy: true }).diagnostics.filter(
      (problem) => problem.code === "deploy/placeholder",
    );
    expect(placeholders.map((problem) => `${problem.file}:${problem.line}`)).toEqual(["content/pages/masthead.md:5"]);
    // A local check knows nothing of it.
    expect(check({ root, now: SAMPLE_SITE_NOW }).diagnostics.filter((problem) => problem.code.startsWith("deploy/"))).toEqual([]);
  });
});
