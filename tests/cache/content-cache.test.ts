import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cacheKey, ContentCache, loadContentCache, saveContentCache } from "../../src/cache/content-cache.ts";

describe("ContentCache", () => {
  it("gives back what an earlier run stored, for code with the same fingerprint", () => {
    const first = new ContentCache("code-a");
    first.set("k", { html: "<p>x</p>" });
    const second = ContentCache.fromBytes(first.toBytes(), "code-a");
    expect(second.get("k")).toEqual({ html: "<p>x</p>" });
  });

  it("ignores a cache written by other code (another fingerprint)", () => {
    const first = new ContentCache("code-a");
    first.set("k", "stale");
    expect(ContentCache.fromBytes(first.toBytes(), "code-b").get("k")).toBeUndefined();
  });

  it("ignores corrupt and truncated bytes instead of trusting them", () => {
    const first = new ContentCache("code-a");
    first.set("k", "value");
    const bytes = first.toBytes();
    expect(ContentCache.fromBytes(Buffer.from("not a cache at all"), "code-a").get("k")).toBeUndefined();
    expect(ContentCache.fromBytes(bytes.subarray(0, bytes.length - 7), "code-a").get("k")).toBeUndefined();
    expect(ContentCache.fromBytes(Buffer.alloc(0), "code-a").get("k")).toBeUndefined();
  });

  it("never trusts an entry whose stored bytes changed, keeps the pieces that are intact, and says it was damaged", () => {
    const first = new ContentCache("code-a");
    // More entries than one piece holds, so the damage is in one piece of several.
    for (let index = 0; index < 1200; index++) first.set(`k${index}`, { title: `Headline number ${index}` });
    const bytes = first.toBytes();
    expect(ContentCache.fromBytes(bytes, "code-a").damaged).toBe(false);
    // One byte inside a stored value, as a failing disk or a broken cache restore would change it.
    const at = bytes.indexOf("Headline number 900");
    expect(at).toBeGreaterThan(0);
    const changed = Buffer.from(bytes);
    changed[at] = "h".charCodeAt(0);
    const read = ContentCache.fromBytes(changed, "code-a");
    expect(read.damaged).toBe(true);
    expect(read.get("k900")).toBeUndefined();
    expect([...read.stored.values()].some((value) => (value as { title: string }).title.startsWith("headline"))).toBe(false);
    // The piece before the damaged one was verified, and is kept.
    expect(read.get("k10")).toEqual({ title: "Headline number 10" });
  });

  it("keeps deferred entries in pieces of their own, read only when asked for, and carried through saves whether read or not", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tidings-cache-"));
    try {
      const first = new ContentCache("code-a");
      // Two pieces of deferred entries (500 a piece) beside the ordinary ones.
      for (let index = 0; index < 700; index++) {
        first.set(`facts:${index}`, { words: index });
        first.setDeferred(`html:${index}`, [`<p>Body ${index}</p>`]);
      }
      saveContentCache(folder, first);
      const second = loadContentCache(folder, "code-a");
      expect(second.damaged).toBe(false);
      expect(second.stored.size).toBe(1400);
      // Every entry is used; one deferred value is read, and one replaced.
      for (let index = 0; index < 700; index++) {
        second.get(`facts:${index}`);
        second.getDeferred(`html:${index}`);
      }
      expect(second.getDeferred<string[]>("html:3")?.()).toEqual(["<p>Body 3</p>"]);
      expect(second.get("html:4")).toEqual(["<p>Body 4</p>"]);
      second.setDeferred("html:650", ["<p>Edited 650</p>"]);
      saveContentCache(folder, second);
      const third = loadContentCache(folder, "code-a");
      expect(third.damaged).toBe(false);
      expect(third.stored.size).toBe(1400);
      expect(third.getDeferred<string[]>("html:10")?.()).toEqual(["<p>Body 10</p>"]);
      expect(third.getDeferred<string[]>("html:649")?.()).toEqual(["<p>Body 649</p>"]);
      expect(third.getDeferred<string[]>("html:650")?.()).toEqual(["<p>Edited 650</p>"]);
      expect(third.get("facts:650")).toEqual({ words: 650 });
      expect(third.getDeferred("html:700")).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("never trusts a deferred entry whose stored bytes changed, though it is not deserialised until asked for", () => {
    const first = new ContentCache("code-a");
    for (let index = 0; index < 3; index++) first.setDeferred(`html:${index}`, [`<p>Body number ${index}</p>`]);
    const bytes = first.toBytes();
    const at = bytes.indexOf("Body number 1");
    expect(at).toBeGreaterThan(0);
    const changed = Buffer.from(bytes);
    changed[at] = "b".charCodeAt(0);
    const read = ContentCache.fromBytes(changed, "code-a");
    expect(read.damaged).toBe(true);
    expect(read.getDeferred("html:0")).toBeUndefined();
    expect(ContentCache.fromBytes(bytes, "code-a").getDeferred<string[]>("html:1")?.()).toEqual(["<p>Body number 1</p>"]);
  });

  it("keeps only the entries a run used, so entries of deleted files are dropped", () => {
    const first = new ContentCache("code-a");
    first.set("kept", 1);
    first.set("dropped", 2);
    const second = ContentCache.fromBytes(first.toBytes(), "code-a");
    expect(second.get("kept")).toBe(1);
    const third = ContentCache.fromBytes(second.toBytes(), "code-a");
    expect(third.get("kept")).toBe(1);
    expect(third.get("dropped")).toBeUndefined();
  });

  it("knows when nothing changed, so an unchanged cache is not written again", () => {
    const first = new ContentCache("code-a");
    first.set("k", 1);
    expect(first.changed).toBe(true);
    const second = ContentCache.fromBytes(first.toBytes(), "code-a");
    second.get("k");
    expect(second.changed).toBe(false);
  });
});

describe("loadContentCache and saveContentCache", () => {
  it("write a large cache in pieces and read every entry back", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tidings-cache-"));
    try {
      const cache = new ContentCache("code-a");
      for (let index = 0; index < 1234; index++) cache.set(`k${index}`, { html: `<p>${index} “quoted”</p>`, lines: new Map([["title", index]]) });
      saveContentCache(folder, cache);
      const loaded = loadContentCache(folder, "code-a");
      expect(loaded.stored.size).toBe(1234);
      expect(loaded.get("k1233")).toEqual({ html: "<p>1233 “quoted”</p>", lines: new Map([["title", 1233]]) });
      expect(loadContentCache(folder, "code-b").stored.size).toBe(0);
      expect(loadContentCache(path.join(folder, "missing"), "code-a").stored.size).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("saving a cache read from a file", () => {
  const filled = (count: number, label: string) => {
    const cache = new ContentCache("code-a");
    for (let index = 0; index < count; index++) cache.set(`k${index}`, { html: `<p>${label} ${index}</p>` });
    return cache;
  };

  it("copies the pieces whose entries were all found and kept, and serialises the rest", () => {
    const read = ContentCache.fromBytes(filled(1234, "old").toBytes(), "code-a");
    // Pieces hold 500 entries: k0–k499, k500–k999, k1000–k1233. One entry of the first is dropped, one of the last replaced.
    for (let index = 0; index < 1234; index++) if (index !== 5) read.get(`k${index}`);
    read.set("k1200", { html: "<p>new 1200</p>" });
    read.set("fresh", { html: "<p>fresh</p>" });
    const asked: [number, number][] = [];
    const pieces = [...read.pieces((offset, length) => {
      asked.push([offset, length]);
      return Buffer.from(`copied piece at ${offset}`);
    })];
    expect(asked).toHaveLength(1);
    expect(pieces.filter((piece) => piece.toString().startsWith("copied piece"))).toHaveLength(1);
    // The copied piece is the second (k500–k999); every other entry is serialised again, the new ones included.
    const serialised = ContentCache.fromBytes(Buffer.concat(pieces.filter((piece) => !piece.toString().startsWith("copied piece"))), "code-a");
    expect(serialised.stored.size).toBe(1234 - 500 - 1 + 1);
    expect(serialised.get("k500")).toBeUndefined();
    expect(serialised.get("k1200")).toEqual({ html: "<p>new 1200</p>" });
  });

  it("reads back every entry the run used, with the values it used, after saving in place of the file it was read from", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tidings-cache-"));
    try {
      saveContentCache(folder, filled(1234, "old"));
      const loaded = loadContentCache(folder, "code-a");
      for (let index = 0; index < 1234; index++) if (index !== 5) loaded.get(`k${index}`);
      loaded.set("k1200", { html: "<p>new 1200</p>" });
      saveContentCache(folder, loaded);
      const again = loadContentCache(folder, "code-a");
      expect(again.damaged).toBe(false);
      expect(again.stored.size).toBe(1233);
      expect(again.get("k5")).toBeUndefined();
      expect(again.get("k700")).toEqual({ html: "<p>old 700</p>" });
      expect(again.get("k1200")).toEqual({ html: "<p>new 1200</p>" });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("copies nothing from a file another build replaced meanwhile: its pieces hold other values", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tidings-cache-"));
    try {
      saveContentCache(folder, filled(1234, "old"));
      const loaded = loadContentCache(folder, "code-a");
      for (let index = 0; index < 1234; index++) loaded.get(`k${index}`);
      loaded.set("fresh", 1);
      // Another build saves the same keys with other values, in pieces of the same sizes and places.
      saveContentCache(folder, filled(1234, "new"));
      saveContentCache(folder, loaded);
      const again = loadContentCache(folder, "code-a");
      expect(again.get("k700")).toEqual({ html: "<p>old 700</p>" });
      expect(again.get("fresh")).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("cacheKey", () => {
  it("never gives two different lists of parts the same key", () => {
    expect(cacheKey("ab", "c")).not.toBe(cacheKey("a", "bc"));
    expect(cacheKey("a", "")).not.toBe(cacheKey("a"));
    expect(cacheKey("a", "b")).toBe(cacheKey("a", "b"));
  });
});
