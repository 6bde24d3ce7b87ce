import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { editorFiles, localBackendUrl, publishesEditor } from "../admin/editor-files.ts";
import { frameOrigins, withFrameSources } from "../embeds/frame-sources.ts";
import type { SiteAssets, StaticFile } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { renderOutputFiles, type RenderedOutputFile } from "../syndication/syndication-files.ts";
import { listStaticFiles } from "./static-files.ts";

/** Everything a site publishes besides its pages: the files it writes and the files it copies as they are. */
export interface SiteFiles {
  /** Feeds, sitemaps, robots.txt, the web editor's page and config, and `_headers` when the embeds change it. */
  outputFiles: RenderedOutputFile[];
  /** public/, the stylesheet and scripts at their fingerprinted addresses, the site's pictures and the web editor's scripts. */
  staticFiles: StaticFile[];
}

/** What the site files depend on besides the model. */
export interface SiteFileOptions {
  root: string;
  assets: SiteAssets;
  /** decap-server's API address for the preview's editor (default: its own default port); production editors commit through `editor.backend`. */
  editorBackendUrl?: string | undefined;
}

/**
 * Every file a site publishes besides its pages, the same for a build and for the preview, so
 * what an editor previews is what readers get: the web editor is output like a feed (its
 * config.yml offers the site's authors and tags), and public/_headers gets the frame sources of
 * the embeds the articles use.
 */
export function listSiteFiles(site: Site, options: SiteFileOptions): SiteFiles {
  const { root, assets } = options;
  const editor = publishesEditor(site)
    ? editorFiles(site, { assets, localBackendUrl: site.mode === "preview" ? (options.editorBackendUrl ?? localBackendUrl()) : undefined })
    : undefined;
  const headers = headersWithFrames(root, site);
  const staticFiles = [...listStaticFiles(root, site, assets), ...(editor?.copied ?? [])].filter(
    (file) => headers === undefined || file.to !== headers.path,
  );
  const outputFiles = [...renderOutputFiles(site), ...(editor?.generated ?? []), ...(headers ? [headers] : [])];
  return { outputFiles, staticFiles };
}

/**
 * Copy static files into an output folder that already holds an earlier run's (the preview's),
 * skipping each whose copy there has its size and is not older: a rebuild copies what changed.
 */
export async function updateStaticFiles(files: readonly StaticFile[], outputDir: string): Promise<void> {
  await Promise.all(
    files.map(async ({ from, to }) => {
      const target = path.join(outputDir, to);
      const [source, existing] = await Promise.all([stat(from), stat(target).catch(() => undefined)]);
      if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) return;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(from, target);
    }),
  );
}

// Where hosts read response headers from (public/_headers is published here).
const HEADERS_FILE = "/_headers";

/**
 * public/_headers with `frame-src` allowing exactly the embed providers the site's articles use,
 * published in place of the editors' copy; undefined when there is no file or no embed, so the
 * file is published as it is.
 */
function headersWithFrames(root: string, site: Site): RenderedOutputFile | undefined {
  const file = path.join(root, "public", HEADERS_FILE.slice(1));
  // Each body's origins were found when it was rendered, so no body is read here; a live page's updates are at hand.
  const origins = [
    ...new Set([
      ...site.articles.flatMap((article) => article.body.frameOrigins),
      ...frameOrigins(site.articles.map((article) => (article.live?.updates ?? []).map((update) => update.html))),
    ]),
  ].sort();
  if (origins.length === 0 || !existsSync(file)) return undefined;
  return { path: HEADERS_FILE, text: withFrameSources(readFileSync(file, "utf8"), origins) };
}
