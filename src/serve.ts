import path from "node:path";
import { hasErrors } from "./diagnostics/diagnostic.ts";
import { formatDiagnostics, summarizeDiagnostics } from "./diagnostics/format-diagnostics.ts";
import { serveWithEleventy } from "./eleventy/run-eleventy.ts";
import { loadSite } from "./load-site.ts";
import type { Site } from "./site/types.ts";

/** Where the preview server writes: never `_site/`, so a preview cannot be deployed by mistake. */
export const PREVIEW_DIR = ".tidings-preview";

/** Run the preview: drafts and scheduled articles shown, content reloaded on every save. */
export async function serve(options: { root: string; port: number }): Promise<void> {
  let lastGood: Site | undefined;
  const provideSite = async (): Promise<Site> => {
    const { site, diagnostics } = loadSite({ root: options.root, mode: "preview" });
    if (diagnostics.length > 0) {
      process.stderr.write(`${formatDiagnostics(diagnostics)}\n${summarizeDiagnostics(diagnostics)}\n`);
    }
    if (site && !hasErrors(diagnostics)) {
      lastGood = site;
      return site;
    }
    if (lastGood) return lastGood;
    throw new Error("the content has errors (listed above); fix them and save to reload");
  };
  await serveWithEleventy({ root: options.root, site: provideSite, outputDir: path.join(options.root, PREVIEW_DIR), port: options.port });
}
