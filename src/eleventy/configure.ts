import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { toAbsoluteUrl } from "../outputs/absolute-url.ts";
import { renderNewsArticleJsonLd } from "../outputs/render-json-ld.ts";
import { renderOutputFile } from "../outputs/render-output.ts";
import { shareImage } from "../outputs/share-image.ts";
import { DeferredSearchIndex } from "../search/deferred-search-index.ts";
import type { Article, OutputFile, Site } from "../site/types.ts";
import { allPages, type EleventySite, type PageLists } from "./page-batches.ts";

/** What the Eleventy configuration needs from Tidings. */
export interface EleventyOptions {
  /** Absolute path of the project root. */
  root: string;
  /** The site model, or a function returning the current one (the dev server reloads it on every rebuild). */
  site: Site | (() => Promise<Site>);
  /** The pages this Eleventy run writes, when a build is split into several runs; default every page. */
  batch?: PageLists;
  /** Keep a search index of the output, written once rebuilds pause (the dev server; builds index their staging folder themselves). */
  indexSearch?: boolean;
  /** The folder the site is published under, with slashes at both ends (`/` or `/news/`); the `url` filter prefixes site paths with it. */
  pathPrefix: string;
}

/** The folders Eleventy reads, relative to the project root. */
export const TEMPLATE_DIRECTORIES = {
  input: "templates",
  includes: "_includes",
  layouts: "_layouts",
} as const;

/** The stylesheet, fingerprinted so hosts can cache it for a year. */
export const STYLESHEET = "public/css/site.css";

/** The search page's script; it ships with Tidings' templates, whatever the site. */
export const SEARCH_SCRIPT = path.resolve(import.meta.dirname, "..", "..", "templates", "_assets", "search.js");

// Eleventy's config API is loosely typed JavaScript; this names the few methods Tidings calls.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(mapping: string | Record<string, string>): void;
  on(event: "eleventy.after", listener: (event: { directories: { output: string } }) => Promise<void>): void;
  on(event: "eleventy.before", listener: () => void): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  getFilter(name: string): ((...args: unknown[]) => unknown) | undefined;
  addPlugin(plugin: (eleventyConfig: EleventyConfig) => void): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  setDataDeepMerge(deep: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  setServerPassthroughCopyBehavior(behavior: string): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string): void;
  pathPrefix?: string;
  benchmarkManager?: { get(group: string): { setIsVerbose(verbose: boolean): void } };
}

/**
 * Wire Tidings into Eleventy: the Site model as global data, Nunjucks page templates that paginate
 * over it, the public/ folder copied through, and a fingerprinted stylesheet. This is the only
 * module that knows Eleventy's API.
 */
export function configureEleventy(eleventyConfig: EleventyConfig, options: EleventyOptions): void {
  const { root } = options;
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setQuietMode(true);
  // Quiet mode does not reach the benchmark group Eleventy creates before reading this config, so a
  // filter's cold start (the first feed parses its articles) would print "[11ty] Benchmark" lines.
  // Tidings reports its own timings.
  eleventyConfig.benchmarkManager?.get("Configuration").setIsVerbose(false);
  // Articles are data, not Eleventy templates; deep merging them into every page would only cost time.
  eleventyConfig.setDataDeepMerge(false);
  // Autoescape stays on (Eleventy's default for Nunjucks); undefined values fail loudly instead of printing nothing.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });

  const provide = options.site;
  let current: Site | undefined = typeof provide === "function" ? undefined : provide;
  // Page templates paginate over `site.paginate`: every page, or this run's share of a batched build.
  eleventyConfig.addGlobalData("site", async (): Promise<EleventySite> => {
    current = typeof provide === "function" ? await provide() : provide;
    return { ...current, paginate: options.batch ?? allPages(current) };
  });
  const stylesheet = path.join(root, STYLESHEET);
  const stylesheetPath = fingerprintedPath(stylesheet, "/assets/site");
  const searchScriptPath = fingerprintedPath(SEARCH_SCRIPT, "/assets/search");
  eleventyConfig.addGlobalData("assets", { stylesheet: stylesheetPath, searchScript: searchScriptPath });

  eleventyConfig.addPassthroughCopy({ [toGlobPath(path.join(root, "public"))]: "/" });
  if (existsSync(stylesheet)) eleventyConfig.addPassthroughCopy({ [toGlobPath(stylesheet)]: stylesheetPath.slice(1) });
  eleventyConfig.addPassthroughCopy({ [toGlobPath(SEARCH_SCRIPT)]: searchScriptPath.slice(1) });
  // Images from content/ are copied after each build, from the site model of that build.
  const search = options.indexSearch ? new DeferredSearchIndex() : undefined;
  eleventyConfig.on("eleventy.before", () => search?.postpone());
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (current) await copyAssets(current.assets, directories.output);
    search?.request(directories.output);
  });

  eleventyConfig.addWatchTarget(path.join(root, "content"));
  eleventyConfig.addWatchTarget(path.join(root, "tidings.config.yml"));
  eleventyConfig.addWatchTarget(path.join(root, "public"));
  eleventyConfig.setServerPassthroughCopyBehavior("passthrough");

  // Every paginated template publishes one item per page at the item's own `url`. A function in the
  // data cascade is used as is, where a `permalink: "{{ article.url }}"` string would be compiled
  // by Nunjucks again for every page. Templates that are not paginated set a plain permalink.
  eleventyConfig.addGlobalData("permalink", () => permalinkOfItem);

  // Eleventy's own `url` filter tries `new URL()` on every value (an exception per site path) and
  // normalises paths; site paths are already normal, so only odd values take that slow road. It is
  // replaced in a plugin because plugins run after Eleventy's defaults, which would override it.
  eleventyConfig.addPlugin((pluginConfig) => {
    const eleventyUrl = pluginConfig.getFilter("url");
    pluginConfig.addFilter("url", (value: string) => {
      if (isPlainSitePath(value)) return options.pathPrefix === "/" ? value : `${options.pathPrefix}${value.slice(1)}`;
      return eleventyUrl ? eleventyUrl(value, options.pathPrefix) : value;
    });
  });
  // Every page's canonical address: a string join when both parts are already in normal form (what
  // URL parsing would give back unchanged), else the full WHATWG parse.
  eleventyConfig.addFilter("absoluteUrl", (sitePath: string, base: string) =>
    isPlainSitePath(sitePath) && NORMAL_BASE.test(base) ? `${base}/${sitePath.slice(1)}` : toAbsoluteUrl(sitePath, base),
  );
  // Feeds, sitemaps, robots.txt and JSON-LD are rendered by the pure functions in src/outputs/;
  // templates only say where they go.
  eleventyConfig.addFilter("renderOutput", (file: OutputFile, site: Site) => renderOutputFile(file, site));
  eleventyConfig.addFilter("newsArticleJsonLd", (article: Article, site: Site) => renderNewsArticleJsonLd(article, site));
  eleventyConfig.addFilter("shareImage", (article: Article, site: Site) => shareImage(article, site.config));
}

// A site address as WHATWG URL parsing writes it: lowercase scheme and host, plain path segments, no trailing slash.
const NORMAL_BASE = /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[\w~-][\w.~-]*)*$/;

/** The permalink of a page of a paginated template: the `url` of its one item. */
function permalinkOfItem(data: { pagination?: { items?: { url?: unknown }[] }; page?: { inputPath?: string } }): string {
  const url = data.pagination?.items?.[0]?.url;
  if (typeof url !== "string") {
    throw new Error(`${data.page?.inputPath ?? "a template"} needs a permalink: paginate over items that have a \`url\` (size 1), or set \`permalink\` in its front matter`);
  }
  return url;
}

/** A site path that needs no normalising or encoding: `/`, `/2026/03/01/flood-wall/`, `/assets/site.1a2b.css`. */
function isPlainSitePath(value: string): boolean {
  // Segments cannot start with a dot, so `.` and `..` never pass; one way to match keeps it linear.
  return typeof value === "string" && /^\/(?:[\w~-][\w.~-]*\/)*(?:[\w~-][\w.~-]*)?$/.test(value);
}

/** Copy local images into the output folder, skipping files already there with the same size. */
export async function copyAssets(assets: Site["assets"], outputDir: string): Promise<void> {
  await Promise.all(
    assets.map(async ({ from, to }) => {
      const target = path.join(outputDir, to);
      const [source, existing] = await Promise.all([stat(from), stat(target).catch(() => undefined)]);
      if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(from, target);
    }),
  );
}

// Eleventy's passthrough takes glob-style paths with forward slashes.
function toGlobPath(file: string): string {
  return file.split(path.sep).join("/");
}

/** The site path of a file with a content hash in its name: `/assets/site.3f2a9c1b.css`. */
export function fingerprintedPath(file: string, base: string): string {
  const hash = existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10) : "missing";
  return `${base}.${hash}${path.extname(file)}`;
}
