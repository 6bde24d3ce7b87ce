import path from "node:path";
import { error, sortDiagnostics, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ImageReference, Site } from "../site/types.ts";
import { addPictures, type BodyImageDisplay } from "./picture-html.ts";
import { processImage, SHARE_WIDTH, type ProcessedImage } from "./process-image.ts";
import { withPathPrefix } from "../site/urls.ts";
import { publishedFiles, toPicture, toShareImage } from "./published-image.ts";

/** Where processed images are kept between builds. */
export interface MediaOptions {
  /** Absolute path of the project root, to name files in diagnostics. */
  root: string;
  /** Absolute path of the cache folder; encoded images go in its `images/` folder. */
  cacheDir: string;
  /** The path the pages are served under (`/`, or `/news/` for a site in a sub-folder; `/` in the preview). */
  pathPrefix: string;
}

// Images are decoded in memory: a few at a time keeps a site with thousands of them within bounds.
const CONCURRENT_IMAGES = 4;

/**
 * Process every local image the site uses (resized AVIF/WebP/JPEG versions, share images for lead
 * images, reused from the cache when the bytes are unchanged), then publish them in the site
 * model, in place so every list holding an article sees it: lead images get their picture and
 * share image, bodies that contain images get `<picture>` elements, and `site.assets` lists the
 * encoded files instead of the originals. Unreadable files are errors naming every file that
 * uses them; lead images too narrow for a sharp share image are warnings.
 */
export async function prepareMedia(site: Site, options: MediaOptions): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const processed = new Map<string, ProcessedImage>();
  await forEachLimited(site.images, CONCURRENT_IMAGES, async (reference) => {
    const result = await processImage(reference.sourcePath, options.cacheDir, { share: reference.uses.some((use) => use.lead) });
    if (result.ok) processed.set(reference.sourcePath, result.image);
    else diagnostics.push(...unreadable(reference, result.problem, options.root));
  });
  for (const reference of site.images) {
    const image = processed.get(reference.sourcePath);
    // Vector images are drawn at any width, so only bitmaps can be too narrow.
    if (image && image.original.format !== "svg" && image.original.width < SHARE_WIDTH) diagnostics.push(...tooNarrow(reference, image));
  }
  applyMedia(site, processed, options.pathPrefix);
  return sortDiagnostics(diagnostics);
}

/**
 * Put processed images into the site model: lead images, body HTML and the files to copy.
 * Bodies hold image addresses as the Markdown render wrote them, under `pathPrefix`.
 */
function applyMedia(site: Site, processed: ReadonlyMap<string, ProcessedImage>, pathPrefix: string): void {
  const byUrl = new Map<string, BodyImageDisplay>();
  site.assets = site.images.flatMap((reference) => {
    const image = processed.get(reference.sourcePath);
    if (!image) return [{ from: reference.sourcePath, to: reference.url }];
    const display: BodyImageDisplay = { src: withPathPrefix(reference.url, pathPrefix), width: image.width, height: image.height };
    const picture = toPicture(image, reference.url, pathPrefix);
    if (picture) display.picture = picture;
    byUrl.set(withPathPrefix(reference.url, pathPrefix), display);
    return publishedFiles(image, reference.url, reference.sourcePath);
  });

  for (const article of site.articles) {
    const lead = article.image;
    const image = lead?.sourcePath === undefined ? undefined : processed.get(lead.sourcePath);
    if (lead && image) {
      lead.width = image.width;
      lead.height = image.height;
      const picture = toPicture(image, lead.url, pathPrefix);
      if (picture) lead.picture = picture;
      const share = toShareImage(image, lead.url);
      if (share) lead.share = share;
    }
  }
  if (byUrl.size === 0) return;
  const lookup = (src: string) => byUrl.get(src);
  for (const article of site.articles) {
    article.body = article.body.length === 2 ? [addPictures(article.body[0], lookup), addPictures(article.body[1], lookup)] : [addPictures(article.body[0], lookup)];
  }
  for (const page of site.pages) page.body = addPictures(page.body, lookup);
  for (const author of site.authors) author.bio = addPictures(author.bio, lookup);
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

function tooNarrow(reference: ImageReference, image: ProcessedImage): Diagnostic[] {
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
