import path from "node:path";
import { isHttpUrl, type ArticleFrontMatter } from "../content/schemas.ts";
import { lineOf } from "../content/yaml-document.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { resolveMedia, type MediaFile } from "../model/media-files.ts";
import type { Image, ImageReference, ImageUse } from "../model/types.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";

/*
 * The pictures content refers to: each checked where it is written (a missing file, one outside
 * content/, one on another website), and each local one recorded with every place that uses it,
 * for src/media/ to publish. Builders return their value and their problems; checks return problems.
 */

/** Local image files by source path, each with every use; filled in as content is read. */
export type ImageUses = Map<string, ImageReference>;

/** An article's lead image, resolved to its published address, with the problems of its file. */
export function resolveLeadImage(
  image: NonNullable<ArticleFrontMatter["image"]>,
  entry: RenderedEntry<ArticleFrontMatter>,
  input: SiteInput,
  images: ImageUses,
): { image?: Image; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveImage(image, entry, input, diagnostics, images);
  return resolved === undefined ? { diagnostics } : { image: resolved, diagnostics };
}

/** The problems of a lead image that is not published yet (a draft's, a scheduled article's): its file must exist by the time it is. */
export function checkLeadImage(entry: RenderedEntry<ArticleFrontMatter>, input: SiteInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const image = entry.frontMatter.image;
  if (image) checkMedia(entry, image.src, lineOf(entry.lines, ["image", "src"]), input, diagnostics, "image.src");
  return diagnostics;
}

/** Check every image in an entry's body, recording the local ones in `images` (a throwaway map for what is not published). */
export function checkBodyImages(entry: RenderedEntry<unknown>, input: SiteInput, images: ImageUses = new Map()): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  collectBodyImages(entry, input, diagnostics, images);
  return diagnostics;
}

/** The source file of an entry's first body image that is a file in the content folder (problems with the others are reported by collectBodyImages). */
export function firstLocalImage(entry: RenderedEntry<unknown>, input: SiteInput): string | undefined {
  for (const image of entry.images) {
    const media = resolveMedia(entry.file, image.src);
    if (media === undefined || media === "outside") continue;
    const sourcePath = path.join(input.root, media.source);
    if (input.fileExists(sourcePath)) return sourcePath;
  }
  return undefined;
}

function resolveImage(
  image: NonNullable<ArticleFrontMatter["image"]>,
  entry: RenderedEntry<ArticleFrontMatter>,
  input: SiteInput,
  diagnostics: Diagnostic[],
  images: ImageUses,
): Image | undefined {
  const resolved: Image = { url: image.src, alt: image.alt };
  if (image.caption !== undefined) resolved.caption = image.caption;
  if (image.credit !== undefined) resolved.credit = image.credit;
  const use = { file: entry.file, line: lineOf(entry.lines, ["image", "src"]), field: "image.src", lead: true };
  const media = checkMedia(entry, image.src, use.line, input, diagnostics, use.field);
  if (media === "missing") return undefined;
  if (media) {
    resolved.url = media.url;
    resolved.sourcePath = path.join(input.root, media.source);
    addImageUse(images, resolved.sourcePath, media.url, use);
  }
  return resolved;
}

/** Record that a content file uses a local image, merging every use of the same file. */
function addImageUse(
  images: ImageUses,
  sourcePath: string,
  url: string,
  use: { file: string; line: number | undefined; field?: string | undefined; lead: boolean },
): void {
  const reference = images.get(sourcePath) ?? { sourcePath, url, uses: [] };
  const recorded: ImageUse = { file: use.file, lead: use.lead };
  if (use.line !== undefined) recorded.line = use.line;
  if (use.field !== undefined) recorded.field = use.field;
  reference.uses.push(recorded);
  images.set(sourcePath, reference);
}

/**
 * Check that a local image a content file refers to exists inside content/ (or, for `/…` paths,
 * in public/), reporting it otherwise. Returns the media file, undefined for remote images and
 * site paths that exist, or "missing" after reporting a problem.
 */
function checkMedia(
  entry: RenderedEntry<unknown>,
  src: string,
  line: number | undefined,
  input: SiteInput,
  diagnostics: Diagnostic[],
  field?: string,
): MediaFile | "missing" | undefined {
  const media = resolveMedia(entry.file, src);
  if (isHttpUrl(src)) {
    diagnostics.push(
      warning(
        "content/image-remote",
        entry.file,
        `the image "${src}" is on another website, so it is shown as it is there: not resized, without a share image, and readers' browsers fetch it from that site`,
        {
          line,
          field,
          fix: "If you may publish it, save the file next to the article (for example in images/) and give its path from there.",
        },
      ),
    );
    return undefined;
  }
  if (media === "outside") {
    diagnostics.push(
      error("content/image-outside", entry.file, `the image "${src}" is outside the content folder`, {
        line,
        field,
        fix: "Put the image next to the article (for example in an images/ folder beside it) and give its path from there.",
      }),
    );
    return "missing";
  }
  const sourcePath = media
    ? path.join(input.root, media.source)
    : src.startsWith("/") && !src.startsWith("//")
      ? path.join(input.root, "public", src)
      : undefined;
  if (sourcePath !== undefined && !input.fileExists(sourcePath)) {
    diagnostics.push(
      error("content/image-missing", entry.file, `the image file "${src}" does not exist`, {
        line,
        field,
        fix: `Check the spelling, or add the file at ${path.relative(input.root, sourcePath).split(path.sep).join("/")}.`,
      }),
    );
    return "missing";
  }
  return media;
}

/** Check every image in an entry's body and record the local ones. */
function collectBodyImages(entry: RenderedEntry<unknown>, input: SiteInput, diagnostics: Diagnostic[], images: ImageUses): void {
  for (const image of entry.images) {
    const media = checkMedia(entry, image.src, image.line, input, diagnostics, image.field);
    if (media && media !== "missing")
      addImageUse(images, path.join(input.root, media.source), media.url, {
        file: entry.file,
        line: image.line,
        field: image.field,
        lead: false,
      });
  }
}
