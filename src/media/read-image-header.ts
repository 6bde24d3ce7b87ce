import { open, readFile } from "node:fs/promises";
import type { Metadata } from "sharp";

/** What an image file's header says: enough to lay the picture out without decoding a pixel. */
export interface ImageHeader {
  /** The format as sharp names it: jpeg, png, webp, heif (AVIF), gif, svg, tiff… */
  format: string;
  /** Size as it shows, its EXIF orientation applied. */
  width: number;
  height: number;
  /** More than one frame: a moving GIF or WebP, which resizing would freeze. */
  animated: boolean;
  /** The EXIF data holds a GPS position (where the photo was taken), which a published original gives away. */
  location?: boolean;
}

/** Reading a header either works or names the problem with the file. */
export type ReadHeaderResult = { ok: true; header: ImageHeader } | { ok: false; problem: string };

// JPEG, PNG and AVIF headers sit in the first few kilobytes (EXIF included), so most photos are
// measured from this much of the file; WebP, GIF and TIFF need the whole file for sharp to parse.
const HEAD_BYTES = 64 * 1024;

/**
 * Read the width, height and format of an image file from its header: the first 64 KB, or the
 * whole file for formats whose header sharp cannot parse from a part. Nothing is decoded, so a
 * 770 KB camera photo costs one small read instead of a decode.
 */
export async function readImageHeader(file: string): Promise<ReadHeaderResult> {
  let head: Buffer;
  let whole: boolean;
  try {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
      whole = bytesRead < HEAD_BYTES;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
  const fromHead = await headerOf(head);
  if (fromHead.ok || whole) return fromHead;
  try {
    return await headerOf(await readFile(file));
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
}

/** The header of an image held in memory (all of it, or its start). */
export async function headerOf(bytes: Buffer): Promise<ReadHeaderResult> {
  let metadata: Metadata;
  try {
    // Loaded by the first header read: most builds read none (see process-image.ts).
    const sharp = (await import("sharp")).default;
    metadata = await sharp(bytes).metadata();
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
  if (!metadata.width || !metadata.height) return { ok: false, problem: "its width and height cannot be read" };
  const { width, height } = metadata.autoOrient;
  const header: ImageHeader = { format: metadata.format, width, height, animated: (metadata.pages ?? 1) > 1 };
  if (metadata.exif && hasGpsPosition(metadata.exif)) header.location = true;
  return { ok: true, header };
}

// The EXIF tag of the first directory that points at the GPS directory (TIFF/EXIF 2.3, "GPSInfo").
const GPS_INFO_TAG = 0x8825;

/**
 * Whether raw EXIF data (as sharp gives it: `Exif\0\0` then a TIFF header) has a GPS directory:
 * the first directory's entries are read for the GPSInfo tag, in the byte order the header names.
 * Anything malformed counts as no position.
 */
export function hasGpsPosition(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
  if (tiff.length < 8) return false;
  const order = tiff.subarray(0, 2).toString("latin1");
  if (order !== "II" && order !== "MM") return false;
  const little = order === "II";
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const directory = u32(4);
  if (directory + 2 > tiff.length) return false;
  const entries = u16(directory);
  for (let index = 0; index < entries; index++) {
    const entry = directory + 2 + index * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === GPS_INFO_TAG) return true;
  }
  return false;
}

function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0] ?? message;
}
