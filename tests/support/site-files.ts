import { readdirSync } from "node:fs";
import path from "node:path";

/** Every HTML file of a built site, as absolute paths, sorted. */
export function htmlFiles(outputDir: string): string[] {
  return readdirSync(outputDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(outputDir, file))
    .sort();
}

/** The file a site path is published as: `/a/` → `a/index.html`. */
export function fileForSitePath(outputDir: string, sitePath: string): string {
  return path.join(outputDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
}
