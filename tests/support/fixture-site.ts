import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { afterAll } from "vitest";
import { copySampleSiteInto } from "./sample-site.ts";

/** Folder of the fixture sites, one folder per scenario. */
export const FIXTURE_SITES = path.resolve(import.meta.dirname, "..", "fixtures", "sites");

const created: string[] = [];
afterAll(() => {
  for (const folder of created) rmSync(folder, { recursive: true, force: true });
});

/** Copy a fixture site into a fresh temporary folder (removed after the test file), so builds never touch the repository. */
export function copyFixture(name: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `tidings-${name}-`));
  created.push(root);
  cpSync(path.join(FIXTURE_SITES, name), root, { recursive: true });
  return root;
}

/** Copy the sample site (The Millbrook Lantern) into a fresh temporary folder, removed after the test file. */
export function copySampleSite(): string {
  const root = mkdtempSync(path.join(tmpdir(), "tidings-sample-"));
  created.push(root);
  copySampleSiteInto(root);
  return root;
}

/** Write files (path → text) into a site folder, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/** Parse a built page with an HTML parser. */
export function readPage(outputDir: string, sitePath: string): CheerioAPI {
  const file = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
  return load(readFileSync(path.join(outputDir, file), "utf8"));
}
