import { existsSync } from "node:fs";
import { loadConfig } from "./config.ts";
import { loadEntries } from "./content/load-files.ts";
import { validateEntries, type ValidEntry } from "./content/validate-entry.ts";
import { sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { renderMarkdown } from "./markdown/render-markdown.ts";
import { buildSite, type RenderedEntry } from "./site/build-site.ts";
import { resolveMedia } from "./site/media.ts";
import { PAGE_IDS } from "./site/page-ids.ts";
import type { BuildMode, Site } from "./site/types.ts";

/** How to load a site. */
export interface LoadSiteOptions {
  /** Absolute path of the project root (holding tidings.config.yml and content/). */
  root: string;
  mode: BuildMode;
  /** Reference time for scheduling, ms since the epoch; defaults to now. */
  now?: number;
}

/** The site model when the content is sound, and every problem found either way. */
export interface LoadedSite {
  site?: Site;
  diagnostics: Diagnostic[];
}

/** Load, validate and render all content and build the Site model; nothing is written. */
export function loadSite(options: LoadSiteOptions): LoadedSite {
  const configResult = loadConfig(options.root);
  if (!configResult.ok) return { diagnostics: sortDiagnostics(configResult.diagnostics) };
  const config = configResult.config;

  const loaded = loadEntries(options.root);
  const content = validateEntries(loaded.entries, { timeZone: config.timeZone, types: Object.keys(config.types) });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...content.diagnostics];
  const siteHosts = [new URL(config.url).hostname];

  const render = <FrontMatter>(entry: ValidEntry<FrontMatter>): RenderedEntry<FrontMatter> => {
    const resolveImage = (src: string) => {
      const media = resolveMedia(entry.file, src);
      return typeof media === "object" ? media.url : undefined;
    };
    const rendered = renderMarkdown(entry.body, {
      file: entry.file,
      bodyLine: entry.bodyLine,
      reservedIds: PAGE_IDS,
      siteHosts,
      resolveImage,
    });
    diagnostics.push(...rendered.diagnostics);
    return {
      ...entry,
      html: rendered.parts,
      firstParagraph: rendered.firstParagraph,
      wordCount: rendered.wordCount,
      images: rendered.images,
    };
  };

  const { site, diagnostics: siteDiagnostics } = buildSite({
    config,
    articles: content.articles.map(render),
    authors: content.authors.map(render),
    pages: content.pages.map(render),
    mode: options.mode,
    now: options.now ?? Date.now(),
    root: options.root,
    fileExists: existsSync,
  });
  diagnostics.push(...siteDiagnostics);
  return { site, diagnostics: sortDiagnostics(diagnostics) };
}
