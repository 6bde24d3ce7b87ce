import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_FORMATS, DEFAULT_IMAGE_WIDTHS } from "../../src/media/images-schema.ts";
import { contentHash, encodingKey, findProcessed, processImage, type EncodeOptions, type ProcessedImage } from "../../src/media/process-image.ts";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "tidings-process-image-"));
  mkdirSync(path.join(folder, "content"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Write a test picture: a plain colour with a stripe, so the encoders have something to do. */
async function picture(name: string, width: number, height: number, options: { alpha?: boolean; format?: "png" | "jpeg" | "gif" } = {}) {
  const file = path.join(folder, "content", name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height / 2}" fill="#3f6e8c" ${options.alpha ? 'fill-opacity="0.4"' : ""}/></svg>`;
  const image = sharp(Buffer.from(svg));
  const format = options.format ?? "png";
  if (!options.alpha) image.flatten({ background: "#ffffff" });
  await image.toFormat(format).toFile(file);
  return file;
}

const DEFAULTS: EncodeOptions = { formats: DEFAULT_IMAGE_FORMATS, widths: DEFAULT_IMAGE_WIDTHS };

/** Process a file as prepareMedia does: its bytes, their hash and the encoding options make the key. */
async function attempt(file: string, share = false, cacheDir = path.join(folder, "cache"), options = DEFAULTS) {
  const content = readFileSync(file);
  return processImage({ path: file, content, key: encodingKey(contentHash(content), options) }, cacheDir, { ...options, share });
}

async function processed(file: string, share = false, cacheDir = path.join(folder, "cache"), options = DEFAULTS): Promise<ProcessedImage> {
  const result = await attempt(file, share, cacheDir, options);
  if (!result.ok) throw new Error(result.problem);
  return result.image;
}

const widths = (image: ProcessedImage) => Object.fromEntries(image.formats.map(({ format, files }) => [format, files.map((file) => file.width)]));

describe("processImage", () => {
  it("encodes a large photo as AVIF, WebP and JPEG at 400, 800 and 1200 pixels", async () => {
    const image = await processed(await picture("large.png", 1600, 1000));
    expect(image.kind).toBe("responsive");
    expect(widths(image)).toEqual({ avif: [400, 800, 1200], webp: [400, 800, 1200], jpeg: [400, 800, 1200] });
    expect([image.width, image.height]).toEqual([1200, 750]);
    expect(image.original).toEqual({ format: "png", width: 1600, height: 1000 });
    for (const { files } of image.formats) {
      for (const file of files) {
        const metadata = await sharp(file.file).metadata();
        expect([metadata.format === "heif" ? "avif" : metadata.format, metadata.width, metadata.height]).toEqual([file.format, file.width, file.height]);
      }
    }
  });

  it("never enlarges a small image, and gives it a 1200-pixel share image", async () => {
    const image = await processed(await picture("small.jpg", 300, 200, { format: "jpeg" }), true);
    expect(widths(image)).toEqual({ avif: [300], webp: [300], jpeg: [300] });
    const share = await sharp(image.share?.file).metadata();
    expect([share.format, share.width, share.height]).toEqual(["jpeg", 1200, 800]);
  });

  it("uses the 1200-pixel JPEG version as the share image when there is one", async () => {
    const image = await processed(await picture("wide.png", 2000, 1000), true);
    expect(image.share?.file).toBe(image.formats[2]?.files.at(-1)?.file);
  });

  it("falls back to PNG, not JPEG, for an image with transparency", async () => {
    const image = await processed(await picture("logo.png", 500, 200, { alpha: true }));
    expect(image.formats.map(({ format }) => format)).toEqual(["avif", "webp", "png"]);
  });

  it("publishes a GIF as it is", async () => {
    const image = await processed(await picture("anim.gif", 120, 80, { format: "gif" }), true);
    expect(image.kind).toBe("as-is");
    expect(image.formats).toEqual([]);
    expect([image.width, image.height, image.share?.width]).toEqual([120, 80, 1200]);
  });

  it("names the problem with a file that is not a picture instead of throwing", async () => {
    const file = path.join(folder, "content", "notes.jpg");
    writeFileSync(file, "these are my notes, not a photo");
    const result = await attempt(file, true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/unsupported image format/i);
  });

  it("leaves the source's EXIF data (camera, author, location) out of every published version", async () => {
    const file = path.join(folder, "content", "exif.jpg");
    await sharp({ create: { width: 900, height: 600, channels: 3, background: "#888888" } })
      .jpeg()
      .withExifMerge({ IFD0: { Artist: "Confidential source", Copyright: "Where it was taken" } })
      .toFile(file);
    expect((await sharp(file).metadata()).exif).toBeDefined();
    const image = await processed(file, true);
    for (const encoded of [...image.formats.flatMap(({ files }) => files), ...(image.share ? [image.share] : [])]) {
      expect((await sharp(encoded.file).metadata()).exif, encoded.file).toBeUndefined();
    }
  });

  it("reuses the encoded files of unchanged bytes without encoding them again", async () => {
    const cacheDir = path.join(folder, "cache-reuse");
    const file = await picture("reuse.png", 900, 600);
    const first = await processed(file, false, cacheDir);
    const before = first.formats.flatMap(({ files }) => files.map((encoded) => statSync(encoded.file).mtimeMs));
    const second = await processed(file, false, cacheDir);
    expect(second).toEqual(first);
    expect(second.formats.flatMap(({ files }) => files.map((encoded) => statSync(encoded.file).mtimeMs))).toEqual(before);
  });

  it("encodes again when an earlier build stopped before recording the image as done", async () => {
    const cacheDir = path.join(folder, "cache-interrupted");
    const file = await picture("interrupted.png", 900, 600);
    const first = await processed(file, false, cacheDir);
    const manifest = readdirSync(path.join(cacheDir, "images")).find((name) => name.endsWith(".json")) ?? "";
    rmSync(path.join(cacheDir, "images", manifest));
    writeFileSync(first.formats[0]?.files[0]?.file ?? "", "half-written");
    const second = await processed(file, false, cacheDir);
    expect((await sharp(second.formats[0]?.files[0]?.file).metadata()).width).toBe(400);
  });

  it("encodes the formats and widths the config chooses, the last as the fallback", async () => {
    const image = await processed(await picture("chosen.png", 1600, 1000), false, path.join(folder, "cache-chosen"), { formats: ["webp", "jpeg"], widths: [300, 600] });
    expect(widths(image)).toEqual({ webp: [300, 600], jpeg: [300, 600] });
    const transparent = await processed(await picture("chosen-alpha.png", 800, 400, { alpha: true }), false, path.join(folder, "cache-chosen"), { formats: ["avif", "jpeg"], widths: [300] });
    expect(widths(transparent)).toEqual({ avif: [300], png: [300] });
  });

  it("keys a photo by its hash and the chosen formats and widths, so changing either encodes it again", () => {
    const hash = contentHash(Buffer.from("photo"));
    const key = encodingKey(hash, DEFAULTS);
    expect(encodingKey(hash, DEFAULTS)).toBe(key);
    expect(encodingKey(contentHash(Buffer.from("other photo")), DEFAULTS)).not.toBe(key);
    expect(encodingKey(hash, { ...DEFAULTS, widths: [400, 800] })).not.toBe(key);
    expect(encodingKey(hash, { ...DEFAULTS, formats: ["webp", "jpeg"] })).not.toBe(key);
  });

  it("finds what an earlier build made from the key alone, without the photo", async () => {
    const cacheDir = path.join(folder, "cache-find");
    const file = await picture("find.png", 900, 600);
    const key = encodingKey(contentHash(readFileSync(file)), DEFAULTS);
    const made = await processed(file, false, cacheDir);
    rmSync(file);
    expect(findProcessed(key, cacheDir, { share: false })).toEqual(made);
    // A lead image needs its share image, which this photo was not given.
    expect(findProcessed(key, cacheDir, { share: true })).toBeUndefined();
    expect(findProcessed(encodingKey("another", DEFAULTS), cacheDir, { share: false })).toBeUndefined();
  });
});
