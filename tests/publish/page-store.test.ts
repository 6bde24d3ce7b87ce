import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageStore } from "../../src/publish/page-store.ts";

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

// The one file the store holds for a key, whatever its digest.
function storedFile(dir: string, key: string): string {
  const names = readdirSync(path.join(dir, key.slice(0, 2))).filter((name) => name.startsWith(`${key}.`));
  expect(names).toHaveLength(1);
  return path.join(dir, key.slice(0, 2), names[0] ?? "");
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

  it("never places again a page whose output copy was edited in place (they may share a file): it is rendered again", () => {
    const dir = path.join(folder, "store-2");
    const store = new PageStore(dir);
    const file = page("edited.html", "<p>R</p>");
    store.keep(KEY_A, file);
    const placed = path.join(folder, "out", "edited-placed.html");
    expect(new PageStore(dir).place(KEY_A, placed)).toBe(true);
    expect(readFileSync(placed, "utf8")).toBe("<p>R</p>");
    // A line added to a published page, as root on CI can whatever its mode.
    appendFileSync(placed, "<script>added by hand</script>");
    const reopened = new PageStore(dir);
    expect(reopened.place(KEY_A, path.join(folder, "out", "edited-again.html"))).toBe(false);
    expect(reopened.damaged).toBe(1);
  });

  it("renders again, and counts, a stored page whose bytes changed or were cut short", () => {
    const dir = path.join(folder, "store-5");
    const store = new PageStore(dir);
    store.keep(KEY_A, page("a5.html", "<h1>The right headline</h1>"));
    store.keep(KEY_B, page("b5.html", "<h1>Another page</h1>"));
    const storedA = storedFile(dir, KEY_A);
    const storedB = storedFile(dir, KEY_B);
    // One byte changed, the size unchanged; and a page cut short.
    writeFileSync(storedA, readFileSync(storedA, "utf8").replace("right", "wrong"));
    truncateSync(storedB, 5);
    const reopened = new PageStore(dir);
    expect(reopened.place(KEY_A, path.join(folder, "out", "a5-again.html"))).toBe(false);
    expect(reopened.place(KEY_B, path.join(folder, "out", "b5-again.html"))).toBe(false);
    expect(reopened.damaged).toBe(2);
    expect(reopened.has(KEY_A)).toBe(false);
    expect(existsSync(storedA)).toBe(false);
    reopened.keep(KEY_A, page("a5-rendered.html", "<h1>The right headline</h1>"));
    const target = path.join(folder, "out", "a5-third.html");
    expect(new PageStore(dir).place(KEY_A, target)).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("<h1>The right headline</h1>");
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
    rmSync(storedFile(dir, KEY_A));
    expect(store.place(KEY_A, path.join(folder, "out", "a4-again.html"))).toBe(false);
    expect(store.has(KEY_A)).toBe(false);
  });
});
