import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalHash, outputKey, stampFiles, toCanonicalJson } from "../../src/publish/output-manifest.ts";

describe("outputKey", () => {
  const inputs = { pages: [{ file: "index.html", key: "k1" }], outputFiles: ["<rss/>"], staticFiles: "s" };

  it("is the same for the same inputs", () => {
    expect(outputKey(inputs)).toBe(outputKey({ ...inputs, pages: [{ file: "index.html", key: "k1" }] }));
  });

  it("changes with any page's key or file, any other file's text and the static files", () => {
    const key = outputKey(inputs);
    expect(outputKey({ ...inputs, pages: [{ file: "index.html", key: "k2" }] })).not.toBe(key);
    expect(outputKey({ ...inputs, pages: [{ file: "404.html", key: "k1" }] })).not.toBe(key);
    expect(outputKey({ ...inputs, pages: [] })).not.toBe(key);
    expect(outputKey({ ...inputs, outputFiles: ["<rss></rss>"] })).not.toBe(key);
    expect(outputKey({ ...inputs, staticFiles: "t" })).not.toBe(key);
  });
});

describe("toCanonicalJson", () => {
  it("writes an object met a second time as a reference to its first appearance", () => {
    const shared = { title: "A headline" };
    expect(toCanonicalJson({ articles: [shared], listed: [shared] })).toBe('{"articles":[{"title":"A headline"}],"listed":[{"$ref":2}]}');
    expect(toCanonicalJson({ articles: [{ title: "A headline" }], listed: [{ title: "A headline" }] })).toBe(
      '{"articles":[{"title":"A headline"}],"listed":[{"title":"A headline"}]}',
    );
  });
});

describe("canonicalHash", () => {
  it("is the hash of the canonical JSON, however long the text", () => {
    const long = { articles: Array.from({ length: 3000 }, (_, index) => ({ title: `Headline ${index} “quoted”`, body: "x".repeat(100) })) };
    const expected = createHash("sha256").update(toCanonicalJson(long)).digest("hex");
    expect(canonicalHash(long)).toBe(expected);
    expect(canonicalHash({ ...long, extra: 1 })).not.toBe(expected);
  });

  it("writes maps as their entries, so a change inside one changes the hash", () => {
    expect(canonicalHash({ lines: new Map([["title", 2]]) })).not.toBe(canonicalHash({ lines: new Map([["title", 3]]) }));
  });
});

describe("stampFiles", () => {
  it("gives each file's size and modification time by its path relative to the folder, whichever separators it was listed with", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "tidings-stamps-"));
    try {
      mkdirSync(path.join(folder, "a", "b"), { recursive: true });
      writeFileSync(path.join(folder, "a", "b", "index.html"), "<p>hello</p>");
      writeFileSync(path.join(folder, "feed.xml"), "<feed/>");
      const page = statSync(path.join(folder, "a", "b", "index.html"));
      expect(stampFiles(folder, ["a/b/index.html", "/feed.xml"])).toEqual({
        [path.join("a", "b", "index.html")]: [12, page.mtimeMs],
        "feed.xml": [7, statSync(path.join(folder, "feed.xml")).mtimeMs],
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("gives nothing when a listed file is missing, so the record is made from a walk instead", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "tidings-stamps-"));
    try {
      writeFileSync(path.join(folder, "feed.xml"), "<feed/>");
      expect(stampFiles(folder, ["feed.xml", "gone/index.html"])).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
