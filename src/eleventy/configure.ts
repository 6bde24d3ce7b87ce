import path from "node:path";
import nunjucks, { type Environment as NunjucksEnvironment } from "nunjucks";
import { RawHtml, type Messages, type MessageValues } from "../i18n/messages.ts";
import type { SiteConfig } from "../config/config.ts";
import { writeOutputFiles } from "../syndication/syndication-files.ts";
import { hasEmbeds } from "../embeds/frame-sources.ts";
import { articleHtml } from "../model/article-html.ts";
import { reportErrorHref } from "../model/report-link.ts";
import { listSiteFiles, updateStaticFiles } from "../publish/site-files.ts";
import { siteAssets } from "../publish/static-files.ts";
import { toAbsoluteUrl } from "../syndication/absolute-url.ts";
import { renderNewsArticleJsonLd } from "../syndication/render-json-ld.ts";
import { renderBreadcrumbJsonLd, type Crumb } from "../syndication/render-breadcrumb-json-ld.ts";
import { shareImage } from "../syndication/share-image.ts";
import { DeferredSearchIndex, PREVIEW_INDEX_DELAY_MS } from "../search/deferred-search-index.ts";
import { writeSiteSearch } from "../search/site-search.ts";
import { languageMenu, listOutputPages, type SiteChrome } from "../pages/page-views.ts";
import type { Article, DateInfo } from "../model/types.ts";
import type { Site } from "../site/site.ts";
import { toEleventySite, toPageLists, type EleventySite, type PageLists } from "./page-batches.ts";

/** What the Eleventy configuration needs from Tidings. */
export interface EleventyOptions {
  /** Absolute path of the project root. */
  root: string;
  /** The site model, or a function returning the current one (the dev server reloads it on every rebuild). */
  site: Site | (() => Promise<Site>);
  /** The pages this Eleventy run writes (a build renders only the pages it has no stored copy of, in batches); default every page. */
  batch?: PageLists;
  /**
   * Also publish public/, the fingerprinted stylesheet and script, the site's images and its feeds
   * and sitemaps after every run (the dev server). Builds publish those themselves, so their
   * Eleventy runs write pages only.
   */
  publishEverything?: boolean;
  /** Keep a search index of the output, written once rebuilds pause (the dev server; builds index their staging folder themselves). */
  indexSearch?: boolean;
  /** The folder the site is published under, with slashes at both ends (`/` or `/news/`); the `url` filter prefixes site paths with it. */
  pathPrefix: string;
  /** decap-server's API address for the editor at /admin/ the dev server publishes (default: port 8081). */
  editorBackendUrl?: string | undefined;
}

/** The folders Eleventy reads, relative to the project root. */
export const TEMPLATE_DIRECTORIES = {
  input: "templates",
  includes: "_includes",
  layouts: "_layouts",
} as const;

// Eleventy's config API is loosely typed JavaScript; this names the few methods Tidings calls.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  on(event: "eleventy.after", listener: (event: { directories: { output: string } }) => Promise<void>): void;
  on(event: "eleventy.before", listener: () => void): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  getFilter(name: string): ((...args: unknown[]) => unknown) | undefined;
  addPlugin(plugin: (eleventyConfig: EleventyConfig) => void): void;
  amendLibrary(name: "njk", amend: (environment: NunjucksEnvironment) => void): void;
  addExtension(
    name: "njk",
    extension: { compileOptions: { cache: boolean }; compile(text: string, inputPath: string): (data: object) => Promise<string> },
  ): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  setDataDeepMerge(deep: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string): void;
  pathPrefix?: string;
  benchmarkManager?: { get(group: string): { setIsVerbose(verbose: boolean): void } };
}

/**
 * Wire Tidings into Eleventy: the site's furniture and the pages' views as global data, Nunjucks
 * page templates that paginate over them, the filters they use, and (for the dev server) every
 * other published file. This is the only module that knows Eleventy's API.
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
  let messagesByLanguage = new Map<string, Messages>();
  // The words of the page being rendered: its language's, as the page shell chose its part of the site.
  const pageMessages = (context: FilterThis): Messages => {
    if (current === undefined) throw new Error("A template asked for a message before the site was loaded");
    const language = context.ctx?.site?.config?.language;
    return (language === undefined ? undefined : messagesByLanguage.get(language)) ?? current.messages;
  };
  // Templates see only the site's furniture and the views of the pages this run writes (see
  // src/pages/page-views.ts): what makes a page's key cover everything its HTML is made from.
  eleventyConfig.addGlobalData("site", async (): Promise<EleventySite> => {
    current = typeof provide === "function" ? await provide() : provide;
    messagesByLanguage = new Map((current.editions ?? [current]).map((part) => [part.config.language, part.messages]));
    return toEleventySite(current, options.batch ?? toPageLists(listOutputPages(current)));
  });
  const assets = siteAssets(root);
  eleventyConfig.addGlobalData("assets", assets);

  // The preview indexes the site model of the run that just finished, without a cache: previews are small.
  const search = options.indexSearch
    ? new DeferredSearchIndex(PREVIEW_INDEX_DELAY_MS, (siteDir) =>
        current ? writeSiteSearch(siteDir, current, {}).then(() => undefined) : Promise.resolve(),
      )
    : undefined;
  if (options.publishEverything) {
    eleventyConfig.on("eleventy.before", () => search?.postpone());
    // Everything besides the pages, from the site model of the run that just finished, listed as
    // a build lists it (src/publish/site-files.ts): what an editor previews is what readers get.
    eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      if (current) {
        const files = listSiteFiles(current, { root, assets, editorBackendUrl: options.editorBackendUrl });
        writeOutputFiles(files.outputFiles, directories.output);
        await updateStaticFiles(files.staticFiles, directories.output);
      }
      search?.request(directories.output);
    });
  }

  eleventyConfig.addWatchTarget(path.join(root, "content"));
  eleventyConfig.addWatchTarget(path.join(root, "tidings.config.yml"));
  eleventyConfig.addWatchTarget(path.join(root, "public"));

  // Every paginated template publishes one item per page at the item's own `url`. A function in the
  // data cascade is used as is, where a `permalink: "{{ article.url }}"` string would be compiled
  // by Nunjucks again for every page. Templates that are not paginated set a plain permalink.
  eleventyConfig.addGlobalData("permalink", () => permalinkOfItem);

  // Eleventy 3.1 keeps no compiled Nunjucks template (its Nunjucks engine is not `cacheable`), so
  // every page of a paginated template compiled the template's text again: 0.55 s of a cold build
  // of 6,072 pages, on the thread that renders. The same compile, in the environment Eleventy set
  // up (its loader, filters and options), made once per template text: Eleventy's own compile cache
  // keeps what this returns by the template's path and text. The dev server's rebuilds may set up
  // a new environment, in which the template is compiled again.
  let environment: NunjucksEnvironment | undefined;
  eleventyConfig.amendLibrary("njk", (library) => {
    environment = library;
  });
  eleventyConfig.addExtension("njk", {
    compileOptions: { cache: true },
    compile(text, inputPath) {
      let compiled: { in: NunjucksEnvironment | undefined; template: InstanceType<typeof nunjucks.Template> } | undefined;
      return (data) => {
        if (compiled === undefined || compiled.in !== environment)
          compiled = { in: environment, template: new nunjucks.Template(text, environment, inputPath, false) };
        const { template } = compiled;
        return new Promise((resolve, reject) => {
          template.render(data, (error, html) => (error ? reject(error) : resolve(html ?? "")));
        });
      };
    },
  });

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
  // JSON-LD is rendered by the pure functions in src/syndication/, from the article and the settings only.
  eleventyConfig.addFilter("newsArticleJsonLd", (article: Article, config: SiteConfig) => renderNewsArticleJsonLd(article, config));
  eleventyConfig.addFilter("breadcrumbJsonLd", (trail: readonly Crumb[], config: SiteConfig) => renderBreadcrumbJsonLd(trail, config));
  eleventyConfig.addFilter("hasEmbeds", (parts: readonly string[]) => hasEmbeds(parts));
  eleventyConfig.addFilter("articleHtml", (article: Article) => articleHtml(article));
  // The words Tidings writes, in the site's language (src/i18n/): `{{ "article.published" | t({ date: when | safe }) }}`.
  // A value passed through `| safe` is HTML put in as it is; every other value is escaped.
  eleventyConfig.addFilter("t", function (this: FilterThis, name: string, values: Record<string, unknown> = {}) {
    return new SafeString(pageMessages(this).html(name, messageValues(values)));
  });
  // The same as plain text, for a value a template passes on (a breadcrumb's name) rather than prints.
  eleventyConfig.addFilter("tText", function (this: FilterThis, name: string, values: Record<string, unknown> = {}) {
    return pageMessages(this).text(name, messageValues(values));
  });
  // The messages whose names start with `prefix`, as JSON with the language, for a page's script to say them (search.js).
  eleventyConfig.addFilter("messagesJson", function (this: FilterThis, prefix: string) {
    const messages = pageMessages(this);
    return JSON.stringify({ language: messages.language, patterns: messages.patternsStartingWith(prefix) });
  });
  // A date in a <time> element, in the page's words: `{{ article.date | dateTime }}`. A filter, not a
  // partial: an include copies the page's whole context each time, and the lists show an article's
  // date thousands of times a build.
  eleventyConfig.addFilter("dateTime", function (this: FilterThis, date: DateInfo) {
    const words = date.time ? pageMessages(this).html("date.dayTime", messageValues({ day: date.day, time: date.time })) : escape(date.day);
    return new SafeString(`<time datetime="${escape(date.machine)}">${words}</time>`);
  });
  // Byline names without links, joined as the language joins lists, for cards whose headline is the link.
  eleventyConfig.addFilter("bylineNames", function (this: FilterThis, bylines: readonly { name: string }[]) {
    return new SafeString(pageMessages(this).list(bylines.map((byline) => messageValue(byline.name))));
  });
  // A list joined as the language joins lists ("A, B and C"), for bylines and the like.
  eleventyConfig.addFilter("andList", function (this: FilterThis, items: readonly unknown[]) {
    return new SafeString(pageMessages(this).list(items.map(messageValue)));
  });
  // The furniture of the language's part of the site a page is in, by its address: the page shell
  // sets it as `site` before printing anything, so every template and filter below reads that part's.
  eleventyConfig.addFilter("languagePart", (parts: readonly SiteChrome[], url: string) => languagePart(parts, url));
  eleventyConfig.addFilter("languageMenu", languageMenu);
  eleventyConfig.addFilter("shareImage", (article: Article, config: SiteConfig) => shareImage(article, config));
  // "Report an error": the newsroom's channel with the article's headline and address filled in, in the page's language.
  eleventyConfig.addFilter("reportErrorHref", function (this: FilterThis, article: Article, config: SiteConfig) {
    const channel = config.standards?.reportError;
    if (channel === undefined) return "";
    const messages = pageMessages(this);
    const url = toAbsoluteUrl(article.url, config.url);
    return reportErrorHref(channel, {
      title: article.title,
      url,
      subject: messages.text("report.subject", { title: article.title }),
      body: messages.text("report.body", { title: article.title, url }),
    });
  });
}

const { SafeString } = nunjucks.runtime;
// What Nunjucks' autoescaping does to a printed value, so a filter writes the bytes a template would.
const { escape } = nunjucks.lib;

// What a Nunjucks filter sees as `this`: the render context, whose `site` the page shell has set to its part's furniture.
interface FilterThis {
  ctx?: { site?: { config?: { language?: string } } };
}

/** The part of the site whose folder holds `url` (the longest base it starts with), else the main one. */
function languagePart(parts: readonly SiteChrome[], url: string): SiteChrome {
  let found = parts[0];
  for (const part of parts) if (url.startsWith(part.base) && part.base.length > (found?.base.length ?? 0)) found = part;
  if (found === undefined) throw new Error("the site has no parts");
  return found;
}

/** A value for a message: HTML the template marked safe stays HTML, anything else is text. */
function messageValue(value: unknown): string | RawHtml {
  if (value instanceof SafeString) return new RawHtml(String(value));
  return String(value);
}

function messageValues(values: Record<string, unknown>): MessageValues {
  const result: Record<string, string | number | RawHtml> = {};
  for (const [key, value] of Object.entries(values)) result[key] = typeof value === "number" ? value : messageValue(value);
  return result;
}

// A site address as WHATWG URL parsing writes it: lowercase scheme and host, plain path segments, no trailing slash.
const NORMAL_BASE = /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[\w~-][\w.~-]*)*$/;

/** The permalink of a page of a paginated template: the `url` of its one item. */
function permalinkOfItem(data: { pagination?: { items?: { url?: unknown }[] }; page?: { inputPath?: string } }): string {
  const url = data.pagination?.items?.[0]?.url;
  if (typeof url !== "string") {
    throw new Error(
      `${data.page?.inputPath ?? "a template"} needs a permalink: paginate over items that have a \`url\` (size 1), or set \`permalink\` in its front matter`,
    );
  }
  return url;
}

/** A site path that needs no normalising or encoding: `/`, `/2026/03/01/flood-wall/`, `/assets/site.1a2b.css`. */
function isPlainSitePath(value: string): boolean {
  // Segments cannot start with a dot, so `.` and `..` never pass; one way to match keeps it linear.
  return typeof value === "string" && /^\/(?:[\w~-][\w.~-]*\/)*(?:[\w~-][\w.~-]*)?$/.test(value);
}
