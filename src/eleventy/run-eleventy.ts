import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Site } from "../site/types.ts";
import { configureEleventy, TEMPLATE_DIRECTORIES, type EleventyOptions } from "./configure.ts";

/** The repository's own templates/ folder, used whatever site is being built. */
export const TEMPLATES_DIR = path.resolve(import.meta.dirname, "..", "..", TEMPLATE_DIRECTORIES.input);

/** Where to render from and to. */
export interface RenderTarget {
  root: string;
  outputDir: string;
  /** The templates folder; defaults to the repository's templates/. */
  templatesDir?: string | undefined;
}

/** Render the site into `outputDir` with Eleventy; resolves to the number of pages written. */
export async function writeWithEleventy(options: RenderTarget & { site: Site }): Promise<number> {
  const eleventy = createEleventy(options, "build");
  // Tidings prints its own summary; Eleventy's console output would only repeat it.
  eleventy.disableLogger();
  const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
  return templates.length;
}

/** Start Eleventy's dev server with live reload; the site is reloaded from content on every rebuild. */
export async function serveWithEleventy(options: RenderTarget & { site: () => Promise<Site>; port?: number }): Promise<void> {
  const eleventy = createEleventy({ ...options, indexSearch: true }, "serve");
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port ?? 8080);
}

function createEleventy(options: EleventyOptions & RenderTarget, runMode: "build" | "serve") {
  const input = options.templatesDir ?? TEMPLATES_DIR;
  const outputDir = options.outputDir;
  return new Eleventy(input, outputDir, {
    // Tidings passes its configuration directly; no config file is discovered.
    configPath: false,
    quietMode: true,
    runMode,
    pathPrefix: typeof options.site === "function" ? undefined : options.site.config.pathPrefix,
    config: (eleventyConfig: Parameters<typeof configureEleventy>[0]) => {
      eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
      configureEleventy(eleventyConfig, options);
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
