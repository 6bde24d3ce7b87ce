import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DECAP_DIR, decapBundle } from "../../src/admin/editor-files.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
// What vendor/decap-cms holds besides the bundle: its record, its checksums and its licence.
const RECORDS = ["LICENSE", "README.md", "SHA256SUMS", "source.json"];

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
/** SHA256SUMS as `sha256sum` writes it: `<hex>  <name>` a line. */
const recorded = new Map(
  readFileSync(path.join(DECAP_DIR, "SHA256SUMS"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => {
      const [, hash = "", name = ""] = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line) ?? [];
      return [name, hash] as const;
    }),
);
const source = JSON.parse(readFileSync(path.join(DECAP_DIR, "source.json"), "utf8")) as { package: string; version: string; integrity: string };

describe("Decap CMS's vendored bundle (vendor/decap-cms)", () => {
  it("is in the repository, not installed from npm: no install pulls in Decap's build-time dependencies", () => {
    expect(path.relative(REPOSITORY, DECAP_DIR)).toBe(path.join("vendor", "decap-cms"));
    const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
      expect(Object.keys(manifest[field] ?? {}).filter((name) => name.startsWith("decap-cms")), field).toEqual([]);
    }
  });

  it("is byte for byte the files recorded in SHA256SUMS, and nothing else", () => {
    const files = readdirSync(DECAP_DIR).filter((name) => !RECORDS.includes(name));
    expect(files.sort()).toEqual([...recorded.keys()].sort());
    expect(recorded.size).toBeGreaterThan(1);
    for (const [name, hash] of recorded) expect(sha256(path.join(DECAP_DIR, name)), name).toBe(hash);
  });

  it("records the npm package and version it was taken from, which the bundle itself names", () => {
    expect(source.package).toBe("decap-cms");
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/);
    // The integrity the registry publishes for the package's tarball, the files' source.
    expect(source.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(readFileSync(path.join(DECAP_DIR, "decap-cms.js"), "utf8")).toContain(`decap-cms@${source.version}`);
    expect(readFileSync(path.join(DECAP_DIR, "LICENSE"), "utf8")).toMatch(/^Copyright \(c\) 2016 Netlify[^\n]*\n\nMIT License\n/);
  });

  it("is what the build copies into /admin/: the main file, its chunks, its WebAssembly and the licences", () => {
    const copied = decapBundle().map((file) => path.basename(file));
    expect(copied.sort()).toEqual([...recorded.keys()].sort());
    expect(copied).toContain("decap-cms.js");
    expect(copied).toContain("decap-cms.js.LICENSE.txt");
    expect(copied.filter((name) => name.endsWith(".wasm")).length).toBeGreaterThan(0);
    expect(copied.filter((name) => /^\d+\.decap-cms\.js$/.test(name)).length).toBeGreaterThan(0);
  });
});
