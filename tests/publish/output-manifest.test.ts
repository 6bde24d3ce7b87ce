import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalHash, outputKey, toCanonicalJson } from "../../src/publish/output-manifest.ts";

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
