import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeFingerprint } from "../../src/cache/code-fingerprint.ts";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const copy = mkdtempSync(path.join(tmpdir(), "tidings-fingerprint-"));
cpSync(path.join(REPO, "src"), path.join(copy, "src"), { recursive: true });
cpSync(path.join(REPO, "package.json"), path.join(copy, "package.json"));
cpSync(path.join(REPO, "package-lock.json"), path.join(copy, "package-lock.json"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const fingerprint = () => codeFingerprint(path.join(copy, "src"), copy);

function edit(file: string, change: (text: string) => string): () => void {
  const full = path.join(copy, file);
  const original = readFileSync(full, "utf8");
  writeFileSync(full, change(original));
  return () => writeFileSync(full, original);
}

describe("codeFingerprint", () => {
  it("is stable while nothing changes", () => {
    expect(fingerprint()).toBe(fingerprint());
  });

  it("changes when a plugin option in the Markdown pipeline changes", () => {
    const before = fingerprint();
    const restore = edit("src/markdown/processor.ts", (text) => text.replace('clobberPrefix: ""', 'clobberPrefix: "x-"'));
    expect(fingerprint()).not.toBe(before);
    restore();
    expect(fingerprint()).toBe(before);
  });

  it("changes when any source file or the installed dependency versions change", () => {
    const before = fingerprint();
    const restoreMedia = edit("src/site/media.ts", (text) => `${text}\n// changed\n`);
    expect(fingerprint()).not.toBe(before);
    restoreMedia();
    const restoreLock = edit("package-lock.json", (text) => text.replace('"lockfileVersion"', '"lockfileVersion" '));
    expect(fingerprint()).not.toBe(before);
    restoreLock();
  });
});
