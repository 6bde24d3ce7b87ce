/** A JPEG's upright size (its EXIF orientation applied) and whether its EXIF records where it was taken. */
export interface JpegFacts {
  width: number;
  height: number;
  location: boolean;
}

/**
 * What the start of a JPEG file says without a decoder: its size, `"incomplete"` when the
 * bytes end before the scan starts (the caller reads more), or undefined when they are not a
 * JPEG this reader can vouch for (not one at all, damaged, or a height given only after the
 * scan), which the caller hands to a full image library instead.
 *
 * The markers are walked as ITU T.81 lays them out (each segment after SOI carries its length)
 * up to the start of the scan, as libjpeg reads them: the frame header (SOF0–SOF15 but DHT, JPG
 * and DAC) holds the stored height and width, and the first EXIF segment (before the frame header
 * or after it) the orientation (rotations 5–8 swap the sides, as sharp's `autoOrient` does) and
 * whether the photo records a GPS position. Camera photos are measured this way in microseconds,
 * against a quarter of a millisecond through sharp.
 */
export function jpegHeader(bytes: Uint8Array): JpegFacts | "incomplete" | undefined {
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let exif: Uint8Array | undefined;
  let frame: { width: number; height: number } | undefined;
  let offset = 2;
  for (;;) {
    if (offset + 2 > bytes.length) return "incomplete";
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] as number;
    // Fill bytes before a marker, and the markers that carry no length (RSTn, TEM).
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    // The scan starts: every segment that describes the image has been read.
    if (marker === 0xda) return frame && measured(frame, exif);
    // The image ends, or another starts, before any scan: nothing to vouch for.
    if (marker === 0xd9 || marker === 0xd8) return undefined;
    if (offset + 4 > bytes.length) return "incomplete";
    const length = view.getUint16(offset + 2);
    if (length < 2) return undefined;
    const end = offset + 2 + length;
    if (isFrameHeader(marker) && frame === undefined) {
      if (offset + 9 > bytes.length) return "incomplete";
      frame = { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      // A height of 0 is given later, in a DNL segment after the first scan.
      if (frame.width === 0 || frame.height === 0) return undefined;
    }
    if (marker === 0xe1 && exif === undefined && startsWithExif(bytes, offset + 4)) {
      if (end > bytes.length) return "incomplete";
      exif = bytes.subarray(offset + 4, end);
    }
    offset = end;
  }
}

function measured(frame: { width: number; height: number }, exif: Uint8Array | undefined): JpegFacts {
  const facts = exif ? exifFacts(exif) : { orientation: 1, location: false };
  const turned = facts.orientation >= 5 && facts.orientation <= 8;
  return { width: turned ? frame.height : frame.width, height: turned ? frame.width : frame.height, location: facts.location };
}

// SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

const EXIF_SIGNATURE = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

function startsWithExif(bytes: Uint8Array, at: number): boolean {
  return EXIF_SIGNATURE.every((byte, index) => bytes[at + index] === byte);
}

// The EXIF tags of the first directory read here (TIFF/EXIF 2.3): Orientation, and GPSInfo, which points at the GPS directory.
const ORIENTATION_TAG = 0x0112;
const GPS_INFO_TAG = 0x8825;

/**
 * The orientation (1–8; 1 when absent or malformed) and whether there is a GPS directory, from
 * raw EXIF data as a JPEG's APP1 segment or sharp gives it: `Exif\0\0`, then a TIFF header and
 * its first directory, read in the byte order the header names. Anything malformed counts as
 * upright and no position.
 */
export function exifFacts(exif: Uint8Array): { orientation: number; location: boolean } {
  const facts = { orientation: 1, location: false };
  const tiff = startsWithExif(exif, 0) ? exif.subarray(6) : exif;
  if (tiff.length < 8) return facts;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] as number, tiff[1] as number);
  if (order !== "II" && order !== "MM") return facts;
  const little = order === "II";
  const directory = view.getUint32(4, little);
  if (directory + 2 > tiff.length) return facts;
  const entries = view.getUint16(directory, little);
  for (let index = 0; index < entries; index++) {
    const entry = directory + 2 + index * 12;
    if (entry + 12 > tiff.length) break;
    const tag = view.getUint16(entry, little);
    if (tag === GPS_INFO_TAG) facts.location = true;
    // A SHORT (type 3) with one value, held in the first two bytes of the value field.
    if (tag === ORIENTATION_TAG && view.getUint16(entry + 2, little) === 3) {
      const value = view.getUint16(entry + 8, little);
      if (value >= 1 && value <= 8) facts.orientation = value;
    }
  }
  return facts;
}
