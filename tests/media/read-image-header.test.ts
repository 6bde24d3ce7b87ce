import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { readImageHeader } from "../../src/media/read-image-header.ts";

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

  it("reads a JPEG whose EXIF data runs past the first 16 KB, but not 64 KB, from its first 64 KB", async () => {
    const file = path.join(folder, "longer-exif.jpg");
    await sharp({ create: { width: 640, height: 480, channels: 3, background: "#777777" } })
      .jpeg()
      .withExif({ IFD0: { ImageDescription: "y".repeat(30_000) } })
      .toFile(file);
    const bytes = readFileSync(file);
    const frame = bytes.indexOf(Buffer.from([0xff, 0xc0]), 2);
    expect(frame).toBeGreaterThan(16 * 1024);
    expect(frame).toBeLessThan(60 * 1024);
    expect(await readImageHeader(file)).toEqual({ ok: true, header: { format: "jpeg", width: 640, height: 480, animated: false } });
  });

  it("reads a JPEG whose EXIF data runs past the first 64 KB from the whole file", async () => {
    const file = path.join(folder, "long-exif.jpg");
    // A 65 KB EXIF caption pushes the frame header past the first read.
    await sharp({ create: { width: 500, height: 300, channels: 3, background: "#777777" } })
      .jpeg()
      .withExif({ IFD0: { ImageDescription: "x".repeat(65_000) } })
      .withMetadata({ orientation: 8 })
      .toFile(file);
    const bytes = readFileSync(file);
    expect(bytes.indexOf(Buffer.from([0xff, 0xc0]), 2)).toBeGreaterThan(64 * 1024 - 4);
    expect(await readImageHeader(file)).toEqual({ ok: true, header: { format: "jpeg", width: 300, height: 500, animated: false } });
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
