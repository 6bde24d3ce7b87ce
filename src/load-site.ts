import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { loadConfig } from "./config.ts";
import { loadEntries } from "./content/load-files.ts";
import { validateEntries, type ValidEntry } from "./content/validate-entry.ts";
import { sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { renderMarkdown } from "./markdown/render-markdown.ts";
import { buildSite, type RenderedEntry } from "./site/build-site.ts";
import { contentAddresses } from "./site/content-addresses.ts";
import { resolveContentLink, type LinkContext } from "./site/content-links.ts";
import { resolveMedia } from "./site/media.ts";
import { PAGE_IDS } from "./site/page-ids.ts";
import type { BuildMode, Site } from "./site/types.ts";
import { withPathPrefix } from "./site/urls.ts";

/** How to load a site. */
export interface LoadSiteOptions {
  /** Absolute path of the project root (holding tidings.config.yml and content/). */
  root: string;
  mode: BuildMode;
  /** Reference time for scheduling, ms since the epoch; defaults to now. */
  now?: number;
  /** Replaces the config's `url` (from `TIDINGS_URL`); validated like it. */
  siteUrl?: string | undefined;
  /**
   * The path the pages are served under, for site-relative links in article bodies; default: the
   * path of the config's `url`. The preview server serves at `/` whatever the config says.
   */
  pathPrefix?: string;
}

/** The site model when the content is sound, and every problem found either way. */
export interface LoadedSite {
  site?: Site;
  diagnostics: Diagnostic[];
  /** How many content files were read. */
  files: number;
}

/** Load, validate and render all content and build the Site model; nothing is written. */
export function loadSite(options: LoadSiteOptions): LoadedSite {
  const configResult = loadConfig(options.root, { url: options.siteUrl });
  if (!configResult.ok) return { diagnostics: sortDiagnostics(configResult.diagnostics), files: 0 };
  const config = configResult.config;

  const loaded = loadEntries(options.root);
  const content = validateEntries(loaded.entries, { timeZone: config.timeZone, types: Object.keys(config.types) });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...content.diagnostics];
  const siteHosts = [new URL(config.url).hostname];
  const pathPrefix = options.pathPrefix ?? config.pathPrefix;
  // Links between content files are resolved from front matter alone, before anything is rendered.
  const addresses = contentAddresses(content, config.timeZone);
  const resolverKey = createHash("sha256")
    .update(JSON.stringify([pathPrefix, [...addresses].sort()]))
    .digest("hex");

  const render = <FrontMatter>(entry: ValidEntry<FrontMatter>): RenderedEntry<FrontMatter> => {
    const resolveImage = (src: string) => {
      const media = resolveMedia(entry.file, src);
      if (typeof media === "object") return withPathPrefix(media.url, pathPrefix);
      return src.startsWith("/") && !src.startsWith("//") && pathPrefix !== "/" ? withPathPrefix(src, pathPrefix) : undefined;
    };
    const context: LinkContext = { file: entry.file, pageUrl: addresses.get(entry.file) ?? "/", host: siteHosts[0] ?? "", pathPrefix };
    const rendered = renderMarkdown(entry.body, {
      file: entry.file,
      bodyLine: entry.bodyLine,
      reservedIds: PAGE_IDS,
      siteHosts,
      resolveImage,
      resolveLink: (href) => resolveContentLink(href, context, addresses),
      resolverKey,
    });
    diagnostics.push(...rendered.diagnostics);
    return {
      ...entry,
      html: rendered.parts,
      firstParagraph: rendered.firstParagraph,
      wordCount: rendered.wordCount,
      images: rendered.images,
      links: rendered.links,
      ids: rendered.ids,
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
  // Files refused while loading (too large, symbolic links) were read too: one diagnostic each.
  return { site, diagnostics: sortDiagnostics(diagnostics), files: loaded.entries.length + loaded.diagnostics.length };
}
