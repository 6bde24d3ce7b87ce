import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Site } from "../site/types.ts";
import { configureEleventy, TEMPLATE_DIRECTORIES, type EleventyOptions } from "./configure.ts";

/** Where the templates live: the repository's own templates/ folder, whatever site is being built. */
export const TEMPLATES_ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Render the site into `outputDir` with Eleventy; resolves to the number of pages written. */
export async function writeWithEleventy(options: { root: string; site: Site; outputDir: string }): Promise<number> {
  const eleventy = createEleventy({ root: options.root, site: options.site }, options.outputDir, "build");
  // Tidings prints its own summary; Eleventy's console output would only repeat it.
  eleventy.disableLogger();
  const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
  return templates.length;
}

/** Start Eleventy's dev server with live reload; the site is reloaded from content on every rebuild. */
export async function serveWithEleventy(options: { root: string; site: () => Promise<Site>; outputDir: string; port?: number }): Promise<void> {
  const eleventy = createEleventy({ root: options.root, site: options.site }, options.outputDir, "serve");
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port ?? 8080);
}

function createEleventy(options: EleventyOptions, outputDir: string, runMode: "build" | "serve") {
  return new Eleventy(path.join(TEMPLATES_ROOT, TEMPLATE_DIRECTORIES.input), outputDir, {
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
          input: path.join(TEMPLATES_ROOT, TEMPLATE_DIRECTORIES.input),
          includes: TEMPLATE_DIRECTORIES.includes,
          layouts: TEMPLATE_DIRECTORIES.layouts,
          output: outputDir,
        },
      };
    },
  });
}
