import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEntries, readKnownText, type EntryKind } from "../../src/content/load-files.ts";
import { writeFiles } from "../support/fixture-site.ts";

let root: string;
const sha256 = (file: string) => createHash("sha256").update(readFileSync(path.join(root, file))).digest("hex");

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tidings-load-files-"));
  writeFiles(root, {
    "content/articles/kept.md": "---\ntitle: Kept\n---\nKept body.\n",
    "content/articles/edited.md": "---\ntitle: Edited\n---\nEdited body.\n",
    "content/authors/ann.md": "---\nname: Ann\n---\nBio.\n",
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("loadEntries with known files", () => {
  it("leaves unread a file whose digest is known and whose work is remembered, and gives every file read the digest of its bytes", () => {
    const kept = path.join(root, "content/articles/kept.md");
    const edited = path.join(root, "content/articles/edited.md");
    const digests = new Map([
      [kept, sha256("content/articles/kept.md")],
      [edited, "a digest the hash of the inputs saw before the file changed"],
    ]);
    const asked: [EntryKind, string][] = [];
    const { entries, diagnostics } = loadEntries(root, {
      digests,
      remembered: (kind, digest) => {
        asked.push([kind, digest]);
        return true;
      },
    });
    expect(diagnostics).toEqual([]);
    const byFile = new Map(entries.map((entry) => [entry.file, entry]));
    expect(byFile.get("content/articles/kept.md")).toMatchObject({ source: undefined, digest: digests.get(kept) });
    // Known by the digest it is given, whatever its bytes now: the hash of the inputs is trusted, as git trusts its index.
    expect(byFile.get("content/articles/edited.md")).toMatchObject({ source: undefined, digest: digests.get(edited) });
    // Not in the map: read, with the digest of the bytes read.
    expect(byFile.get("content/authors/ann.md")).toMatchObject({ source: "---\nname: Ann\n---\nBio.\n", digest: sha256("content/authors/ann.md") });
    expect(asked).toEqual([
      ["article", digests.get(edited)],
      ["article", digests.get(kept)],
    ]);
  });

  it("reads a file whose work is not remembered, with the digest of the bytes it read, not the one it was given", () => {
    const edited = path.join(root, "content/articles/edited.md");
    const { entries } = loadEntries(root, { digests: new Map([[edited, "stale"]]), remembered: () => false });
    expect(entries.find((entry) => entry.file === "content/articles/edited.md")).toMatchObject({
      source: "---\ntitle: Edited\n---\nEdited body.\n",
      digest: sha256("content/articles/edited.md"),
    });
  });

  it("reads every file and gives no digests without known files", () => {
    const { entries } = loadEntries(root);
    expect(entries.map((entry) => [entry.file, entry.source !== undefined, entry.digest])).toEqual([
      ["content/articles/edited.md", true, undefined],
      ["content/articles/kept.md", true, undefined],
      ["content/authors/ann.md", true, undefined],
    ]);
  });
});

describe("readKnownText", () => {
  it("reads a file left unread while its bytes still have their digest, and says it changed or went otherwise", () => {
    const file = "content/articles/kept.md";
    const entry = { file, absolutePath: path.join(root, file), digest: sha256(file) };
    expect(readKnownText(entry)).toEqual({ ok: true, text: "---\ntitle: Kept\n---\nKept body.\n" });
    writeFileSync(entry.absolutePath, "---\ntitle: Kept\n---\nKept body, changed.\n");
    const changed = readKnownText(entry);
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.file, diagnostic.severity])).toEqual([
      ["content/changed-during-build", file, "error"],
    ]);
    rmSync(entry.absolutePath);
    expect(readKnownText(entry).ok).toBe(false);
  });
});
