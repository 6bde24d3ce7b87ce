import path from "node:path";
import { error, hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { writeWithEleventy } from "./eleventy/run-eleventy.ts";
import { loadSite } from "./load-site.ts";
import { createStagingDirectory, discardStaging, swapIntoPlace } from "./output/staging.ts";
import type { BuildMode } from "./site/types.ts";

/** Where a build writes unless told otherwise, relative to the project root. */
export const DEFAULT_OUTPUT_DIR = "_site";

/** Options for one build. */
export interface BuildOptions {
  /** Absolute path of the project root. */
  root: string;
  /** The output folder; relative paths are resolved against `root`. Default `_site`. */
  outputDir?: string;
  /** `production` (default) leaves out drafts and scheduled articles; `preview` shows them. */
  mode?: BuildMode;
  /** Reference time for scheduling, ms since the epoch; defaults to now. */
  now?: number;
  /** Another templates folder (tests use this to prove a failing template never harms the output). */
  templatesDir?: string;
  /** Replaces the config's `url` (from `TIDINGS_URL`); validated like it. */
  siteUrl?: string | undefined;
}

/** What a build did: every problem found, and what was written when it succeeded. */
export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Pages written; 0 when the build failed. */
  pages: number;
  articles: number;
  outputDir: string;
  /** The underlying error when rendering failed, for debugging. */
  cause?: unknown;
  /** Milliseconds spent loading content and rendering Markdown, then in Eleventy. */
  timings: { load: number; write: number };
}

/**
 * Build the site: load and check everything first, then render into a staging folder and swap it
 * in only on success, so a failed build leaves the previous output untouched and deleted articles
 * never linger.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.root, options.outputDir ?? DEFAULT_OUTPUT_DIR);
  const startedAt = performance.now();
  const loadOptions = { root: options.root, mode: options.mode ?? "production", siteUrl: options.siteUrl } as const;
  const { site, diagnostics } = loadSite(options.now === undefined ? loadOptions : { ...loadOptions, now: options.now });
  const loadedAt = performance.now();
  const result = (ok: boolean, pages: number, extra: Diagnostic[] = []): BuildResult => ({
    ok,
    diagnostics: [...diagnostics, ...extra],
    pages,
    articles: ok ? (site?.articles.length ?? 0) : 0,
    outputDir,
    timings: { load: loadedAt - startedAt, write: performance.now() - loadedAt },
  });
  if (!site || hasErrors(diagnostics)) return result(false, 0);

  const staging = createStagingDirectory(outputDir);
  try {
    const pages = await writeWithEleventy({ root: options.root, site, outputDir: staging, templatesDir: options.templatesDir });
    swapIntoPlace(staging, outputDir);
    return result(true, pages);
  } catch (cause) {
    discardStaging(staging);
    return { ...result(false, 0, [templateError(cause)]), cause };
  }
}

// A template failure is a bug in templates/ or src/, not in an editor's file: name it plainly.
function templateError(cause: unknown): Diagnostic {
  const message = cause instanceof Error ? (cause.message.split("\n")[0] ?? String(cause)) : String(cause);
  const original = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message.split("\n")[0]}` : "";
  return error("build/template", "templates/", `rendering the pages failed: ${message}${original}`, {
    fix: "This is a problem in the templates or the code, not in an article. Run with TIDINGS_DEBUG=1 to see the full error.",
  });
}
