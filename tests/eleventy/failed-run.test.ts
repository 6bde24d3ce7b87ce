import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { TEMPLATES_DIR } from "../../src/eleventy/run-eleventy.ts";
import { copyFixture } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

/** Resolve once this process has no file-system request in flight and the rejections they caused are reported; fail after `timeoutMs`. */
async function fileOperationsEnded(timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (process.getActiveResourcesInfo().some((resource) => resource.startsWith("FSReq"))) {
    if (performance.now() > deadline) throw new Error(`file operations still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Unhandled rejections are reported after the microtasks of the turn that settled them.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

describe("a build whose template fails", () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on("unhandledRejection", onRejection);
  });
  afterEach(() => {
    process.off("unhandledRejection", onRejection);
  });

  // Eleventy copies public/ while it renders and does not wait for the copy when a template
  // throws; the build must, before it deletes its staging folder, or the copy fails later.
  it("waits for Eleventy's copy of public/ before discarding its staging folder", async () => {
    const root = copyFixture("newsroom");
    const many = path.join(root, "public", "many");
    mkdirSync(many, { recursive: true });
    for (let file = 0; file < 3000; file++) writeFileSync(path.join(many, `file-${file}.txt`), "x".repeat(2000));
    const templates = path.join(root, "broken-templates");
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const articleTemplate = path.join(templates, "_includes", "pages", "article.njk");
    writeFileSync(
      articleTemplate,
      readFileSync(articleTemplate, "utf8").replace("{% block main %}", "{% block main %}{{ article.missing.field }}"),
    );

    const result = await build({ root, now: NOW, templatesDir: templates });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.code)).toEqual([
      "build/template",
    ]);
    // A copy still running would fail (its folder is gone) once its file operations end: wait for
    // them to end and for the event loop to report what failed, then look.
    await fileOperationsEnded(20_000);
    expect(rejections).toEqual([]);
    expect(readdirSync(root).filter((name) => name.includes(".staging-"))).toEqual([]);
  });

  // The wait hooks into Eleventy's passthrough manager, which is not public API: an upgrade that
  // renames it would silently drop the wait (the test above could then pass by timing alone).
  it("finds the part of Eleventy the wait hooks into", async () => {
    const { default: Eleventy } = await import("@11ty/eleventy");
    const root = copyFixture("newsroom");
    const eleventy = new Eleventy(TEMPLATES_DIR, path.join(root, "_out"), { configPath: false, quietMode: true });
    await eleventy.init();
    const manager = (eleventy as unknown as { passthroughManager?: { copyPassthrough?: unknown } }).passthroughManager;
    expect(typeof manager?.copyPassthrough).toBe("function");
  });
});
