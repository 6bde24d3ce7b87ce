import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { exifFacts, jpegHeader } from "../../src/media/jpeg-header.ts";
import { headerOf } from "../../src/media/read-image-header.ts";

/** EXIF with one directory of `tags` (each with a SHORT value), in either byte order. */
function exif(order: "II" | "MM", tags: [tag: number, value: number][]): Buffer {
  const tiff = Buffer.alloc(8 + 2 + tags.length * 12 + 4);
  tiff.write(order, 0, "latin1");
  const little = order === "II";
  const u16 = (value: number, offset: number) => (little ? tiff.writeUInt16LE(value, offset) : tiff.writeUInt16BE(value, offset));
  const u32 = (value: number, offset: number) => (little ? tiff.writeUInt32LE(value, offset) : tiff.writeUInt32BE(value, offset));
  u16(42, 2);
  u32(8, 4);
  u16(tags.length, 8);
  tags.forEach(([tag, value], index) => {
    u16(tag, 10 + index * 12);
    u16(3, 12 + index * 12);
    u32(1, 14 + index * 12);
    u16(value, 18 + index * 12);
  });
  return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
}

describe("exifFacts", () => {
  it("finds the GPSInfo tag and the orientation in either byte order, and nothing in other tags or broken data", () => {
    expect(exifFacts(exif("MM", [[0x010f, 0], [0x8825, 0]]))).toEqual({ orientation: 1, location: true });
    expect(exifFacts(exif("II", [[0x8825, 0], [0x0112, 6]]))).toEqual({ orientation: 6, location: true });
    expect(exifFacts(exif("MM", [[0x0112, 8]]))).toEqual({ orientation: 8, location: false });
    expect(exifFacts(exif("II", [[0x010f, 0], [0x8769, 0]]))).toEqual({ orientation: 1, location: false });
    // An orientation out of range is no orientation.
    expect(exifFacts(exif("II", [[0x0112, 9]]))).toEqual({ orientation: 1, location: false });
    expect(exifFacts(Buffer.from("Exif\0\0XX", "latin1"))).toEqual({ orientation: 1, location: false });
    expect(exifFacts(exif("MM", [[0x8825, 0]]).subarray(0, 20))).toEqual({ orientation: 1, location: false });
  });
});

/** A JPEG as sharp writes one: a size, maybe EXIF (orientation, a GPS position, padding), maybe progressive or with an ICC profile. */
const jpegs = fc.record({
  width: fc.integer({ min: 1, max: 320 }),
  height: fc.integer({ min: 1, max: 320 }),
  orientation: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  gps: fc.boolean(),
  description: fc.option(fc.string({ minLength: 1, maxLength: 3000 }), { nil: undefined }),
  progressive: fc.boolean(),
  icc: fc.boolean(),
});

type JpegSpec = typeof jpegs extends fc.Arbitrary<infer T> ? T : never;

async function writeJpeg(spec: JpegSpec): Promise<Buffer> {
  let image = sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: "#6a7b8c" } }).jpeg({ progressive: spec.progressive });
  const ifd0: Record<string, string> = {};
  if (spec.description !== undefined) ifd0["ImageDescription"] = spec.description;
  if (spec.gps || Object.keys(ifd0).length > 0) {
    image = image.withExif({ IFD0: ifd0, ...(spec.gps ? { IFD3: { GPSLatitudeRef: "S", GPSLatitude: "33/1 52/1 0/1" } } : {}) });
  }
  // sharp writes the orientation it is given here, over any in the EXIF.
  if (spec.orientation !== undefined) image = image.withMetadata({ orientation: spec.orientation });
  if (spec.icc) image = image.withIccProfile("p3");
  return image.toBuffer();
}

describe("jpegHeader", () => {
  it("measures every JPEG as sharp does: its upright size and whether it records a position", async () => {
    await fc.assert(
      fc.asyncProperty(jpegs, async (spec) => {
        const bytes = await writeJpeg(spec);
        const bySharp = await headerOf(bytes);
        if (!bySharp.ok) throw new Error(bySharp.problem);
        const facts = jpegHeader(bytes);
        expect(facts).toEqual({ width: bySharp.header.width, height: bySharp.header.height, location: bySharp.header.location === true });
      }),
      { numRuns: 150 },
    );
  });

  it("says a cut-short JPEG is incomplete before its scan starts, and measures it from any cut after", async () => {
    const bytes = await writeJpeg({ width: 90, height: 40, orientation: 6, gps: true, description: "caption", progressive: false, icc: true });
    const scan = bytes.indexOf(Buffer.from([0xff, 0xda]), bytes.indexOf(Buffer.from([0xff, 0xc0]), 2));
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      const facts = jpegHeader(bytes.subarray(0, cut));
      if (cut < 2) expect(facts).toBeUndefined();
      else if (cut < scan + 2) expect(facts).toBe("incomplete");
      else expect(facts).toEqual({ width: 40, height: 90, location: true });
    }
  });

  it("reads an EXIF segment that comes after the frame header, as libjpeg does", async () => {
    const bytes = await writeJpeg({ width: 90, height: 40, orientation: 8, gps: true, description: undefined, progressive: false, icc: false });
    // Move the EXIF segment (APP1) to just after the frame header (SOF0).
    const app1 = bytes.indexOf(Buffer.from([0xff, 0xe1]), 2);
    const exifSegment = bytes.subarray(app1, app1 + 2 + bytes.readUInt16BE(app1 + 2));
    const withoutExif = Buffer.concat([bytes.subarray(0, app1), bytes.subarray(app1 + exifSegment.length)]);
    const frame = withoutExif.indexOf(Buffer.from([0xff, 0xc0]), 2);
    const frameEnd = frame + 2 + withoutExif.readUInt16BE(frame + 2);
    const moved = Buffer.concat([withoutExif.subarray(0, frameEnd), exifSegment, withoutExif.subarray(frameEnd)]);
    const bySharp = await headerOf(moved);
    expect(bySharp).toMatchObject({ ok: true, header: { width: 40, height: 90, location: true } });
    expect(jpegHeader(moved)).toEqual({ width: 40, height: 90, location: true });
  });

  it("leaves what is not a JPEG it can vouch for to sharp, and never throws on damaged bytes", () => {
    expect(jpegHeader(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"))).toBeUndefined();
    // A scan before any frame header, and a segment length below its own two bytes.
    expect(jpegHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 2, 3, 4, 5, 6]))).toBeUndefined();
    expect(jpegHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0, 0, 0]))).toBeUndefined();
    // A height given after the first scan (DNL).
    expect(jpegHeader(Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 0, 0, 40, 1, 1, 0x11, 0]))).toBeUndefined();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const facts = jpegHeader(Buffer.concat([Buffer.from([0xff, 0xd8]), tail]));
        expect(facts === undefined || facts === "incomplete" || (facts.width > 0 && facts.height > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
