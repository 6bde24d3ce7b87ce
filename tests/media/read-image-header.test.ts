import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { hasGpsPosition, readImageHeader } from "../../src/media/read-image-header.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-header-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A photo-like file (noise, so it is large), written in `format`. */
async function noisePhoto(
  name: string,
  width: number,
  height: number,
  format: "jpeg" | "png" | "webp" | "gif",
  orientation?: number,
): Promise<string> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 2654435761) >>> 24;
  let image = sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format);
  if (orientation !== undefined) image = image.withMetadata({ orientation });
  const file = path.join(folder, name);
  await image.toFile(file);
  return file;
}

describe("readImageHeader", () => {
  it("reads a JPEG's size and format from the start of a file much larger than that", async () => {
    const file = await noisePhoto("large.jpg", 1600, 1000, "jpeg");
    expect(statSync(file).size).toBeGreaterThan(256 * 1024);
    // Cut the file after its header: a reader that decoded the picture would fail on what remains.
    writeFileSync(file, readFileSync(file).subarray(0, 64 * 1024));
    expect(await readImageHeader(file)).toEqual({ ok: true, header: { format: "jpeg", width: 1600, height: 1000, animated: false } });
  });

  it("gives the upright size of a photo the camera stored on its side", async () => {
    const file = await noisePhoto("rotated.jpg", 600, 400, "jpeg", 6);
    expect(await readImageHeader(file)).toMatchObject({ ok: true, header: { width: 400, height: 600 } });
  });

  it("reads formats whose header sharp cannot parse from a part (WebP, GIF) from the whole file", async () => {
    expect(await readImageHeader(await noisePhoto("photo.webp", 900, 700, "webp"))).toEqual({
      ok: true,
      header: { format: "webp", width: 900, height: 700, animated: false },
    });
    expect(await readImageHeader(await noisePhoto("photo.gif", 300, 200, "gif"))).toMatchObject({
      ok: true,
      header: { format: "gif", width: 300 },
    });
  });

  it("names the problem with a file that is not a picture, or not there", async () => {
    const notes = path.join(folder, "notes.jpg");
    writeFileSync(notes, "these are my notes, not a photo".repeat(5000));
    const result = await readImageHeader(notes);
    expect(!result.ok && result.problem).toMatch(/unsupported image format/i);
    expect((await readImageHeader(path.join(folder, "gone.jpg"))).ok).toBe(false);
  });

  it("says when the photo records where it was taken", async () => {
    const file = path.join(folder, "gps.jpg");
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#888888" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "Staff" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .toFile(file);
    expect(await readImageHeader(file)).toMatchObject({ ok: true, header: { location: true } });
    const plain = path.join(folder, "no-gps.jpg");
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#888888" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "Staff" } })
      .toFile(plain);
    const header = await readImageHeader(plain);
    expect(header.ok && header.header.location).toBeUndefined();
  });
});

describe("hasGpsPosition", () => {
  /** EXIF with one directory of `tags`, in either byte order. */
  function exif(order: "II" | "MM", tags: number[]): Buffer {
    const tiff = Buffer.alloc(8 + 2 + tags.length * 12 + 4);
    tiff.write(order, 0, "latin1");
    const little = order === "II";
    const u16 = (value: number, offset: number) => (little ? tiff.writeUInt16LE(value, offset) : tiff.writeUInt16BE(value, offset));
    const u32 = (value: number, offset: number) => (little ? tiff.writeUInt32LE(value, offset) : tiff.writeUInt32BE(value, offset));
    u16(42, 2);
    u32(8, 4);
    u16(tags.length, 8);
    tags.forEach((tag, index) => u16(tag, 10 + index * 12));
    return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  }

  it("finds the GPSInfo tag in either byte order, and nothing in other tags or broken data", () => {
    expect(hasGpsPosition(exif("MM", [0x010f, 0x8825]))).toBe(true);
    expect(hasGpsPosition(exif("II", [0x8825]))).toBe(true);
    expect(hasGpsPosition(exif("II", [0x010f, 0x8769]))).toBe(false);
    expect(hasGpsPosition(Buffer.from("Exif\0\0XX", "latin1"))).toBe(false);
    expect(hasGpsPosition(exif("MM", [0x8825]).subarray(0, 20))).toBe(false);
  });
});
