import path from "node:path";
import type Eleventy from "@11ty/eleventy";
import type { OutputPage } from "../pages/page-views.ts";
import type { Site } from "../site/site.ts";
import { configureEleventy, TEMPLATE_DIRECTORIES, type EleventyOptions } from "./configure.ts";
import { releaseMemory } from "../core/release-memory.ts";
import { DEFAULT_PREVIEW_HOST, listenOnHost } from "./dev-server-host.ts";
import { pageBatches } from "./page-batches.ts";
import { PagePreviewer, type PreviewPage } from "./page-preview.ts";

/** The repository's own templates/ folder, used whatever site is being built. */
export const TEMPLATES_DIR = path.resolve(import.meta.dirname, "..", "..", TEMPLATE_DIRECTORIES.input);

/** Where to render from and to. */
export interface RenderTarget {
  root: string;
  outputDir: string;
  /** The templates folder; defaults to the repository's templates/. */
  templatesDir?: string | undefined;
}

/** The most pages one Eleventy run writes (Eleventy holds the HTML of every page it writes until the run ends: about 100 MB here). */
export const PAGES_PER_RUN = 4000;

/**
 * Render `pages` of `site` into `outputDir` with Eleventy, in runs of at most `pagesPerRun` pages
 * (Eleventy holds the HTML of every page of a run until it ends); resolves to the number of pages
 * written. Only pages are written: the build publishes every other file itself. `onBatch` is told
 * the pages of each run as it ends.
 */
export async function writeWithEleventy<Page extends OutputPage>(
  options: RenderTarget & { site: Site; pages: readonly Page[]; pagesPerRun?: number | undefined; onBatch?: (pagesWritten: number, batch: readonly Page[]) => void },
): Promise<number> {
  let written = 0;
  const size = options.pagesPerRun ?? PAGES_PER_RUN;
  const batches = pageBatches(options.pages, size);
  for (const [run, batch] of batches.entries()) {
    const eleventy = await createEleventy({ root: options.root, site: options.site, outputDir: options.outputDir, templatesDir: options.templatesDir, batch }, "build");
    // Tidings prints its own summary; Eleventy's console output would only repeat it.
    eleventy.disableLogger();
    await eleventy.init();
    const copiesFinished = trackPassthroughCopies(eleventy);
    let templates: { outputPath?: unknown }[];
    try {
      [, templates] = (await eleventy.write()) as [unknown, { outputPath?: unknown }[]];
    } catch (cause) {
      // Eleventy copies files alongside rendering and, when a template throws, rejects without
      // waiting for those copies; the caller then deletes the folder under them, and their failure
      // would surface later as an unhandled rejection. The copies finish first.
      await copiesFinished();
      throw cause;
    }
    written += templates.filter((template) => typeof template.outputPath === "string").length;
    options.onBatch?.(written, options.pages.slice(run * size, (run + 1) * size));
    // Room for the next run; after the last one, a full collection would only delay the build's end.
    if (run < batches.length - 1) releaseMemory();
  }
  return written;
}

// Eleventy 3's passthrough manager, as far as trackPassthroughCopies uses it (not public API: if
// it is missing, a build only loses the wait for the copies after a template error).
interface PassthroughManager {
  copyPassthrough(...args: unknown[]): Promise<unknown>;
}

/**
 * After `init()`: a function resolving once every file copy Eleventy has started is finished,
 * failed or not. Eleventy gathers them only after every template has rendered, so after a
 * template error nothing else ever waits for them (or handles their failure).
 */
function trackPassthroughCopies(eleventy: Eleventy): () => Promise<void> {
  const manager = (eleventy as unknown as { passthroughManager?: Partial<PassthroughManager> }).passthroughManager;
  const copy = manager?.copyPassthrough;
  const copies: Promise<unknown>[] = [];
  if (manager && copy) {
    manager.copyPassthrough = (...args: unknown[]) => {
      const copying = copy.apply(manager, args);
      copies.push(copying.catch(() => undefined));
      return copying;
    };
  }
  return async () => {
    await Promise.all(copies);
  };
}

/** A running preview server. */
export interface PreviewServer {
  /** Render one article or standalone page from `site`, write it into the preview and reload browsers showing it, ahead of the full rebuild. */
  showPage(site: Site, page: PreviewPage): Promise<void>;
}

/** An Eleventy instance for the preview, with a PagePreviewer attached to its configuration. */
export async function createPreviewEleventy(
  options: RenderTarget & { site: Site | (() => Promise<Site>); indexSearch?: boolean; editorBackendUrl?: string | undefined },
  runMode: "build" | "serve",
) {
  const previewer = new PagePreviewer(options.outputDir);
  const eleventy = await createEleventy({ ...options, publishEverything: true }, runMode, (eleventyConfig) => {
    previewer.attach(eleventyConfig as unknown as Parameters<PagePreviewer["attach"]>[0]);
  });
  return { eleventy, previewer };
}

/** Start Eleventy's dev server with live reload on `host` (default 127.0.0.1: this machine only); the site is reloaded from content on every rebuild. */
export async function serveWithEleventy(
  options: RenderTarget & { site: () => Promise<Site>; port?: number; host?: string | undefined; editorBackendUrl?: string | undefined },
): Promise<PreviewServer> {
  const { eleventy, previewer } = await createPreviewEleventy({ ...options, indexSearch: true }, "serve");
  await eleventy.init();
  await eleventy.watch();
  await listenOnHost(eleventy, options.host ?? DEFAULT_PREVIEW_HOST);
  await eleventy.serve(options.port ?? 8080);
  return {
    async showPage(site, page) {
      if (!previewer.ready) return;
      await previewer.write(site, page);
      await eleventy.eleventyServe?.reload({ files: [], build: { templates: [] } });
    },
  };
}

async function createEleventy(
  options: Omit<EleventyOptions, "pathPrefix"> & RenderTarget,
  runMode: "build" | "serve",
  onConfig?: (eleventyConfig: Parameters<typeof configureEleventy>[0]) => void,
): Promise<Eleventy> {
  const input = options.templatesDir ?? TEMPLATES_DIR;
  const outputDir = options.outputDir;
  // The preview is served from the server's root whatever the published address.
  const pathPrefix = typeof options.site === "function" ? "/" : options.site.config.pathPrefix;
  // Eleventy's cache buster for JavaScript it imports (config and data files, .11ty.js templates)
  // registers a module loader hook on its first import, and on Node 20 every import after that,
  // in the whole process, waits on a round trip to the hook's thread. Tidings gives Eleventy its
  // config directly and only Nunjucks templates: there is nothing for it to bust.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  // Loaded only when pages are written: a build that finds its output current never needs it.
  const { default: EleventyClass } = await import("@11ty/eleventy");
  return new EleventyClass(input, outputDir, {
    // Tidings passes its configuration directly; no config file is discovered.
    configPath: false,
    quietMode: true,
    runMode,
    pathPrefix,
    config: (eleventyConfig: Parameters<typeof configureEleventy>[0]) => {
      eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
      configureEleventy(eleventyConfig, { ...options, pathPrefix });
      onConfig?.(eleventyConfig);
      return {
        dir: {
          input,
          includes: TEMPLATE_DIRECTORIES.includes,
          layouts: TEMPLATE_DIRECTORIES.layouts,
          output: outputDir,
        },
      };
    },
  });
}
