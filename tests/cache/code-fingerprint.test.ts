import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeFingerprint, CONTENT_CODE, PAGE_CODE, reachableCode } from "../../src/cache/code-fingerprint.ts";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const copy = mkdtempSync(path.join(tmpdir(), "tidings-fingerprint-"));
cpSync(path.join(REPO, "src"), path.join(copy, "src"), { recursive: true });
cpSync(path.join(REPO, "package.json"), path.join(copy, "package.json"));
cpSync(path.join(REPO, "package-lock.json"), path.join(copy, "package-lock.json"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

// The same entry modules, in the copy.
const inCopy = (entries: readonly string[]) => entries.map((file) => path.join(copy, path.relative(REPO, file)));
const contentFingerprint = () => codeFingerprint(inCopy(CONTENT_CODE), copy);
const pageFingerprint = () => codeFingerprint(inCopy(PAGE_CODE), copy);

function edit(file: string, change: (text: string) => string): () => void {
  const full = path.join(copy, file);
  const original = readFileSync(full, "utf8");
  writeFileSync(full, change(original));
  return () => writeFileSync(full, original);
}

/** Change the locked version of an installed package. */
function bump(packagePath: string): () => void {
  return edit("package-lock.json", (text) => {
    const lock = JSON.parse(text) as { packages: Record<string, { version: string }> };
    const entry = lock.packages[packagePath];
    if (!entry) throw new Error(`${packagePath} is not in package-lock.json`);
    entry.version = `${entry.version}-changed`;
    return JSON.stringify(lock);
  });
}

describe("codeFingerprint", () => {
  it("is stable while nothing changes", () => {
    expect(contentFingerprint()).toBe(contentFingerprint());
  });

  it("follows the imports of the content code to the Markdown pipeline and its worker, and no further", () => {
    const { modules, packages } = reachableCode(CONTENT_CODE);
    const relative = [...modules].map((file) => path.relative(path.join(REPO, "src"), file));
    expect(relative).toEqual(expect.arrayContaining(["render/processor.ts", "render/render-worker.ts", "content/schemas.ts", "markdown/plugins/rehype-figures.ts"]));
    expect(relative).not.toContain("cli.ts");
    expect(relative.some((file) => file.startsWith("eleventy/"))).toBe(false);
    expect([...packages]).toEqual(expect.arrayContaining(["unified", "remark-parse", "remark-rehype", "rehype-stringify", "zod"]));
    expect([...packages]).not.toContain("@11ty/eleventy");
  });

  it("changes when a plugin option in the Markdown pipeline changes", () => {
    const before = contentFingerprint();
    const restore = edit("src/render/processor.ts", (text) => text.replace('clobberPrefix: ""', 'clobberPrefix: "x-"'));
    expect(contentFingerprint()).not.toBe(before);
    restore();
    expect(contentFingerprint()).toBe(before);
  });

  it("changes when a package the pipeline uses, or one of that package's own dependencies, changes version", () => {
    const before = contentFingerprint();
    let restore = bump("node_modules/remark-parse");
    expect(contentFingerprint()).not.toBe(before);
    restore();
    // remark-parse → mdast-util-from-markdown → micromark: a dependency of a dependency.
    restore = bump("node_modules/micromark");
    expect(contentFingerprint()).not.toBe(before);
    restore();
    expect(contentFingerprint()).toBe(before);
  });

  it("stays the same when code or packages outside the pipeline change: the CLI, the Eleventy glue, a test tool", () => {
    const before = contentFingerprint();
    const restoreCli = edit("src/cli.ts", (text) => `${text}\n// changed\n`);
    const restoreGlue = edit("src/eleventy/configure.ts", (text) => `${text}\n// changed\n`);
    const restoreVitest = bump("node_modules/vitest");
    const restoreEleventy = bump("node_modules/@11ty/eleventy");
    expect(contentFingerprint()).toBe(before);
    restoreCli();
    restoreGlue();
    restoreVitest();
    restoreEleventy();
  });

  it("covers the Eleventy glue and Eleventy itself for pages, but not the Markdown pipeline's packages", () => {
    const before = pageFingerprint();
    let restore = edit("src/eleventy/configure.ts", (text) => `${text}\n// changed\n`);
    expect(pageFingerprint()).not.toBe(before);
    restore();
    restore = bump("node_modules/@11ty/eleventy");
    expect(pageFingerprint()).not.toBe(before);
    restore();
    restore = bump("node_modules/remark-parse");
    expect(pageFingerprint()).toBe(before);
    restore();
  });
});
