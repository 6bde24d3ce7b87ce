import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { RenderedOutputFile } from "../syndication/syndication-files.ts";
import type { SiteAssets, StaticFile } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { cmsConfig, renderCmsConfig, shortForms, type ShortForms } from "./cms-config.ts";
import { PIN_SUGGESTIONS } from "./cms-types.ts";
import { textDirection } from "../core/text-direction.ts";

/** Where the web editor is published, under the site's path prefix. */
export const EDITOR_PATH = "/admin/";

/**
 * Decap CMS's prebuilt browser bundle, vendored from the npm package `decap-cms` (the version and
 * the package's integrity in source.json, every file's SHA-256 in SHA256SUMS, checked by
 * tests/admin/decap-bundle.test.ts): the package would bring its build-time dependencies (webpack,
 * React, 40 `decap-cms-*` packages; over 600 packages) into every install for these files.
 */
export const DECAP_DIR = path.resolve(import.meta.dirname, "..", "..", "vendor", "decap-cms");

/** Tidings' additions to the CMS (suggestion lists, the article preview with the site's CSS); shipped with the templates. */
export const EDITOR_SCRIPT = path.resolve(import.meta.dirname, "..", "..", "templates", "_assets", "cms.js");

/** The address decap-server answers on by default, and the one `npm start` starts it on. */
export const LOCAL_BACKEND_PORT = 8081;

/** decap-server's API address on this machine (Decap CMS only uses it when /admin/ is opened on localhost). */
export function localBackendUrl(port = LOCAL_BACKEND_PORT): string {
  return `http://127.0.0.1:${port}/api/v1`;
}

/** The files of /admin/: generated text (the page and config.yml) and files copied as they are (the CMS bundle, Tidings' script). */
export interface EditorFiles {
  generated: RenderedOutputFile[];
  copied: StaticFile[];
}

/** How the editor is published. */
export interface EditorFileOptions {
  /** The stylesheet's and search script's published addresses; the preview pane uses the site's CSS. */
  assets: SiteAssets;
  /** decap-server's API address, when the editor works against the working copy (the preview). */
  localBackendUrl?: string | undefined;
}

/**
 * True when a build publishes /admin/: always in the preview (against the working copy), in
 * production only when the config's `editor` section says which backend to commit through.
 */
export function publishesEditor(site: Pick<Site, "config" | "mode">): boolean {
  return site.mode === "preview" || site.config.editor !== undefined;
}

/**
 * Every file of the web editor at /admin/: its page, config.yml generated from the schemas and
 * the site (authors, tags and recent articles offered), Decap CMS's bundle copied from vendor/decap-cms (no CDN, so
 * the site's Content-Security-Policy can name exactly what it loads) and Tidings' script.
 */
export function editorFiles(site: Pick<Site, "config" | "authors" | "tags" | "syndicated">, options: EditorFileOptions): EditorFiles {
  const config = cmsConfig({
    config: site.config,
    authors: site.authors.map((author) => author.name),
    tags: site.tags.map((tag) => tag.name),
    // Newest first; published ones only (no drafts, even in the preview): pins that production shows.
    articles: site.syndicated.slice(0, PIN_SUGGESTIONS).map((article) => ({ file: article.file, title: article.title })),
    localBackendUrl: options.localBackendUrl,
  });
  const stylesheet = `${site.config.pathPrefix}${options.assets.stylesheet.slice(1)}`;
  const generated: RenderedOutputFile[] = [
    { path: `${EDITOR_PATH}index.html`, text: editorPage(site.config.name, stylesheet, shortForms(site.config), site.config.language) },
    { path: `${EDITOR_PATH}config.yml`, text: renderCmsConfig(config) },
  ];
  const copied: StaticFile[] = [
    ...decapBundle().map((from) => ({ from, to: `${EDITOR_PATH}${path.basename(from)}` })),
    { from: yamlParser(), to: `${EDITOR_PATH}js-yaml.min.js` },
    { from: EDITOR_SCRIPT, to: `${EDITOR_PATH}tidings-cms.js` },
  ];
  return { generated, copied };
}

/**
 * The editor's page: no inline script or style, so the /admin/ policy needs no 'unsafe-inline' for
 * scripts. The editor itself is in English, left to right; its article preview is in the site's
 * `language` and runs in its direction, as the published page does.
 */
export function editorPage(siteName: string, stylesheet: string, forms: ShortForms, language: string): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Editor — ${escape(siteName)}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="decap-cms.js"></script>
<script src="js-yaml.min.js"></script>
<script src="tidings-cms.js" data-stylesheet="${escape(stylesheet)}" data-short-forms="${escape(JSON.stringify(forms))}" data-language="${escape(language)}" data-direction="${textDirection(language)}"></script>
</body>
</html>
`;
}

/** js-yaml's browser build (one file, `window.jsyaml`), which Tidings' front-matter format in the editor reads and writes YAML with. */
export function yamlParser(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve("js-yaml/package.json")), "dist", "js-yaml.min.js");
}

/** Decap CMS's browser bundle (vendor/decap-cms): the main file, the chunks it loads on demand, its WebAssembly and licence. */
export function decapBundle(): string[] {
  return readdirSync(DECAP_DIR)
    .filter((name) => /(^|\.)decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name))
    .sort()
    .map((name) => path.join(DECAP_DIR, name));
}
