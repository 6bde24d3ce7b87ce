import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Metadata } from "sharp";
import { digestOf, readIntact } from "../core/file-digest.ts";

// sharp (libvips) and eleventy-img take a tenth of a second to load, and most builds encode
// nothing: they are loaded by the first photo that needs it (Node keeps them loaded after).
const loadSharp = async () => (await import("sharp")).default;
const loadEleventyImage = async () => (await import("@11ty/eleventy-img")).default;

/** Width of the link-preview image, as Facebook, LinkedIn and X recommend. */
export const SHARE_WIDTH = 1200;

/** An encoded format, in the order browsers should prefer them. */
export type ImageFormat = "avif" | "webp" | "jpeg" | "png";

/** One encoded file in the cache. */
export interface EncodedFile {
  /** Absolute path of the file in the image cache. */
  file: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** What processing one source image produced. */
export interface ProcessedImage {
  /** Hex digest of the file's bytes and the encoding settings; published file names carry its start. */
  key: string;
  /**
   * `responsive`: encoded at several widths as AVIF, WebP and a JPEG (PNG when it has transparency).
   * `as-is`: published unchanged, as resizing would lose what makes it what it is (SVG, GIF, animations).
   */
  kind: "responsive" | "as-is";
  /** Size of the largest version (responsive) or of the file itself (as-is), EXIF rotation applied. */
  width: number;
  height: number;
  /** The source file's format (as sharp names it: jpeg, png, svg…) and size, EXIF rotation applied. */
  original: { format: string; width: number; height: number };
  /** Resized versions by format, best format first, narrowest first; empty for `as-is`. */
  formats: { format: ImageFormat; files: EncodedFile[] }[];
  /** A SHARE_WIDTH-wide JPEG for link previews, upscaled when the original is narrower; made only for lead images. */
  share?: EncodedFile;
}

/** Processing an image either works or names the problem with the file. */
export type ProcessImageResult = { ok: true; image: ProcessedImage } | { ok: false; problem: string };

/** What the config says to make of each photo: `images.formats` (best first; the last is the `<img>`) and `images.widths`. */
export interface EncodeOptions {
  formats: readonly ("avif" | "webp" | "jpeg")[];
  widths: readonly number[];
}

// Everything else that changes the encoded files. It is part of every cache key with the options
// above, so changing a setting re-encodes every image once. AVIF effort 2 encodes about 6× faster
// than sharp's default 4 for files 5–10 % larger (measured on the sample photos).
const SETTINGS = {
  // 2: keys are made from the SHA-256 of the bytes (known without reading them again), not the bytes.
  // 3: manifests record each file's digest.
  version: 3,
  // Refuse truncated files (a grey band where the picture stops), but not files with harmless
  // decoder warnings, which browsers show fine.
  input: { failOn: "truncated" as const },
  share: SHARE_WIDTH,
  avif: { effort: 2 },
  jpeg: { quality: 80, progressive: true },
};
const SETTINGS_JSON = JSON.stringify(SETTINGS);

/** The SHA-256 of a file's bytes, hex: what the cache knows a photo by. */
export function contentHash(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** The cache key of a photo with these bytes (their `contentHash`) encoded with these options. */
export function encodingKey(hash: string, options: EncodeOptions): string {
  const chosen = JSON.stringify({ formats: options.formats, widths: options.widths });
  return createHash("sha256").update(SETTINGS_JSON).update("\0").update(chosen).update("\0").update(hash).digest("hex").slice(0, 20);
}

/**
 * What an earlier build made of the photo with this key, when its manifest is sound, every file it
 * lists is still there, and it has a share image if one is needed. Reads the cache only, never the photo.
 */
export function findProcessed(key: string, cacheDir: string, options: { share: boolean; onDamaged?: () => void }): ProcessedImage | undefined {
  const cached = readManifest(path.join(cacheDir, "images"), key);
  if (cached === DAMAGED) options.onDamaged?.();
  return cached && cached !== DAMAGED && (cached.share || !options.share) ? cached : undefined;
}

/**
 * Resize and re-encode one local image into `cacheDir` (and make its share image when `share`),
 * from `content`, its bytes, under `key` (see encodingKey). An image already in the cache without
 * the share image now needed gets only that. A manifest written last, atomically, marks an image
 * as done the moment it is, so a build stopped half-way keeps every photo it finished and
 * re-encodes the one it was on instead of trusting half-written files. A file that is not a
 * readable image is a problem for the editor, not an exception.
 */
export async function processImage(
  source: { path: string; content: Buffer; key: string },
  cacheDir: string,
  options: EncodeOptions & { share: boolean },
): Promise<ProcessImageResult> {
  const found = findProcessed(source.key, cacheDir, options);
  if (found) return { ok: true, image: found };
  const folder = path.join(cacheDir, "images");
  const manifest = readManifest(folder, source.key);
  const cached = manifest === DAMAGED ? undefined : manifest;
  // Two files with the same bytes would write the same cache files at once: encode them once.
  const running = inFlight.get(source.key);
  if (running) {
    const result = await running;
    return result.ok && options.share && !result.image.share ? processImage(source, cacheDir, options) : result;
  }
  const work = encode({
    sourcePath: source.path,
    content: source.content,
    folder,
    key: source.key,
    cached,
    share: options.share,
    options,
  }).finally(() => inFlight.delete(source.key));
  inFlight.set(source.key, work);
  return work;
}

const inFlight = new Map<string, Promise<ProcessImageResult>>();

interface EncodeJob {
  sourcePath: string;
  content: Buffer;
  folder: string;
  key: string;
  /** What an earlier build made, when only the share image is missing. */
  cached: ProcessedImage | undefined;
  share: boolean;
  options: EncodeOptions;
}

async function encode(job: EncodeJob): Promise<ProcessImageResult> {
  let image: ProcessedImage;
  try {
    const sharp = await loadSharp();
    const metadata = await sharp(job.content, SETTINGS.input).metadata();
    if (!metadata.width || !metadata.height) return { ok: false, problem: "its width and height cannot be read" };
    mkdirSync(job.folder, { recursive: true });
    const asIs = metadata.format === "svg" || metadata.format === "gif" || (metadata.pages ?? 1) > 1;
    image =
      job.cached ??
      (asIs
        ? { key: job.key, kind: "as-is", width: metadata.width, height: metadata.height, original: upright(metadata), formats: [] }
        : await encodeResponsive(job, metadata));
    if (job.share && !image.share) image.share = reusableShare(image) ?? (await encodeShare(job, metadata));
  } catch (cause) {
    // Decoding is where damaged or mislabelled files fail (sharp names the problem); the editor
    // can fix those, so they are reported, not thrown.
    return { ok: false, problem: cause instanceof Error ? (cause.message.split("\n")[0] ?? cause.message) : String(cause) };
  }
  writeManifest(job.folder, image);
  return { ok: true, image };
}

async function encodeResponsive(job: EncodeJob, metadata: Metadata): Promise<ProcessedImage> {
  const [sharp, eleventyImage] = await Promise.all([loadSharp(), loadEleventyImage()]);
  // Many PNGs carry an alpha channel that is fully opaque; only real transparency needs a PNG fallback.
  const transparent = metadata.hasAlpha === true && !(await sharp(job.content, SETTINGS.input).stats()).isOpaque;
  // JPEG has no transparency: a picture with transparent parts gets PNG in its place.
  const chosen: ImageFormat[] = job.options.formats.map((format) => (format === "jpeg" && transparent ? "png" : format));
  const written = await eleventyImage(job.sourcePath, {
    widths: [...job.options.widths],
    formats: chosen,
    outputDir: job.folder,
    urlPath: "/",
    // Tidings keeps its own manifest (above); eleventy-img's caches would hold every image in memory.
    useCache: false,
    // Formats are chosen here; eleventy-img would otherwise treat any WebP input as animated.
    formatFiltering: [],
    sharpOptions: SETTINGS.input,
    sharpAvifOptions: SETTINGS.avif,
    sharpJpegOptions: SETTINGS.jpeg,
  });
  const formats = chosen.map((format) => ({
    format,
    files: (written[format] ?? []).map((stat): EncodedFile => ({
      file: path.resolve(stat.outputPath),
      format,
      width: stat.width,
      height: stat.height,
    })),
  }));
  const largest = formats.at(-1)?.files.at(-1);
  if (!largest) throw new Error(`eleventy-img wrote no ${chosen.at(-1)} for ${job.sourcePath}`);
  return { key: job.key, kind: "responsive", width: largest.width, height: largest.height, original: upright(metadata), formats };
}

/** The source's size as it shows, its EXIF orientation applied. */
function upright(metadata: Metadata): ProcessedImage["original"] {
  return { format: metadata.format, width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

/** The largest JPEG version, when it already is exactly what link previews need. */
function reusableShare(image: ProcessedImage): EncodedFile | undefined {
  const largest = image.formats.find(({ format }) => format === "jpeg")?.files.at(-1);
  return largest?.width === SHARE_WIDTH ? largest : undefined;
}

/** The link-preview JPEG: rotated upright, transparency on white, SHARE_WIDTH wide whatever the original's width. */
async function encodeShare({ content, folder, key }: EncodeJob, metadata: Metadata): Promise<EncodedFile> {
  // Render vector images at the target width instead of enlarging a 72-dpi rendering.
  const density =
    metadata.format === "svg" ? Math.min(Math.max((72 * SHARE_WIDTH) / (metadata.width ?? SHARE_WIDTH), 1), 100_000) : undefined;
  const file = path.join(folder, `${key}-share-${SHARE_WIDTH}.jpeg`);
  const temporary = `${file}.${process.pid}.tmp`;
  const sharp = await loadSharp();
  const info = await sharp(content, density === undefined ? SETTINGS.input : { ...SETTINGS.input, density })
    .rotate()
    .flatten({ background: "#ffffff" })
    .resize({ width: SHARE_WIDTH })
    .jpeg(SETTINGS.jpeg)
    .toFile(temporary);
  renameSync(temporary, file);
  return { file, format: "jpeg", width: info.width, height: info.height };
}

// The manifest stores file names relative to the cache folder, so the cache can move, and the
// digest of each file's bytes, so a file changed since (a damaged disk or CI cache, an edit
// through the output) is never published.
interface Manifest {
  key: string;
  kind: ProcessedImage["kind"];
  width: number;
  height: number;
  original: ProcessedImage["original"];
  formats: { format: ImageFormat; files: ManifestFile[] }[];
  share?: ManifestFile;
}

type ManifestFile = Omit<EncodedFile, "format"> & { digest: string };

// A manifest whose files are not all as it recorded them.
const DAMAGED = "damaged";

function writeManifest(folder: string, image: ProcessedImage): void {
  const relative = (file: EncodedFile): ManifestFile => ({
    file: path.relative(folder, file.file),
    width: file.width,
    height: file.height,
    digest: digestOf(readFileSync(file.file)),
  });
  const manifest: Manifest = {
    key: image.key,
    kind: image.kind,
    width: image.width,
    height: image.height,
    original: image.original,
    formats: image.formats.map(({ format, files }) => ({ format, files: files.map(relative) })),
  };
  if (image.share) manifest.share = relative(image.share);
  const file = path.join(folder, `${image.key}.json`);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * The processed image recorded for `key`, when its manifest is sound and every file it lists is
 * there with the bytes it recorded; DAMAGED when a file is missing or changed (it is made again).
 */
function readManifest(folder: string, key: string): ProcessedImage | typeof DAMAGED | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(folder, `${key}.json`), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !Array.isArray(manifest.formats) || typeof manifest.original?.width !== "number") return undefined;
  const absolute = (file: ManifestFile, format: ImageFormat): EncodedFile => ({
    file: path.join(folder, file.file),
    format,
    width: file.width,
    height: file.height,
  });
  const image: ProcessedImage = {
    key,
    kind: manifest.kind,
    width: manifest.width,
    height: manifest.height,
    original: manifest.original,
    formats: manifest.formats.map(({ format, files }) => ({ format, files: files.map((file) => absolute(file, format)) })),
  };
  if (manifest.share) image.share = absolute(manifest.share, "jpeg");
  const recorded = [...(manifest.share ? [manifest.share] : []), ...manifest.formats.flatMap(({ files }) => files)];
  return recorded.every((file) => typeof file.digest === "string" && readIntact(path.join(folder, file.file), file.digest) !== undefined) ? image : DAMAGED;
}
