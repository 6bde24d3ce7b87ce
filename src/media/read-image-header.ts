import { open, readFile } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";

/** What an image file's header says: enough to lay the picture out without decoding a pixel. */
export interface ImageHeader {
  /** The format as sharp names it: jpeg, png, webp, heif (AVIF), gif, svg, tiff… */
  format: string;
  /** Size as it shows, its EXIF orientation applied. */
  width: number;
  height: number;
  /** More than one frame: a moving GIF or WebP, which resizing would freeze. */
  animated: boolean;
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
    metadata = await sharp(bytes).metadata();
  } catch (cause) {
    return { ok: false, problem: firstLine(cause) };
  }
  if (!metadata.width || !metadata.height) return { ok: false, problem: "its width and height cannot be read" };
  const { width, height } = metadata.autoOrient;
  return { ok: true, header: { format: metadata.format, width, height, animated: (metadata.pages ?? 1) > 1 } };
}

function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0] ?? message;
}
