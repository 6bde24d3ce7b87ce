import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderOutputFile } from "./render-output.ts";
import type { Site } from "../site/site.ts";
import { folderMaker } from "../core/files.ts";

/** A feed, sitemap or robots.txt with its text. */
export interface RenderedOutputFile {
  path: string;
  text: string;
}

/**
 * Every feed, sitemap and robots.txt of `site`, rendered by the pure functions in src/syndication/:
 * each language's with its own part of the model; robots.txt, the host's one file, with the whole.
 */
export function renderOutputFiles(site: Site): RenderedOutputFile[] {
  return (site.editions ?? [site]).flatMap((part) =>
    part.outputFiles.map((file) => ({ path: file.path, text: renderOutputFile(file, file.kind === "robots" ? site : part) })),
  );
}

/**
 * Write rendered feeds, sitemaps and robots.txt into `outputDir`. They are a few hundred files
 * whatever the size of the archive, and their text is computed anyway for the output key, so
 * they are written afresh, except those `alreadyThere` says a patched output already holds.
 */
export function writeOutputFiles(files: readonly RenderedOutputFile[], outputDir: string, alreadyThere?: (text: string, target: string) => boolean): void {
  const makeFolder = folderMaker();
  for (const file of files) {
    const target = path.join(outputDir, file.path);
    if (alreadyThere?.(file.text, target) === true) continue;
    makeFolder(target);
    writeFileSync(target, file.text);
  }
}
