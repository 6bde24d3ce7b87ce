import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { copySampleSiteInto } from "./sample-site.ts";
import { tempFolder } from "./temp-folder.ts";

/** Folder of the fixture sites, one folder per scenario. */
export const FIXTURE_SITES = path.resolve(import.meta.dirname, "..", "fixtures", "sites");

/** Copy a fixture site into a fresh temporary folder (removed after the test file), so builds never touch the repository. */
export function copyFixture(name: string): string {
  const root = tempFolder(name);
  cpSync(path.join(FIXTURE_SITES, name), root, { recursive: true });
  return root;
}

/** Copy the sample site (The Millbrook Lantern) into a fresh temporary folder, removed after the test file. */
export function copySampleSite(): string {
  const root = tempFolder("sample");
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
