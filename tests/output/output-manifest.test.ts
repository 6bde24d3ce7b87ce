import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalHash, outputKey, toCanonicalJson } from "../../src/output/output-manifest.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { testConfig } from "../support/site-input.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-output-key-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const site = (now: number) =>
  buildSite({ config: testConfig(), articles: [], authors: [], pages: [], mode: "production", now, root: folder, fileExists: () => false }).site;

function templates(name: string, text: string): string {
  const dir = path.join(folder, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "page.njk"), text);
  return dir;
}

describe("outputKey", () => {
  const publicDir = path.join(folder, "public");

  it("is the same for the same inputs", () => {
    const dir = templates("plain", "<p>{{ site.config.name }}. Search is not available right now.</p>");
    expect(outputKey({ site: site(1), code: "c", templatesDir: dir, publicDir })).toBe(outputKey({ site: site(1), code: "c", templatesDir: dir, publicDir }));
  });

  it("changes when a feed would say something else at another build time (an empty site's Atom feed is dated by it)", () => {
    const dir = templates("plain", "<p>{{ site.config.name }}</p>");
    expect(outputKey({ site: site(1), code: "c", templatesDir: dir, publicDir })).not.toBe(outputKey({ site: site(2), code: "c", templatesDir: dir, publicDir }));
  });

  it("changes with the code fingerprint and the templates", () => {
    const dir = templates("plain", "<p>{{ site.config.name }}</p>");
    const key = outputKey({ site: site(1), code: "c", templatesDir: dir, publicDir });
    expect(outputKey({ site: site(1), code: "d", templatesDir: dir, publicDir })).not.toBe(key);
    writeFileSync(path.join(dir, "page.njk"), "<p>{{ site.config.name }}!</p>");
    expect(outputKey({ site: site(1), code: "c", templatesDir: dir, publicDir })).not.toBe(key);
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
