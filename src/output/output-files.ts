import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderOutputFile } from "../outputs/render-output.ts";
import type { Site } from "../site/types.ts";

/**
 * Write every feed, sitemap and robots.txt of `site` into `outputDir`, rendered by the pure
 * functions in src/outputs/. These are a few files whatever the size of the archive, and their
 * text is computed anyway for the output key, so they are always written afresh.
 */
export function writeOutputFiles(site: Site, outputDir: string): void {
  const made = new Set<string>();
  for (const file of site.outputFiles) {
    const target = path.join(outputDir, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, renderOutputFile(file, site));
  }
}
