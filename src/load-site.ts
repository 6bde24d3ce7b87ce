import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentCache } from "./cache/content-cache.ts";
import { loadConfig } from "./config/config.ts";
import { loadMessages } from "./i18n/load-messages.ts";
import { loadEntries, readKnownText } from "./content/load-files.ts";
import { loadCampaignText, parseCampaign } from "./donation/campaign.ts";
import { loadFronts } from "./fronts/load-fronts.ts";
import { loadSeries } from "./series/load-series.ts";
import { readArticleRecords } from "./history/read-records.ts";
import { checkNewsletterFormAction } from "./donation/form-action-check.ts";
import { rememberedEntries, validateEntries, type ValidatedContent, type ValidEntry } from "./content/validate-entry.ts";
import { sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { MIN_JOBS_FOR_WORKERS, renderAll, renderThreads, startRenderWorkers, validateInParallel, type RenderedContent } from "./render/render-all.ts";
import { bodyWords, type RenderContext } from "./render/render-job.ts";
import { buildSite } from "./site/build-site.ts";
import type { RenderedEntry, SiteInput } from "./site/site-input.ts";
import { checkSite } from "./checks/check-site.ts";
import { checkDeploy, placeholderProblems } from "./checks/check-deploy.ts";
import { readSampleRecord } from "./checks/sample-record.ts";
import { CONFIG_FILE } from "./content/config-file.ts";
import type { RawEntry } from "./content/load-files.ts";
import { contentAddresses } from "./model/content-addresses.ts";
import { isUntranslated, resolveEntryLanguages } from "./model/entry-languages.ts";
import { configLanguages } from "./config/language-config.ts";
import type { Messages } from "./i18n/messages.ts";
import { demoteDraftProblems } from "./checks/draft-problems.ts";
import type { BuildMode } from "./model/types.ts";
import type { Site } from "./site/site.ts";
import { releaseMemory } from "./core/release-memory.ts";

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
  /** Work remembered from earlier runs (validated front matter, rendered bodies); without one everything is done afresh. */
  cache?: ContentCache | undefined;
  /**
   * The SHA-256 of content files' bytes, by absolute path, as hashing the build's inputs found them:
   * with the cache, a file whose work is remembered under its digest is not read at all.
   */
  fileDigests?: ReadonlyMap<string, string> | undefined;
  /** Told how many of the bodies to render (those not in the cache) are rendered, as they finish. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checking for publication (`build --deploy`): a site that is still the sample, or has setup's placeholder text, is refused (checkDeploy). */
  deploy?: boolean | undefined;
}

/** The site model when the content is sound, and every problem found either way. */
export interface LoadedSite {
  site?: Site;
  diagnostics: Diagnostic[];
  /** How many content files were read. */
  files: number;
  /** Until when (ms since the epoch) a site built from the same files would be this one; see stableUntil. */
  stableUntil?: number;
}

// What the content cache holds per file: its validated front matter, its rendered body's facts and its HTML.
const ENTRIES_PER_FILE = 3;

/** Load, validate and render all content and build the Site model; nothing is written. */
export function loadSite(options: LoadSiteOptions): LoadedSite {
  const configResult = loadConfig(options.root, { url: options.siteUrl });
  if (!configResult.ok) return { diagnostics: sortDiagnostics(configResult.diagnostics), files: 0 };
  const config = configResult.config;
  // The words Tidings writes for readers, in each of the site's languages: their problems are reported with the content's.
  const languages = configLanguages(config);
  const loadedMessages = languages.map((language) => ({ tag: language.tag, ...loadMessages(options.root, language.tag) }));
  const messagesByLanguage = new Map<string, Messages>(loadedMessages.map((loaded) => [loaded.tag, loaded.messages]));
  // The main language's: a site has at least that one.
  const messages = loadedMessages[0] as (typeof loadedMessages)[number];

  const schemaOptions = { timeZone: config.timeZone, types: Object.keys(config.types) };
  // With the cache, every file's work is remembered by its digest; one whose digest hashing the inputs found, and whose front matter is remembered, is not read.
  const known = options.cache && { digests: options.fileDigests ?? new Map<string, string>(), remembered: rememberedEntries(schemaOptions, options.cache) };
  const read = loadEntries(options.root, known);
  // The web editor writes a language nobody translated as an empty file (flood.cy.md): no translation.
  const loaded = { ...read, entries: read.entries.filter((entry) => !isUntranslated(entry, languages)) };
  // When many bodies will need rendering (no cache, or a small one), start the render workers
  // now: they load the pipeline while the front matter is validated, and take their share of it.
  const threads = renderThreads();
  const uncached = loaded.entries.length - (options.cache?.stored.size ?? 0) / ENTRIES_PER_FILE;
  const workers = threads > 1 && uncached >= MIN_JOBS_FOR_WORKERS ? startRenderWorkers(threads - 1) : undefined;
  let content: ValidatedContent;
  let bodies: RenderedContent[];
  const checksDeploy = options.deploy === true && !config.demo;
  let placeholders: ReadonlyMap<string, Diagnostic[]> | undefined;
  const languageDiagnostics: Diagnostic[] = [];
  try {
    // The workers parse front matter too while they wait for the bodies, which need every file's address first.
    const validated = validateEntries(loaded.entries, schemaOptions, options.cache, workers && ((pending) => validateInParallel(pending, schemaOptions, workers)));
    // Each article and page says its language and translation key from here on.
    const resolved = resolveEntryLanguages(validated, languages);
    content = resolved.content;
    languageDiagnostics.push(...resolved.diagnostics);
    const pathPrefix = options.pathPrefix ?? config.pathPrefix;
    // Links between content files are resolved from front matter alone, before anything is rendered.
    const shared = {
      siteHosts: [new URL(config.url).hostname],
      pathPrefix,
      addresses: contentAddresses(content, languages),
      resolverKey: pathPrefix,
    };
    // A body's own words (an embed's "Load the chart") are in its language.
    const contexts = new Map<string, RenderContext>([...messagesByLanguage].map(([tag, words]) => [tag, { ...shared, words: bodyWords(words) }]));
    // Authors' bios have no language of their own: they are in the main one.
    const contextOf = (entry: ValidEntry<unknown>): RenderContext =>
      contexts.get((entry.frontMatter as { language?: string }).language ?? messages.tag) as RenderContext;
    const entries: ValidEntry<unknown>[] = [...content.articles, ...content.authors, ...content.pages];
    // A deploy build looks for placeholders now, while every text is at hand (the published files' count, once the site is built).
    if (checksDeploy) placeholders = findPlaceholders(loaded.entries);
    // The bodies go to renderAll through `readBody`, which hands over the last reference to each:
    // renderAll packs them for the render workers and lets the strings go, so a large site's texts
    // are not held twice (and mostly at two bytes a character) while they render. With a cache, a
    // body known by no digest is its own key, so it goes in its request.
    const texts = entries.map((entry) => entry.body);
    for (const entry of loaded.entries) entry.source = undefined;
    for (const entry of [...validated.articles, ...validated.authors, ...validated.pages, ...entries]) entry.body = undefined;
    const handOver = (index: number) => {
      const text = texts[index];
      texts[index] = undefined;
      return text;
    };
    bodies = renderAll(
      entries.map((entry, index) => ({
        body: options.cache && entry.digest === undefined ? handOver(index) : undefined,
        digest: entry.digest,
        file: entry.file,
        bodyLine: entry.bodyLine,
        context: contextOf(entry),
      })),
      {
        cache: options.cache,
        threads,
        workers,
        onProgress: options.onProgress,
        readBody: (index) => {
          const text = handOver(index);
          return text !== undefined ? { ok: true, body: text } : readUnreadBody(entries[index] as ValidEntry<unknown>);
        },
      },
    );
  } finally {
    // renderAll stops the workers; this stops them when anything before it throws.
    workers?.stop();
  }
  // What rendering left (its garbage, the packed bodies) goes before the model is built on top of
  // it: at 100,000 articles the heap otherwise grew by 0.6 GB more while the model was built.
  releaseMemory();
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...content.diagnostics, ...languageDiagnostics];
  let next = 0;
  const render = <FrontMatter>(entry: ValidEntry<FrontMatter>): RenderedEntry<FrontMatter> => {
    const rendered = bodies[next++];
    if (!rendered) throw new Error(`no rendered body for ${entry.file}`);
    diagnostics.push(...rendered.diagnostics);
    return {
      ...entry,
      html: rendered.html,
      firstParagraph: rendered.firstParagraph,
      wordCount: rendered.wordCount,
      images: rendered.images,
      links: rendered.links,
      ids: rendered.ids,
      updates: rendered.updates,
    };
  };
  // The same order as `entries` above.
  const articles = content.articles.map(render);
  const authors = content.authors.map(render);
  const pages = content.pages.map(render);

  // The campaign is read with the content: its problems are content problems, reported with the rest.
  const campaignText = loadCampaignText(options.root);
  const campaign = campaignText === undefined ? undefined : campaignText.ok ? parseCampaign(campaignText.text, config.timeZone) : { diagnostics: campaignText.diagnostics };
  if (campaign) diagnostics.push(...campaign.diagnostics);
  diagnostics.push(...loadedMessages.flatMap((loadedLanguage) => loadedLanguage.diagnostics));
  // Fronts are read with the content too: a broken fronts file is a content error like any other.
  const fronts = loadFronts(options.root, config, languages.filter((language) => !language.main).map((language) => language.code));
  diagnostics.push(...fronts.diagnostics);
  const series = loadSeries(options.root);
  diagnostics.push(...series.diagnostics);
  // Each article's record of changes, from the site's git history.
  const history = config.history.enabled
    ? readArticleRecords(options.root, articles.map((entry) => entry.file), { timeZone: config.timeZone, exclude: config.history.exclude }, options.cache)
    : undefined;
  diagnostics.push(...(history?.diagnostics ?? []));
  const headersFile = path.join(options.root, "public", "_headers");
  diagnostics.push(...checkNewsletterFormAction(existsSync(headersFile) ? readFileSync(headersFile, "utf8") : undefined, config.newsletter?.action));

  const input: SiteInput = {
    config,
    configLines: configResult.lines,
    messages: messages.messages,
    messagesByLanguage,
    articles,
    authors,
    pages,
    mode: options.mode,
    now: options.now ?? Date.now(),
    root: options.root,
    fileExists: existsSync,
    campaign: campaign?.campaign,
    homeFront: fronts.home,
    sectionFronts: fronts.sections,
    languageFronts: fronts.languages,
    series: series.series,
    records: history?.records,
  };
  const { site, diagnostics: siteDiagnostics, stableUntil } = buildSite(input);
  // The whole-site checks read the finished model: links, bylines, tag spellings.
  diagnostics.push(...siteDiagnostics, ...checkSite(site, input));
  if (placeholders) diagnostics.push(...deployProblems(options.root, site, placeholders));
  // Production leaves drafts out, so their problems cannot stop it; the preview shows drafts and keeps them as errors.
  const reported = options.mode === "production" ? demoteDraftProblems(diagnostics, content.drafts) : diagnostics;
  // Files refused while loading (too large, symbolic links) were read too: one diagnostic each.
  const files = loaded.entries.length + loaded.diagnostics.length + (campaignText === undefined ? 0 : 1) + fronts.files + series.files;
  return { site, diagnostics: sortDiagnostics(reported), files, stableUntil };
}

// The body of a file the loader left unread, read now that it must be rendered again.
function readUnreadBody(entry: ValidEntry<unknown>): { ok: true; body: string } | { ok: false; diagnostics: Diagnostic[] } {
  if (entry.unread === undefined) throw new Error(`${entry.file} was read, but its body was asked for again`);
  const read = readKnownText(entry);
  return read.ok ? { ok: true, body: read.text.slice(read.text.length - entry.unread.bodyChars) } : read;
}

// Setup's placeholder text in each content file, by file (read now if the loader left it unread), or why it could not be read.
function findPlaceholders(entries: readonly RawEntry[]): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>();
  for (const entry of entries) {
    const read = entry.source !== undefined ? { ok: true as const, text: entry.source } : readKnownText(entry);
    found.set(entry.file, read.ok ? placeholderProblems({ file: entry.file, source: read.text }) : read.diagnostics);
  }
  return found;
}

// What stops a deploy: the config as the newsroom wrote it, and the placeholders of every file that gets a page.
function deployProblems(root: string, site: Site, placeholders: ReadonlyMap<string, Diagnostic[]>): Diagnostic[] {
  const published = [
    ...site.articles.map((article) => article.file),
    ...site.pages.filter((page) => !page.draft).map((page) => page.file),
    ...site.authors.map((author) => author.file),
  ];
  return checkDeploy({
    configText: readFileSync(path.join(root, CONFIG_FILE), "utf8"),
    placeholders: [...new Set(published)].flatMap((file) => placeholders.get(file) ?? []),
    record: readSampleRecord(),
  });
}
