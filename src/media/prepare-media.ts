import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { error, sortDiagnostics, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article, Author, ImageReference, Page, Picture, ShareImage, SitePath } from "../model/types.ts";
import type { ImagesConfig } from "./images-schema.ts";
import { withPathPrefix } from "../model/urls.ts";
import { toCdnPicture, toCdnShareImage } from "./cdn-image.ts";
import type { CdnSettings } from "./cdn-url.ts";
import { IMAGE_KEY_VARIABLE, isCdnProvider, type CdnProvider } from "./image-providers.ts";
import { addPictures, type BodyImageDisplay } from "./picture-html.ts";
import { changedBody, type BodyParts } from "../model/body-html.ts";
import { publishCleanDrawings } from "./drawing-copies.ts";
import { contentHash, encodingKey, findProcessed, processImage, SHARE_WIDTH, type ProcessedImage } from "./process-image.ts";
import { publishedFiles, toPicture, toShareImage } from "./published-image.ts";
import { readImageHeader, type ImageHeader } from "./read-image-header.ts";
import { makeOriginalCopy, originalCopyPath, pruneOriginalCopies } from "./original-copies.ts";
import { SourceIndex, type FileStamp } from "./source-index.ts";
import { cleanBlobIds } from "../core/git-blobs.ts";

/** Where processed images are kept between builds, and how they are published. */
export interface MediaOptions {
  /** Absolute path of the project root, to name files in diagnostics. */
  root: string;
  /** Absolute path of the cache folder; encoded images go in its `images/` folder. */
  cacheDir: string;
  /** The path the pages are served under (`/`, or `/news/` for a site in a sub-folder; `/` in the preview). */
  pathPrefix: string;
  /** The key signed image CDN URLs are made with (from IMAGE_KEY_VARIABLE); needed when `images.signed`. */
  imageKey?: string | undefined;
  /** Told how many of the photos that need resizing are done (never called when none do). */
  onProgress?: (done: number, total: number) => void;
  /**
   * For the preview server: with an image CDN, show the originals as they are, since the CDN
   * cannot reach a preview on the editor's machine. The local provider is unaffected.
   */
  preview?: boolean;
}

/**
 * The part of the site model that media reads and completes: the settings, every picture content
 * refers to, the articles, pages and authors whose HTML shows them, and the files to publish.
 */
export interface MediaSite {
  config: { url: string; images: ImagesConfig };
  images: readonly ImageReference[];
  articles: readonly Article[];
  pages: readonly Page[];
  authors: readonly Author[];
  assets: { from: string; to: SitePath; version?: string }[];
}

/** What preparing the media gives a build: every problem, and when the files it lists in `site.assets` are all there. */
export interface PreparedMedia {
  diagnostics: Diagnostic[];
  /**
   * Settles once every file `site.assets` lists exists: copies of originals are made in the
   * background while the pages render. Await it before publishing `site.assets`; it rejects when a
   * copy could not be made.
   */
  ready: Promise<void>;
  /** Resized images found damaged in the cache (missing or changed files), which were encoded again. */
  damaged: number;
}

/** How one source image is published: what pages show and the files the output holds. */
interface PublishedImage {
  /** The size to print on an `<img>` without versions (the file itself), or of the largest version. */
  width: number;
  height: number;
  /** The source's own format and upright size, for the share-image width check. */
  original: { format: string; width: number; height: number };
  picture?: Picture;
  share?: ShareImage;
  /** Files to copy into the output. */
  files: { from: string; to: SitePath; version?: string }[];
}

// Images are decoded in memory: a few at a time keeps a site with thousands of them within bounds.
const CONCURRENT_IMAGES = 4;
// Reading headers costs one small read each: more at a time keeps a slow disk busy.
const CONCURRENT_HEADERS = 16;
// Copies of originals run on libuv's four threads, which Eleventy's file reads share.
const COPIES_AT_ONCE = 2;

/**
 * Publish every local image the site uses, in place in the site model so every list holding an
 * article sees it: lead images get their picture and share image, bodies that contain images get
 * `<picture>` elements, and `site.assets` lists the files to publish. With the `local` provider
 * the pictures are resized AVIF/WebP/JPEG versions (reused from the cache when the bytes are
 * unchanged); with an image CDN nothing is resized: the originals are published and the pictures
 * are the CDN's URLs, sized from each original's header. Unreadable files are errors naming every
 * file that uses them; lead images too narrow for a sharp share image are warnings.
 */
export async function prepareMedia(site: MediaSite, options: MediaOptions): Promise<PreparedMedia> {
  const settings = site.config.images;
  const diagnostics: Diagnostic[] = [];
  const copying: Promise<void>[] = [];
  const ready = () => Promise.all(copying).then(() => undefined);
  const damage = { count: 0 };
  let published: Map<string, PublishedImage>;
  if (isCdnProvider(settings.provider)) {
    const cdn: CdnSettings = { provider: settings.provider, url: settings.url, siteUrl: site.config.url };
    if (settings.signed && !options.preview) {
      if (!options.imageKey) return { diagnostics: [missingKey(settings.provider)], ready: Promise.resolve(), damaged: 0 };
      cdn.key = options.imageKey;
    }
    published = await publishForCdn(site, options, options.preview ? undefined : cdn, diagnostics, copying);
  } else {
    published = await publishLocally(site, options, diagnostics, damage);
  }
  // Drawings are published as they are with every provider, so they are cleaned whichever it is.
  diagnostics.push(...(await publishCleanDrawings(site.images, published, options)));
  for (const reference of site.images) {
    const image = published.get(reference.sourcePath);
    // Vector images are drawn at any width, so only bitmaps can be too narrow.
    if (image?.share && image.original.format !== "svg" && image.original.width < SHARE_WIDTH)
      diagnostics.push(...tooNarrow(reference, image));
  }
  applyMedia(site, published, options.pathPrefix);
  const whenReady = ready();
  // Awaited by the caller before it publishes; until then a failure must not count as unhandled.
  whenReady.catch(() => undefined);
  return { diagnostics: sortDiagnostics(diagnostics), ready: whenReady, damaged: damage.count };
}

/**
 * Resize and encode every image, or take it from the cache, and publish its versions. First each
 * photo is known by its content hash (remembered by size and modification time, so unchanged
 * photos are not read at all) and looked up in the cache; then only the photos the cache lacks are
 * read and encoded, a few at a time, each stored in the cache the moment it is done, with
 * `onProgress` told how many of them are finished.
 */
async function publishLocally(
  site: MediaSite,
  options: MediaOptions,
  diagnostics: Diagnostic[],
  damage: { count: number },
): Promise<Map<string, PublishedImage>> {
  const { formats, widths } = site.config.images;
  const index = new SourceIndex(options.cacheDir, options.root, () => sourceBlobs(site, options.root));
  const published = new Map<string, PublishedImage>();
  const publish = (reference: ImageReference, image: ProcessedImage) => {
    const entry: PublishedImage = {
      width: image.width,
      height: image.height,
      original: image.original,
      files: publishedFiles(image, reference.url, reference.sourcePath),
    };
    const picture = toPicture(image, reference.url, options.pathPrefix);
    if (picture) entry.picture = picture;
    const share = toShareImage(image, reference.url);
    if (share) entry.share = share;
    published.set(reference.sourcePath, entry);
  };
  const missing: { reference: ImageReference; key: string; share: boolean }[] = [];
  await forEachLimited(site.images, CONCURRENT_HEADERS, async (reference) => {
    const share = reference.uses.some((use) => use.lead);
    const hash = await knownHash(index, reference.sourcePath);
    if (hash === undefined) {
      diagnostics.push(...unreadable(reference, "it cannot be opened", options.root));
      return;
    }
    const key = encodingKey(hash, { formats, widths });
    const found = findProcessed(key, options.cacheDir, { share, onDamaged: () => damage.count++ });
    if (found) publish(reference, found);
    else missing.push({ reference, key, share });
  });
  // Sorted, so photos are encoded (and progress reported) in the same order on every machine.
  missing.sort((a, b) => (a.reference.url < b.reference.url ? -1 : a.reference.url > b.reference.url ? 1 : 0));
  let done = 0;
  if (missing.length > 0) options.onProgress?.(0, missing.length);
  await forEachLimited(missing, CONCURRENT_IMAGES, async ({ reference, key, share }) => {
    const content = await readSource(reference.sourcePath);
    const result = content
      ? await processImage({ path: reference.sourcePath, content, key }, options.cacheDir, { formats, widths, share })
      : undefined;
    if (result?.ok) publish(reference, result.image);
    else diagnostics.push(...unreadable(reference, result?.problem ?? "it cannot be opened", options.root));
    options.onProgress?.(++done, missing.length);
  });
  index.save(site.images.map((reference) => reference.sourcePath));
  return published;
}

// The git blob ids of the source images, asked of git for the top folders they are in (content/, public/).
function sourceBlobs(site: MediaSite, root: string): Map<string, string> {
  const folders = new Set<string>();
  for (const reference of site.images) {
    const [top] = path.relative(root, reference.sourcePath).split(path.sep);
    if (top && top !== "..") folders.add(top);
  }
  return cleanBlobIds(root, [...folders]);
}

/** The content hash of a source image: remembered while its size and mtime are unchanged, else read (and remembered); undefined when it cannot be read. */
async function knownHash(index: SourceIndex, sourcePath: string): Promise<string | undefined> {
  const stamp = index.stamp(sourcePath);
  if (!stamp) return undefined;
  const known = index.facts(sourcePath, stamp).hash;
  if (known !== undefined) return known;
  const content = await readSource(sourcePath);
  if (!content) return undefined;
  const hash = contentHash(content);
  index.learn(sourcePath, stamp, { hash });
  return hash;
}

async function readSource(sourcePath: string): Promise<Buffer | undefined> {
  try {
    return await readFile(sourcePath);
  } catch {
    return undefined;
  }
}

/**
 * Publish every original as it is and point pages at the CDN (or, without `cdn`, at the originals
 * themselves, for the preview). Only headers are read, and only for files whose size or
 * modification time changed since a build last read them; originals are published from copies
 * in the cache (see originalCopy), which the output hard-links.
 */
async function publishForCdn(
  site: MediaSite,
  options: MediaOptions,
  cdn: CdnSettings | undefined,
  diagnostics: Diagnostic[],
  copying: Promise<void>[],
): Promise<Map<string, PublishedImage>> {
  const index = new SourceIndex(options.cacheDir, options.root, () => sourceBlobs(site, options.root));
  const published = new Map<string, PublishedImage>();
  const widths = site.config.images.widths;
  // Each copy with its original and the original's size (known from its stamp, so not read again).
  const copies = new Map<string, { source: string; size: number }>();
  await forEachLimited(site.images, CONCURRENT_HEADERS, async (reference) => {
    const stamp = index.stamp(reference.sourcePath);
    const header = stamp ? await knownHeader(index, reference.sourcePath, stamp) : undefined;
    if (!stamp || !header?.ok) {
      diagnostics.push(...unreadable(reference, header?.ok === false ? header.problem : "it cannot be opened", options.root));
      return;
    }
    // The original itself is published, so a position the camera recorded would be public (a source's home, a safe house).
    if (header.header.location) diagnostics.push(...locationShown(reference, options.root));
    const picture = cdn && toCdnPicture(header.header, reference.url, cdn, widths);
    // Shown at the size of its widest version, as local pictures are, or as the file itself.
    const { width, height } = picture ?? header.header;
    const blob = index.blob(reference.sourcePath, stamp);
    const copy = originalCopyPath(options.cacheDir, reference.sourcePath, stamp, blob);
    copies.set(copy, { source: reference.sourcePath, size: stamp.size });
    // The copy may not exist yet: its source's version stands for it in the output key.
    const version = blob ?? `${stamp.size} ${stamp.mtimeMs}`;
    const entry: PublishedImage = { width, height, original: header.header, files: [{ from: copy, to: reference.url, version }] };
    if (picture) entry.picture = picture;
    const share = cdn && reference.uses.some((use) => use.lead) ? toCdnShareImage(header.header, reference.url, cdn) : undefined;
    if (share) entry.share = share;
    published.set(reference.sourcePath, entry);
  });
  index.save(site.images.map((reference) => reference.sourcePath));
  // The preview may show drafts a build leaves out: only builds decide which copies are still needed.
  if (!options.preview) pruneOriginalCopies(options.cacheDir, new Set(copies.keys()));
  // Two at a time, in the background: more would queue Eleventy's own file reads behind them.
  copying.push(forEachLimited([...copies], COPIES_AT_ONCE, ([copy, { source, size }]) => makeOriginalCopy(source, copy, size)));
  return published;
}

/** The header of a source image: remembered while its size and mtime are unchanged, else read (and remembered). */
async function knownHeader(
  index: SourceIndex,
  sourcePath: string,
  stamp: FileStamp,
): Promise<{ ok: true; header: ImageHeader } | { ok: false; problem: string }> {
  const known = index.facts(sourcePath, stamp).header;
  if (known) return { ok: true, header: known };
  const read = await readImageHeader(sourcePath);
  if (read.ok) index.learn(sourcePath, stamp, { header: read.header });
  return read;
}

/**
 * Put published images into the site model: lead images, body HTML and the files to copy.
 * Bodies hold image addresses as the Markdown render wrote them, under `pathPrefix`.
 */
function applyMedia(site: MediaSite, published: ReadonlyMap<string, PublishedImage>, pathPrefix: string): void {
  const byUrl = new Map<string, BodyImageDisplay>();
  site.assets = site.images.flatMap((reference) => {
    const image = published.get(reference.sourcePath);
    if (!image) return [{ from: reference.sourcePath, to: reference.url }];
    const display: BodyImageDisplay = { src: withPathPrefix(reference.url, pathPrefix), width: image.width, height: image.height };
    if (image.picture) display.picture = image.picture;
    byUrl.set(withPathPrefix(reference.url, pathPrefix), display);
    return image.files;
  });

  for (const article of site.articles) {
    const lead = article.image;
    const image = lead?.sourcePath === undefined ? undefined : published.get(lead.sourcePath);
    if (lead && image) {
      lead.width = image.width;
      lead.height = image.height;
      if (image.picture) lead.picture = image.picture;
      if (image.share) lead.share = image.share;
    }
    // An article without a lead image is shown in lists by its body's first picture.
    const first = article.firstBodyImage === undefined ? undefined : published.get(article.firstBodyImage)?.picture;
    if (first) article.bodyPicture = first;
  }
  if (byUrl.size === 0) return;
  const lookup = (src: string) => byUrl.get(src);
  for (const article of site.articles) {
    // The body changes when its HTML is asked for; its key, by the pictures its images become.
    const { body } = article;
    const shown = body.imageSources.map((src) => lookup(src));
    if (shown.some((display) => display !== undefined)) {
      article.body = changedBody(body, `pictures\0${JSON.stringify(shown)}`, (parts) => parts.map((part) => addPictures(part, lookup)) as BodyParts);
    }
    for (const update of article.live?.updates ?? []) update.html = addPictures(update.html, lookup);
  }
  for (const page of site.pages) page.body = addPictures(page.body, lookup);
  for (const author of site.authors) author.bio = addPictures(author.bio, lookup);
}

// The key is a secret, so it is never in the config; without it every signed URL would be refused.
function missingKey(provider: CdnProvider): Diagnostic {
  return error(
    "config/images-key",
    CONFIG_FILE,
    `\`images.signed\` is true, but the environment variable ${IMAGE_KEY_VARIABLE} holding the ${provider} signing key is not set`,
    {
      field: "images.signed",
      fix: `Set ${IMAGE_KEY_VARIABLE} to the ${provider === "imgix" ? "imgix source's secure URL token" : "Cloudinary API secret"} (a repository secret in CI), or remove \`signed\` if ${provider} serves unsigned URLs.`,
    },
  );
}

function unreadable(reference: ImageReference, problem: string, root: string): Diagnostic[] {
  const file = path.relative(root, reference.sourcePath).split(path.sep).join("/");
  return reference.uses.map((use) =>
    error("content/image-unreadable", use.file, `the image file ${file} cannot be read as a picture (${problem})`, {
      line: use.line,
      field: use.field,
      fix: "Export it again as a JPEG, PNG, WebP, AVIF, GIF or SVG file, or replace it.",
    }),
  );
}

function locationShown(reference: ImageReference, root: string): Diagnostic[] {
  const file = path.relative(root, reference.sourcePath).split(path.sep).join("/");
  return reference.uses.map((use) =>
    warning(
      "content/image-location",
      use.file,
      `the photo ${file} records where it was taken (GPS), and with an image CDN the original is published as it is, so anyone can read the position`,
      {
        line: use.line,
        field: use.field,
        fix: `Remove the location before committing it, e.g. \`exiftool -gps:all= ${file}\`, unless the place is meant to be public.`,
      },
    ),
  );
}

function tooNarrow(reference: ImageReference, image: PublishedImage): Diagnostic[] {
  return reference.uses
    .filter((use) => use.lead)
    .map((use) =>
      warning(
        "content/image-small",
        use.file,
        `the lead image is ${image.original.width} pixels wide; link previews on social media show it ${SHARE_WIDTH} pixels wide, so it will look blurred when the article is shared`,
        { line: use.line, field: use.field, fix: `Use a version of the picture at least ${SHARE_WIDTH} pixels wide.` },
      ),
    );
}

/** Run `task` on every item, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
