import path from "node:path";
import { CONFIG_FILE } from "./content/config-file.ts";
import { CATALOGUE_DIR } from "./i18n/catalogues.ts";
import { createHash } from "node:crypto";
import { BUILD_CODE, codeFingerprint, CONTENT_CODE, PACKAGE_ROOT, PAGE_CODE, SEARCH_CODE } from "./cache/code-fingerprint.ts";
import { CACHE_FILE, loadContentCache, saveContentCache } from "./cache/content-cache.ts";
import { damagedCacheWarning } from "./cache/damaged-cache.ts";
import { hashInputFiles, type InputFiles } from "./cache/input-files.ts";
import { historyStamp } from "./history/git-log.ts";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { TEMPLATES_DIR, writeWithEleventy } from "./eleventy/run-eleventy.ts";
import { loadSite, type LoadedSite } from "./load-site.ts";
import { prepareMedia } from "./media/prepare-media.ts";
import { folderMaker } from "./core/files.ts";
import { checkHostLimits, loadFileSizes, type OutputFileSize } from "./publish/host-limits.ts";
import { isStillCurrent, readLastBuild, writeLastBuild } from "./publish/last-build.ts";
import { writeOutputFiles } from "./syndication/syndication-files.ts";
import { currentOutput, forgetOutput, outputKey, type ListedOutput, outputSizes, recordOutput, recordPatchedOutput, stampFiles, type IntactOutput, type OutputSources } from "./publish/output-manifest.ts";
import { OutputPatch } from "./publish/output-patch.ts";
import { keyPages, pageBaseKey, type KeyedPage } from "./publish/page-keys.ts";
import { PageStore } from "./publish/page-store.ts";
import { OutputReadying, reconcile } from "./publish/ready-output.ts";
import { acquireBuildLock, type LockHolder } from "./publish/build-lock.ts";
import { completeStaging, createStagingDirectory, discardStaging, patchIntoPlace, recoverOutput, swapIntoPlace } from "./publish/staging.ts";
import { listSiteFiles } from "./publish/site-files.ts";
import { publishStaticFiles, siteAssets, staticFilesStamp } from "./publish/static-files.ts";
import { releaseMemory } from "./core/release-memory.ts";
import { searchFolders, writeSiteSearch } from "./search/site-search.ts";
import { listOutputPages, siteChromes } from "./pages/page-views.ts";
import type { BuildMode } from "./model/types.ts";
import type { Site } from "./site/site.ts";

/** Where a build writes unless told otherwise, relative to the project root. */
export const DEFAULT_OUTPUT_DIR = "_site";

/** The cache folder inside the project root: resized images, rendered content and what the last build wrote, kept between builds; safe to delete. */
export const CACHE_DIR = ".tidings-cache";

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
  /**
   * A build to publish (`--deploy`, passed by the deploy workflow): refused while the site is still
   * the sample or a published page has setup's placeholder text. Not the CI variable, which
   * pull-request builds set too.
   */
  deploy?: boolean | undefined;
  /** The key signed image CDN URLs are made with (the CLI reads it from `TIDINGS_IMAGES_KEY`); needed when `images.signed`. */
  imageKey?: string | undefined;
  /** Where resized images and rendered content are kept between builds; relative paths are resolved against `root`. Default `.tidings-cache`. */
  cacheDir?: string;
  /** Reuse and update the content cache and the record of the last output (default true); false does all the work afresh and leaves the cache alone. */
  cache?: boolean;
  /** The most pages one Eleventy run writes (default PAGES_PER_RUN): fewer keep memory lower, at the cost of starting Eleventy more often. */
  pagesPerRun?: number;
  /** The search index's shard sizes (see SHARD_SIZES in src/search/search-shards.ts); tests use small ones. */
  searchShardSizes?: readonly number[];
  /** Told how far long steps have got (the CLI prints a progress line); never called for steps that finish at once. */
  onProgress?: (progress: BuildProgress) => void;
  /** Told when another build holds this folder's lock and this one waits for it (the CLI prints a line). */
  onWait?: ((holder: LockHolder) => void) | undefined;
  /** decap-server's API address for the preview's editor at /admin/ (default: its own default, port 8081); production editors commit through `editor.backend`. */
  editorBackendUrl?: string;
}

/** The progress task of resizing photos (the local image provider, photos not in the cache). */
export const RESIZING_PHOTOS = "Resizing photos";

// The progress task of indexing articles for search (only the shards not in the cache).
const INDEXING = "Indexing articles for search";

/** How far one step of a build has got. */
export interface BuildProgress {
  /** What is being done, e.g. "Rendering pages". */
  task: string;
  done: number;
  total: number;
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
  /** True when nothing had changed since the last build, so its output was kept as it is. */
  unchanged?: boolean;
  /** True when the files, code and options were the last build's and nothing in it was due to change: no content was even read. */
  inputsUnchanged?: boolean;
  /** Pages rendered by this build; the others were taken from earlier builds (the cache's page store). */
  rendered?: number;
  /** The output files of those pages (relative, with forward slashes), sorted. */
  renderedFiles?: string[];
  /** The search index's shards indexed by this build (`vocabulary` for the index that merges them); the others came from the cache. */
  indexedShards?: string[];
  /** Milliseconds spent loading content and rendering Markdown, processing images, in Eleventy, and indexing for search. */
  timings: { load: number; media: number; write: number; search: number };
}

/**
 * Build the site: load and check everything first, then render into a staging folder and swap it
 * in only on success, so a failed build leaves the previous output untouched and deleted articles
 * never linger. One build at a time per cache folder: a second one waits for the first (and says
 * so through `onWait`). An output left missing by a build stopped in the middle of its swap is put
 * back first.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const lock = await acquireBuildLock(path.resolve(options.root, options.cacheDir ?? CACHE_DIR), { onWait: options.onWait });
  try {
    recoverOutput(path.resolve(options.root, options.outputDir ?? DEFAULT_OUTPUT_DIR));
    return await buildUnlocked(options);
  } finally {
    lock.release();
  }
}

async function buildUnlocked(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.root, options.outputDir ?? DEFAULT_OUTPUT_DIR);
  const startedAt = performance.now();
  const cacheDir = path.resolve(options.root, options.cacheDir ?? CACHE_DIR);
  const cached = options.cache !== false;
  // One reference time for the whole build: what is scheduled, what has expired, what is recent.
  const now = options.now ?? Date.now();
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const outputName = path.relative(options.root, outputDir).split(path.sep).join("/") || ".";

  // The same files, code and options as the last successful build, at a time before anything in
  // it was due to change (a scheduled article, the news sitemap's window, midnight): its output is
  // current, and checking that costs reading no content at all (the 15-minute scheduled rebuild).
  const inputFiles = cached ? buildInputs(options, { templatesDir, outputDir, cacheDir }) : undefined;
  const inputs = inputFiles?.hash;
  const last = inputs === undefined ? undefined : readLastBuild(cacheDir, outputDir);
  if (inputs !== undefined && last !== undefined && isStillCurrent(last, inputs, now)) {
    const kept = currentOutput(cacheDir, outputDir, last.outputKey);
    if (kept !== undefined) {
      return {
        ok: true,
        diagnostics: [...last.diagnostics, ...checkHostLimits(kept.files, outputName)],
        pages: kept.pages,
        articles: last.articles,
        outputDir,
        timings: { load: performance.now() - startedAt, media: 0, write: 0, search: 0 },
        unchanged: true,
        inputsUnchanged: true,
        rendered: 0,
      };
    }
  }

  // The previous output is checked against its record, and when it cannot be patched (CI with
  // only the cache restored, or an output changed by hand) the last build's pages are put into
  // the staging folder from the page store, by a thread of its own while the content loads: the
  // disk's work (a walk of every folder; a folder and a link a page) beside the CPU's.
  const readying = cached ? OutputReadying.start(cacheDir, outputDir, path.join(cacheDir, "pages")) : undefined;
  try {
    return await buildChanges(options, { outputDir, startedAt, cacheDir, cached, now, templatesDir, outputName, inputs, fileDigests: inputFiles?.digests, readying });
  } finally {
    await readying?.settle();
  }
}

/** What buildUnlocked found out before loading anything. */
interface BuildContext {
  outputDir: string;
  startedAt: number;
  cacheDir: string;
  cached: boolean;
  now: number;
  templatesDir: string;
  /** The output folder as diagnostics name it. */
  outputName: string;
  /** The hash of the build's inputs (see buildInputs); undefined without the cache. */
  inputs: string | undefined;
  /** The SHA-256 of each input file's bytes that hashing the inputs found, by absolute path (see InputFiles); undefined without the cache. */
  fileDigests: ReadonlyMap<string, string> | undefined;
  /** The previous output being checked, or the last build's pages placed into a staging folder (with the cache). */
  readying: OutputReadying | undefined;
}

// Load, check and write a site whose inputs changed since the last build.
async function buildChanges(options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const { outputDir, startedAt, cacheDir, cached, now, templatesDir, outputName, inputs, fileDigests, readying } = context;
  // Damage found in the cache is said once per build, and never replayed by a later build that
  // finds nothing changed (the damaged entries were replaced).
  const cacheWarnings: Diagnostic[] = [];
  const damaged = (part: string, what: string) =>
    cacheWarnings.push(damagedCacheWarning(relativePath(options.root, path.join(cacheDir, part)), what));
  const loaded = loadWithCache({ ...options, now }, cacheDir, cached ? codeFingerprint(CONTENT_CODE) : undefined, fileDigests);
  if (loaded.cacheDamaged) damaged(CACHE_FILE, "rendered articles");
  const { site, diagnostics: loadDiagnostics } = loaded;
  releaseMemory();
  const timings = { load: performance.now() - startedAt, media: 0, write: 0, search: 0 };
  let diagnostics = loadDiagnostics;
  const result = (ok: boolean, pages: number, extra: Diagnostic[] = []): BuildResult => ({
    ok,
    diagnostics: [...diagnostics, ...extra, ...cacheWarnings],
    pages,
    articles: ok ? (site?.articles.length ?? 0) : 0,
    outputDir,
    timings,
  });
  if (!site || hasErrors(diagnostics)) return result(false, 0);

  let stepStartedAt = performance.now();
  const media = await prepareMedia(site, {
    root: options.root,
    cacheDir,
    pathPrefix: site.config.pathPrefix,
    imageKey: options.imageKey,
    onProgress: (done, total) => options.onProgress?.({ task: RESIZING_PHOTOS, done, total }),
  });
  if (media.damaged > 0) damaged("images", count(media.damaged, "resized photo"));
  diagnostics = sortDiagnostics([...diagnostics, ...media.diagnostics]);
  timings.media = performance.now() - stepStartedAt;
  // Copies of photos may still be under way (they overlap the rendering); nothing returns before they settle.
  const mediaProblem = () =>
    media.ready.then(
      () => undefined,
      (cause: unknown) => mediaCopyError(cause),
    );
  if (hasErrors(diagnostics)) {
    await mediaProblem();
    return result(false, 0);
  }

  // The previous output as the last build left it: only what changes is staged, and patched in
  // place at the end, instead of staging and swapping in all of the output again.
  const ready = await readying?.ready();
  const previous = ready?.previous;
  const staging = readying?.staging ?? createStagingDirectory(outputDir);
  const patch = previous === undefined ? undefined : new OutputPatch(staging, outputDir, previous);
  // The search index is made from the model, not the pages, so Pagefind (a process of its own)
  // can index on the other core while this one keys, places and renders the pages. Its progress is
  // shown once the pages are written, so the two steps do not take turns on one progress line.
  let writing = true;
  let searchProgress: BuildProgress | undefined;
  let indexedShards: string[] = [];
  const searchSources: OutputSources = {};
  const startSearch = () => {
    const startedAt = performance.now();
    return writeSiteSearch(staging, site, {
      cacheDir: cached ? path.join(cacheDir, "search") : undefined,
      code: cached ? codeFingerprint(SEARCH_CODE) : "uncached",
      sizes: options.searchShardSizes,
      patch,
      onProgress: (done, total) => {
        searchProgress = { task: INDEXING, done, total };
        if (!writing) options.onProgress?.(searchProgress);
      },
    }).then(
      (indexed) => {
        indexedShards = indexed.indexedShards;
        Object.assign(searchSources, indexed.sources);
        if (indexed.damaged > 0) damaged("search", count(indexed.damaged, "search index bundle"));
        timings.search = performance.now() - startedAt;
        searchProgress = undefined;
        return undefined;
      },
      (cause: unknown) => ({ cause }),
    );
  };
  // It starts now, before the pages are keyed, unless there is a previous output those keys may
  // show to be current (a draft edited), when indexing would be work thrown away: then it starts
  // once they show otherwise.
  let searching = previous === undefined ? startSearch() : undefined;
  // The search is let finish (it writes into the staging folder) before the folder is removed.
  const abandon = async () => {
    await searching;
    discardStaging(staging);
  };
  const failed = async (diagnostic: Diagnostic, cause?: unknown): Promise<BuildResult> => {
    await abandon();
    return { ...result(false, 0, [diagnostic]), ...(cause === undefined ? {} : { cause }) };
  };

  // Every page is listed with a key of all its HTML is made from: a page whose key an earlier
  // build rendered is taken from the page store, and when nothing changed at all, the last
  // build's output is current as it is.
  let siteFiles: ReturnType<typeof listSiteFiles>;
  let pages: KeyedPage[];
  try {
    const assets = siteAssets(options.root);
    siteFiles = listSiteFiles(site, { root: options.root, assets, editorBackendUrl: options.editorBackendUrl });
    // Only the code that turns views into HTML is in the pages' keys: a change elsewhere (the CLI,
    // a development tool's update) re-renders nothing.
    pages = keyPages(
      listOutputPages(site),
      pageBaseKey({ code: cached ? codeFingerprint(PAGE_CODE) : "uncached", templatesDir, chrome: siteChromes(site), assets }),
    );
  } catch (cause) {
    // Thrown on, as it was before the search could start here.
    await abandon();
    throw cause;
  }
  const { outputFiles, staticFiles } = siteFiles;
  const key = outputKey({ pages, outputFiles: outputFiles.map((file) => file.text), staticFiles: staticFilesStamp(staticFiles) });
  const remember = () => {
    if (inputs === undefined) return;
    const until = loaded.stableUntil ?? now;
    writeLastBuild(cacheDir, outputDir, {
      inputs,
      builtAt: now,
      stableUntil: until,
      outputKey: key,
      articles: site.articles.length,
      diagnostics,
    });
  };
  if (previous?.key === key) {
    // The search index is the previous one too; the staging folder goes with the readying.
    const problem = await mediaProblem();
    if (problem) return result(false, 0, [problem]);
    remember();
    const kept = outputSizes(previous);
    return { ...result(true, kept.pages, checkHostLimits(kept.files, outputName)), unchanged: true, rendered: 0 };
  }

  searching ??= startSearch();
  const store = cached ? new PageStore(path.join(cacheDir, "pages")) : undefined;
  // What each page and search shard is made from, for the output's record (the next build's patch).
  const sources: OutputSources = Object.fromEntries(pages.map((page) => [page.file, page.key]));
  // The pages already rendered are linked from the store first (thousands of folders and links
  // when there is no previous output to patch); Eleventy renders the rest.
  stepStartedAt = performance.now();
  let missing: KeyedPage[];
  let damagedAhead = 0;
  try {
    damagedAhead = ready?.damaged ?? 0;
    const placedAhead = ready && reconcile(staging, ready.placed, pages);
    missing = placeStoredPages(pages, { outputDir: staging, store, patch, placedAhead });
  } catch (cause) {
    return await failed(templateError(cause), cause);
  }
  let rendered: string[];
  try {
    rendered = await renderPages(site, missing, { ...options, outputDir: staging, templatesDir, store });
    const damagedPages = (store?.damaged ?? 0) + damagedAhead;
    if (damagedPages > 0) damaged("pages", count(damagedPages, "page"));
    writeOutputFiles(outputFiles, staging, patch && ((text, target) => patch.hasBytes(text, target)));
    const problem = await mediaProblem();
    if (problem) return await failed(problem);
    publishStaticFiles(staticFiles, staging, cacheDir, patch);
    timings.write = performance.now() - stepStartedAt;
  } catch (cause) {
    return await failed(templateError(cause), cause);
  }
  writing = false;
  if (searchProgress) options.onProgress?.(searchProgress);
  // Every file this build put in the staging folder, stamped for the output's record (instead of
  // a walk of it) while the search index is still being made: tens of thousands of stats at scale,
  // in time the build would otherwise spend waiting. Only a whole output swapped in needs them.
  const stamped =
    cached && previous === undefined
      ? stampFiles(staging, [...pages.map((page) => page.file), ...outputFiles.map((file) => file.path), ...staticFiles.map((file) => file.to)])
      : undefined;
  const searchFailure = await searching;
  if (searchFailure) return await failed(searchError(searchFailure.cause), searchFailure.cause);
  Object.assign(sources, searchSources);
  const listed: ListedOutput | undefined = stamped && { stamped, folders: searchFolders(site) };
  const sizes = putInPlace(staging, outputDir, { cacheDir, cached, key, pages: pages.length, sources, previous, patch, listed }) ?? loadFileSizes(outputDir);
  store?.prune(new Set(pages.map((page) => page.key)));
  remember();
  return {
    ...result(true, pages.length, checkHostLimits(sizes, outputName)),
    rendered: rendered.length,
    renderedFiles: rendered,
    indexedShards,
  };
}

/**
 * Put the staged output in place of `outputDir` and record it: patched in place when the build
 * staged only its changes (unless a file must go where a folder stays, when the staging folder is
 * completed from the previous output and swapped in whole), else swapped in. Returns every
 * output file's size when it was recorded.
 */
function putInPlace(
  staging: string,
  outputDir: string,
  build: {
    cacheDir: string;
    cached: boolean;
    key: string;
    pages: number;
    sources: OutputSources;
    previous: IntactOutput | undefined;
    patch: OutputPatch | undefined;
    listed: ListedOutput | undefined;
  },
): OutputFileSize[] | undefined {
  const { cacheDir, key, pages, sources, previous, patch } = build;
  // The files the build listed are all there is, unless the staging folder is completed from the previous output.
  let listed = build.listed;
  if (previous !== undefined && patch !== undefined) {
    forgetOutput(cacheDir, outputDir);
    const written = patchIntoPlace(staging, outputDir, Object.keys(previous.files), patch.kept);
    if (written !== undefined) return recordPatchedOutput(cacheDir, outputDir, { key, pages, sources, previous, kept: patch.kept, written });
    completeStaging(staging, outputDir, patch.kept);
    listed = undefined;
  }
  swapIntoPlace(staging, outputDir);
  return build.cached ? recordOutput(cacheDir, outputDir, { key, pages, sources }, listed) : undefined;
}

/**
 * Put every page the previous output (patched) or the store holds into `outputDir`, linked from
 * the store, but for those already placed ahead (see OutputReadying); returns the pages that must
 * be rendered.
 */
function placeStoredPages(
  pages: readonly KeyedPage[],
  options: { outputDir: string; store: PageStore | undefined; patch: OutputPatch | undefined; placedAhead: ReadonlySet<string> | undefined },
): KeyedPage[] {
  const { store, outputDir, patch, placedAhead } = options;
  const makeFolder = folderMaker();
  const missing: KeyedPage[] = [];
  for (const page of pages) {
    if (placedAhead?.has(page.file) === true) continue;
    const target = path.join(outputDir, page.file);
    if (patch?.hasSource(target, page.key) === true) continue;
    makeFolder(target);
    if (!store?.place(page.key, target)) missing.push(page);
  }
  return missing;
}

/**
 * Render the pages no earlier build left with Eleventy into `outputDir`, each run's pages kept in
 * the store as it ends, so a build that is stopped (a CI timeout) keeps what it finished.
 * Resolves to their files.
 */
async function renderPages(
  site: Site,
  missing: readonly KeyedPage[],
  options: Pick<BuildOptions, "root" | "pagesPerRun" | "onProgress"> & {
    outputDir: string;
    templatesDir: string;
    store: PageStore | undefined;
  },
): Promise<string[]> {
  const { store, outputDir } = options;
  if (missing.length === 0) return [];
  const total = missing.length;
  options.onProgress?.({ task: "Rendering pages", done: 0, total });
  await writeWithEleventy({
    root: options.root,
    site,
    pages: [...missing],
    outputDir,
    templatesDir: options.templatesDir,
    pagesPerRun: options.pagesPerRun,
    onBatch: (done, batch) => {
      if (store) for (const page of batch) store.keep(page.key, path.join(outputDir, page.file));
      options.onProgress?.({ task: "Rendering pages", done, total });
    },
  });
  return missing.map((page) => page.file.split(path.sep).join("/")).sort();
}

// Everything a build's output is made from besides the time: the files it reads (content/,
// public/, the templates, the config, the installed packages' lock), the code it runs and the
// options that change what it writes.
function buildInputs(options: BuildOptions, at: { templatesDir: string; outputDir: string; cacheDir: string }): InputFiles {
  const files = hashInputFiles(
    {
      // The shipped message catalogues are read, not imported, so the code's fingerprint does not cover them.
      folders: [path.join(options.root, "content"), path.join(options.root, "public"), at.templatesDir, CATALOGUE_DIR],
      files: [path.join(options.root, CONFIG_FILE), path.join(PACKAGE_ROOT, "package-lock.json")],
    },
    at.cacheDir,
    options.root,
  );
  const secret = options.imageKey === undefined ? null : createHash("sha256").update(options.imageKey).digest("hex");
  // The git history makes the articles' history pages: a commit that changes no file still changes them.
  const settings = [options.mode ?? "production", options.siteUrl ?? null, secret, options.editorBackendUrl ?? null, at.outputDir, options.deploy === true, historyStamp(options.root)];
  const hash = createHash("sha256")
    .update(files.hash)
    .update("\0")
    .update(codeFingerprint(BUILD_CODE))
    .update("\0")
    .update(JSON.stringify(settings))
    .digest("hex");
  return { hash, digests: files.digests };
}

// Load the site through the content cache, save the cache, and let it go: it is as large as the
// site model again, and Eleventy needs that memory next.
function loadWithCache(
  options: BuildOptions,
  cacheDir: string,
  code: string | undefined,
  fileDigests: ReadonlyMap<string, string> | undefined,
): LoadedSite & { cacheDamaged: boolean } {
  const cache = code === undefined ? undefined : loadContentCache(cacheDir, code);
  const onProgress =
    options.onProgress && ((done: number, total: number) => options.onProgress?.({ task: "Rendering articles", done, total }));
  const loadOptions = { root: options.root, mode: options.mode ?? "production", siteUrl: options.siteUrl, deploy: options.deploy, cache, fileDigests, onProgress } as const;
  const loaded = loadSite(options.now === undefined ? loadOptions : { ...loadOptions, now: options.now });
  if (cache) saveContentCache(cacheDir, cache);
  return { ...loaded, cacheDamaged: cache?.damaged === true };
}

// "1 stored page", "3 stored pages".
function count(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? "" : "s"}`;
}

// A path relative to the project root, with forward slashes, as diagnostics name files.
function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

// Copying photos into the cache fails for want of disk space or permission, never because of an article.
function mediaCopyError(cause: unknown): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  return error("build/media-copy", CACHE_DIR, `copying the original photos into the cache failed: ${message}`, {
    fix: `Check that the disk has room for ${CACHE_DIR}/ (it holds a copy of every photo) and that it can be written; the previous site stays online.`,
  });
}

// Pagefind failing is a problem with the machine or the code, never with an article; only a
// missing binary is a matter of `npm ci`, so only then does the fix say so.
function searchError(cause: unknown): Diagnostic {
  const message = cause instanceof Error ? (cause.message.split("\n")[0] ?? cause.message) : String(cause);
  const notInstalled = /Failed to install either of|Cannot find (module|package) 'pagefind'|ENOENT.*pagefind/.test(message);
  return error("build/search", "templates/", `building the search index failed: ${message}`, {
    fix: notInstalled
      ? "The pagefind package is not installed for this platform: run `npm ci`, then build again."
      : "This is a problem with the machine (disk space, memory) or the code, not in an article: build again, and if it fails again run with TIDINGS_DEBUG=1 to see the full error.",
  });
}

// A template failure is a bug in templates/ or src/, not in an editor's file: name it plainly.
function templateError(cause: unknown): Diagnostic {
  const message = cause instanceof Error ? (cause.message.split("\n")[0] ?? String(cause)) : String(cause);
  const original = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message.split("\n")[0]}` : "";
  return error("build/template", "templates/", `rendering the pages failed: ${message}${original}`, {
    fix: "This is a problem in the templates or the code, not in an article. Run with TIDINGS_DEBUG=1 to see the full error.",
  });
}
