import { existsSync, watch } from "node:fs";
import path from "node:path";
import { LOCAL_BACKEND_PORT, localBackendUrl } from "./admin/editor-files.ts";
import { previewOrigins, startLocalBackend, type LocalBackend } from "./admin/local-backend.ts";
import { CACHE_DIR, DEFAULT_OUTPUT_DIR } from "./build.ts";
import { recoverOutput } from "./publish/staging.ts";
import { codeFingerprint, CONTENT_CODE } from "./cache/code-fingerprint.ts";
import { CONFIG_FILE } from "./content/config-file.ts";
import { loadContentCache, saveContentCache, type ContentCache } from "./cache/content-cache.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import type { PreviewPage } from "./eleventy/page-preview.ts";
import { serveWithEleventy, type PreviewServer } from "./eleventy/run-eleventy.ts";
import { loadSite, type LoadedSite } from "./load-site.ts";
import { prepareMedia } from "./media/prepare-media.ts";
import { choosePreviewSite, emptyPreviewSite, type PreviewChoice } from "./preview-site.ts";
import type { Site } from "./site/site.ts";

/** Where the preview server writes: never `_site/`, so a preview cannot be deployed by mistake. */
export const PREVIEW_DIR = ".tidings-preview";

/** Options for the preview server. */
export interface ServeOptions {
  /** Absolute path of the project root. */
  root: string;
  port: number;
  /** The address the preview listens on (default 127.0.0.1, this machine only; `0.0.0.0` for every network). */
  host?: string | undefined;
  /** Replaces the config's `url` (from `TIDINGS_URL`). */
  siteUrl?: string | undefined;
  /** Told after every load what was found and which site is shown, so the caller can print it. */
  onLoad?: (diagnostics: readonly Diagnostic[], shown: PreviewChoice) => void;
  /** The port of decap-server, the web editor's local backend, started beside the preview (default 8081); 0 starts none. */
  editorPort?: number;
  /** Told whether the web editor's local backend started, and if not why, so the caller can print it. */
  onEditor?: (started: { ok: true; url: string } | { ok: false; problem: string }) => void;
}

/**
 * Run the preview: drafts and scheduled articles shown, content reloaded on every save. Problems
 * never stop the server: every page lists them, over the last good version of the site (or an
 * empty one when there has been none yet). The content cache stays in memory, so a save parses
 * and renders only the file that changed; a saved article or page is rendered on its own and
 * shown at once, and Eleventy's full rebuild (lists, tags, search, every page's problem list)
 * follows.
 */
export async function serve(options: ServeOptions): Promise<void> {
  // A build stopped in the middle of its swap leaves no _site/: the preview, which an editor
  // starts first, puts it back (it never writes there itself).
  recoverOutput(path.join(options.root, DEFAULT_OUTPUT_DIR));
  const cacheDir = path.join(options.root, CACHE_DIR);
  const cache = loadContentCache(cacheDir, codeFingerprint(CONTENT_CODE));
  const changes = { count: 0 };
  const provider = createPreviewProvider({ ...options, cache, changes });
  let saved = false;
  const editorPort = options.editorPort ?? LOCAL_BACKEND_PORT;
  const backend = editorPort === 0 ? undefined : await startEditorBackend(options.root, editorPort, options.port, options.onEditor);
  const server = await serveWithEleventy({
    editorBackendUrl: backend?.url ?? localBackendUrl(editorPort),
    root: options.root,
    site: async () => {
      const site = await provider();
      // The next start (or build) begins warm; later saves change a file or two at most.
      if (!saved) saveContentCache(cacheDir, cache);
      saved = true;
      return site;
    },
    outputDir: path.join(options.root, PREVIEW_DIR),
    port: options.port,
    host: options.host,
  });
  watchContent(options.root, changes, (file) => showFirst(server, provider, file));
}

/**
 * Start decap-server against the working copy for the editor at /admin/, and stop it when the
 * preview stops (a restart by `tsx watch` included); a failure (the port taken, the package
 * missing) is reported, never fatal: the preview works without the editor.
 */
async function startEditorBackend(root: string, port: number, previewPort: number, onEditor: ServeOptions["onEditor"]): Promise<LocalBackend | undefined> {
  try {
    const backend = await startLocalBackend(root, port, { origins: previewOrigins(previewPort) });
    const stop = () => {
      backend.process.kill();
    };
    process.once("exit", stop);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        stop();
        process.exit(130);
      });
    }
    onEditor?.({ ok: true, url: backend.url });
    return backend;
  } catch (cause) {
    onEditor?.({ ok: false, problem: cause instanceof Error ? cause.message : String(cause) });
    return undefined;
  }
}

/**
 * The function Eleventy calls on every rebuild of the preview: load the content and choose the
 * site to show, remembering the last one without errors; it never throws for content problems.
 * `peek` loads quietly for the single-page fast path: the site when it is the one a rebuild would
 * show, else undefined.
 */
export type PreviewProvider = (() => Promise<Site>) & { peek(): Promise<Site | undefined> };

/** Counts saves to content and the config, so a load can tell whether anything changed since another. */
export interface ChangeCounter {
  count: number;
}

/**
 * The loads of one preview server, sharing its content cache. With a change counter, the rebuild
 * that follows a fast-path `peek` reuses what the peek loaded when nothing was saved in between,
 * instead of loading the site a second time while the browser waits for the page.
 */
export function createPreviewProvider(
  options: Omit<ServeOptions, "port"> & { cache?: ContentCache; changes?: ChangeCounter },
): PreviewProvider {
  let lastGood: Site | undefined;
  // Set the moment a peek starts, so a rebuild that starts while it loads waits for it instead of loading again.
  let peeked: { loading: Promise<LoadedSite>; changes: number } | undefined;
  const load = async (): Promise<LoadedSite> => {
    options.cache?.startRun();
    // The preview serves at / whatever the config's url says, so body links get no path prefix.
    const loaded = loadSite({ root: options.root, mode: "preview", siteUrl: options.siteUrl, pathPrefix: "/", cache: options.cache });
    if (loaded.site && !hasErrors(loaded.diagnostics)) {
      const media = await prepareMedia(loaded.site, { root: options.root, cacheDir: path.join(options.root, CACHE_DIR), pathPrefix: "/", preview: true });
      // Eleventy copies site.assets as soon as it runs, so they must all be there.
      await media.ready;
      loaded.diagnostics = sortDiagnostics([...loaded.diagnostics, ...media.diagnostics]);
    }
    return loaded;
  };
  const provide = async (): Promise<Site> => {
    const reusable = peeked && options.changes && peeked.changes === options.changes.count ? peeked.loading : undefined;
    peeked = undefined;
    const loaded = await (reusable ?? load());
    const { site, shown } = choosePreviewSite(loaded, lastGood, () => emptyPreviewSite(options.root, Date.now()));
    if (shown === "current" && loaded.site) lastGood = loaded.site;
    options.onLoad?.(loaded.diagnostics, shown);
    return site;
  };
  const peek = async (): Promise<Site | undefined> => {
    const changes = options.changes?.count ?? 0;
    const loading = load();
    peeked = { loading, changes };
    const loaded = await loading;
    const { site, shown } = choosePreviewSite(loaded, lastGood, () => emptyPreviewSite(options.root, Date.now()));
    return shown === "current" ? site : undefined;
  };
  return Object.assign(provide, { peek });
}

// Show the saved article or page on its own; problems are left to the full rebuild, which lists them.
async function showFirst(server: PreviewServer, provider: PreviewProvider, file: string): Promise<void> {
  try {
    const site = await provider.peek();
    const page = site ? findPage(site, file) : undefined;
    if (site && page) await server.showPage(site, page);
  } catch {
    // The full rebuild that follows renders every page and reports any problem.
  }
}

/** The article or standalone page published from a content file, if any. */
export function findPage(site: Site, file: string): PreviewPage | undefined {
  const article = site.articles.find((candidate) => candidate.file === file);
  if (article) return { template: "article", item: article };
  const page = site.pages.find((candidate) => candidate.file === file);
  return page ? { template: "page", item: page } : undefined;
}

// Call `onChange` with the project path of each saved Markdown file in content/, one at a time, and
// count every save to content/ or the config.
function watchContent(root: string, changes: ChangeCounter, onChange: (file: string) => Promise<void>): void {
  const pending = new Set<string>();
  let running = false;
  const drain = async () => {
    if (running) return;
    running = true;
    for (let [file] = pending; file !== undefined; [file] = pending) {
      pending.delete(file);
      await onChange(file);
    }
    running = false;
  };
  watch(root, (_event, name) => {
    if (name === CONFIG_FILE) changes.count++;
  });
  // Without content/ yet there is nothing to show first; Eleventy's own watcher still rebuilds.
  if (!existsSync(path.join(root, "content"))) return;
  watch(path.join(root, "content"), { recursive: true }, (_event, name) => {
    changes.count++;
    if (!name?.endsWith(".md")) return;
    pending.add(`content/${name.split(path.sep).join("/")}`);
    setTimeout(() => void drain(), 5);
  });
}
