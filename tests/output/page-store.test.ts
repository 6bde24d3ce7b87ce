import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageStore } from "../../src/output/page-store.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-page-store-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const KEY_A = "a".repeat(64);
const KEY_B = "b".repeat(64);

function page(name: string, text: string): string {
  const file = path.join(folder, "out", name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe("PageStore", () => {
  it("keeps a written page under its key and places it again, in a new store on the same folder too", () => {
    const dir = path.join(folder, "store-1");
    const store = new PageStore(dir);
    expect(store.has(KEY_A)).toBe(false);
    store.keep(KEY_A, page("a.html", "<p>A</p>"));
    expect(store.has(KEY_A)).toBe(true);

    const again = new PageStore(dir);
    const target = path.join(folder, "placed", "a.html");
    mkdirSync(path.dirname(target), { recursive: true });
    expect(again.place(KEY_A, target)).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("<p>A</p>");
    expect(again.place(KEY_B, path.join(folder, "placed", "b.html"))).toBe(false);
  });

  it("makes kept pages read-only, so nothing done to an output can change what the store holds", () => {
    const store = new PageStore(path.join(folder, "store-2"));
    const file = page("ro.html", "<p>R</p>");
    store.keep(KEY_A, file);
    expect(statSync(file).mode & 0o222).toBe(0);
  });

  it("ignores names that are not keys, and prunes every page not used by the last build", () => {
    const dir = path.join(folder, "store-3");
    const store = new PageStore(dir);
    store.keep("../../escape", page("x.html", "x"));
    expect(existsSync(path.join(folder, "escape"))).toBe(false);
    store.keep(KEY_A, page("a3.html", "A"));
    store.keep(KEY_B, page("b3.html", "B"));
    store.prune(new Set([KEY_B]));
    const reopened = new PageStore(dir);
    expect(reopened.has(KEY_A)).toBe(false);
    expect(reopened.has(KEY_B)).toBe(true);
  });

  it("renders again a page whose stored file was deleted behind its back", () => {
    const dir = path.join(folder, "store-4");
    const store = new PageStore(dir);
    store.keep(KEY_A, page("a4.html", "A"));
    rmSync(path.join(dir, KEY_A.slice(0, 2), KEY_A));
    expect(store.place(KEY_A, path.join(folder, "out", "a4-again.html"))).toBe(false);
    expect(store.has(KEY_A)).toBe(false);
  });
});
