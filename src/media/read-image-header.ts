import { closeSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Metadata } from "sharp";
import { exifFacts, jpegHeader, type JpegFacts } from "./jpeg-header.ts";

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
// A JPEG's markers up to its scan are tried on this much first: a quarter of the read, and enough
// for photos whose EXIF (a phone's, with its thumbnail) is a few kilobytes; a longer one is read
// to HEAD_BYTES as before.
const JPEG_FIRST_BYTES = 16 * 1024;

/**
 * Read the width, height and format of an image file from its header: the first 16 KB of most
 * JPEGs, else the first 64 KB, or the whole file for formats whose header sharp cannot parse from
 * a part. Nothing is decoded, so a 770 KB camera photo costs one small read instead of a decode;
 * JPEGs (camera photos) are read by jpegHeader, without sharp, unless it cannot vouch for the file.
 */
export async function readImageHeader(file: string): Promise<ReadHeaderResult> {
  // Most JPEGs' markers end within the first read; the rest, and other formats, read as much as before.
  const first = readStart(file, JPEG_FIRST_BYTES);
  if (!first.ok) return first;
  const early = jpegHeader(first.head);
  if (typeof early === "object") return jpegResult(early);
  const start = first.whole ? first : readStart(file, HEAD_BYTES);
  if (!start.ok) return start;
  const { head, whole } = start;
  const jpeg = jpegHeader(head);
  if (jpeg === "incomplete" && !whole) return readWhole(file);
  if (typeof jpeg === "object") return jpegResult(jpeg);
  const fromHead = await headerOf(head);
  return fromHead.ok || whole ? fromHead : readWhole(file);
}

// The first `bytes` of a file, and whether that is all of it. Read at once rather than through
// libuv's threads: a small read of a file in the page cache costs microseconds, while each of a
// read's three round trips through the thread pool waits its turn behind the render worker
// (0.15 s more for 1,300 photos in a cold build).
function readStart(file: string, bytes: number): { ok: true; head: Buffer; whole: boolean } | { ok: false; problem: string } {
  try {
    const descriptor = openSync(file, "r");
    try {
      // Every byte used is read into it first, so it need not be zeroed.
      const buffer = Buffer.allocUnsafe(bytes);
      const bytesRead = readSync(descriptor, buffer, 0, bytes, 0);
      return { ok: true, head: buffer.subarray(0, bytesRead), whole: bytesRead < bytes };
    } finally {
      closeSync(descriptor);
    }
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
}

async function readWhole(file: string): Promise<ReadHeaderResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
  const jpeg = jpegHeader(bytes);
  return typeof jpeg === "object" ? jpegResult(jpeg) : headerOf(bytes);
}

function jpegResult({ width, height, location }: JpegFacts): ReadHeaderResult {
  const header: ImageHeader = { format: "jpeg", width, height, animated: false };
  if (location) header.location = true;
  return { ok: true, header };
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
  if (metadata.exif && exifFacts(metadata.exif).location) header.location = true;
  return { ok: true, header };
}

function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0] ?? message;
}
