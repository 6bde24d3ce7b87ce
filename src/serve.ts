import path from "node:path";
import { CACHE_DIR } from "./build.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { serveWithEleventy } from "./eleventy/run-eleventy.ts";
import { loadSite } from "./load-site.ts";
import { prepareMedia } from "./media/prepare-media.ts";
import { choosePreviewSite, emptyPreviewSite, type PreviewChoice } from "./preview-site.ts";
import type { Site } from "./site/types.ts";

/** Where the preview server writes: never `_site/`, so a preview cannot be deployed by mistake. */
export const PREVIEW_DIR = ".tidings-preview";

/** Options for the preview server. */
export interface ServeOptions {
  /** Absolute path of the project root. */
  root: string;
  port: number;
  /** Replaces the config's `url` (from `TIDINGS_URL`). */
  siteUrl?: string | undefined;
  /** Told after every load what was found and which site is shown, so the caller can print it. */
  onLoad?: (diagnostics: readonly Diagnostic[], shown: PreviewChoice) => void;
}

/**
 * Run the preview: drafts and scheduled articles shown, content reloaded on every save. Problems
 * never stop the server: every page lists them, over the last good version of the site (or an
 * empty one when there has been none yet).
 */
export async function serve(options: ServeOptions): Promise<void> {
  await serveWithEleventy({
    root: options.root,
    site: createPreviewProvider(options),
    outputDir: path.join(options.root, PREVIEW_DIR),
    port: options.port,
  });
}

/**
 * The function Eleventy calls on every rebuild of the preview: load the content and choose the
 * site to show, remembering the last one without errors. It never throws for content problems.
 */
export function createPreviewProvider(options: Omit<ServeOptions, "port">): () => Promise<Site> {
  let lastGood: Site | undefined;
  return async () => {
    // The preview serves at / whatever the config's url says, so body links get no path prefix.
    const loaded = loadSite({ root: options.root, mode: "preview", siteUrl: options.siteUrl, pathPrefix: "/" });
    if (loaded.site && !hasErrors(loaded.diagnostics)) {
      const media = await prepareMedia(loaded.site, { root: options.root, cacheDir: path.join(options.root, CACHE_DIR), pathPrefix: "/" });
      loaded.diagnostics = sortDiagnostics([...loaded.diagnostics, ...media]);
    }
    const { site, shown } = choosePreviewSite(loaded, lastGood, () => emptyPreviewSite(options.root, Date.now()));
    if (shown === "current" && loaded.site) lastGood = loaded.site;
    options.onLoad?.(loaded.diagnostics, shown);
    return site;
  };
}
