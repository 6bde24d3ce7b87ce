import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Article, Page } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { toEleventySite, toPageLists } from "./page-batches.ts";

/** The page templates the preview can render on their own, with the variable each names its item. */
export const PREVIEW_TEMPLATES = {
  article: { include: "pages/article.njk", alias: "article" },
  page: { include: "pages/page.njk", alias: "entry" },
} as const;

/** A page the preview can render on its own: an article or a standalone page. */
export type PreviewPage = { template: "article"; item: Article } | { template: "page"; item: Page };

// The parts of Eleventy's user config and Nunjucks environment this module uses.
interface NunjucksEnvironment {
  render(name: string, context: object): string;
}
interface PreviewConfig {
  on(event: "eleventy.engine.njk", listener: (event: { environment: NunjucksEnvironment }) => void): void;
  globalData: Record<string, unknown>;
  transforms: Record<string, (this: object, content: string, outputPath: string) => unknown>;
}

/**
 * Renders single pages with Eleventy's own Nunjucks environment (its filters, loader and options)
 * and transforms, without a whole Eleventy build: the preview server shows an edited article this
 * way at once, while the full rebuild updates the lists behind it. Tests check that a page
 * rendered here is byte-identical to the same page from a full build.
 */
export class PagePreviewer {
  #environment: NunjucksEnvironment | undefined;
  #config: PreviewConfig | undefined;
  readonly #outputDir: string;

  /** A previewer writing into the preview's output folder; `attach` it to Eleventy's configuration. */
  constructor(outputDir: string) {
    this.#outputDir = outputDir;
  }

  /** Attach to an Eleventy user config before Eleventy builds, so the Nunjucks environment is seen when it is created. */
  attach(eleventyConfig: PreviewConfig): void {
    this.#config = eleventyConfig;
    // Eleventy makes a new environment for every rebuild; the newest is the right one.
    eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
      this.#environment = environment;
    });
  }

  /** Whether Eleventy has built once, so its environment exists. */
  get ready(): boolean {
    return this.#environment !== undefined;
  }

  /** The HTML of one page, exactly as a full build would write it. */
  async render(site: Site, page: PreviewPage): Promise<string> {
    const environment = this.#environment;
    const config = this.#config;
    if (!environment || !config) throw new Error("the preview has not been built yet");
    const { include, alias } = PREVIEW_TEMPLATES[page.template];
    const url = page.item.url;
    const outputPath = this.outputPathOf(url);
    const context: Record<string, unknown> = { ...globalsOf(config), site: toEleventySite(site, toPageLists([])) };
    context[alias] = page.item;
    context["pagination"] = { items: [page.item] };
    context["page"] = { url, outputPath, outputFileExtension: "html", templateSyntax: "njk" };
    // Synchronous on purpose: the page is finished before Eleventy's own rebuild, which is queued
    // behind this save, can take the event loop for seconds.
    let html = environment.render(include, context);
    for (const transform of Object.values(config.transforms)) {
      html = String(await transform.call({ outputPath, url, page: context["page"] }, html, outputPath));
    }
    return html;
  }

  /** Render one page and write it where the full build writes it. */
  async write(site: Site, page: PreviewPage): Promise<string> {
    const html = await this.render(site, page);
    const outputPath = this.outputPathOf(page.item.url);
    mkdirSync(path.dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, html);
    return outputPath;
  }

  /** Where Eleventy writes the page at a site path: `index.html` inside folders. */
  outputPathOf(url: string): string {
    return path.join(this.#outputDir, url.endsWith("/") ? `${url}index.html` : url);
  }

}

// Global data other than the site, as Eleventy gives it to templates (Tidings' global data functions are synchronous).
function globalsOf(config: PreviewConfig): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config.globalData)) {
    if (name === "site") continue;
    const resolved = typeof value === "function" ? (value as () => unknown)() : value;
    if (resolved instanceof Promise) throw new Error(`global data "${name}" is asynchronous; the full rebuild renders this page`);
    globals[name] = resolved;
  }
  return globals;
}
