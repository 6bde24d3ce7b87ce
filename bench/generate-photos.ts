import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { createRandom } from "./generate-site.ts";

/** The size of a generated photo; 2400 × 1600 is a camera photo as newsrooms publish it. */
export interface PhotoSize {
  width: number;
  height: number;
}

// Grain shared by every photo of one size: making it costs more than the rest of a photo.
const grains = new Map<string, Int8Array>();

function grainFor({ width, height }: PhotoSize): Int8Array {
  const key = `${width}x${height}`;
  let grain = grains.get(key);
  if (!grain) {
    const random = createRandom(width * 31 + height);
    grain = new Int8Array(width * height * 3);
    // The sum of three uniform draws is close to Gaussian: film-like grain, about ±20 levels.
    for (let index = 0; index < grain.length; index++) grain[index] = Math.floor((random() + random() + random() - 1.5) * 20);
    grains.set(key, grain);
  }
  return grain;
}

/**
 * Write a photo-like JPEG to `file`: soft colour fields (a small random grid enlarged) under
 * grain, so encoders work about as hard as on a camera photo (2400 × 1600 comes out near 750 KB,
 * like the newsroom's own). The same seed always gives the same bytes. A file already there is kept,
 * so a benchmark generates its photos once.
 */
export async function writePhoto(file: string, size: PhotoSize, seed: number): Promise<void> {
  if (existsSync(file)) return;
  const random = createRandom(seed);
  const grid = Buffer.alloc(24 * 16 * 3);
  for (let index = 0; index < grid.length; index++) grid[index] = Math.floor(random() * 256);
  const pixels = await sharp(grid, { raw: { width: 24, height: 16, channels: 3 } })
    .resize(size.width, size.height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const grain = grainFor(size);
  // Start the grain somewhere else in each photo, so no two share their high frequencies exactly.
  const offset = Math.floor(random() * grain.length);
  for (let index = 0; index < pixels.length; index++) {
    const value = (pixels[index] ?? 0) + (grain[(index + offset) % grain.length] ?? 0);
    pixels[index] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await sharp(pixels, { raw: { width: size.width, height: size.height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(temporary);
  renameSync(temporary, file);
}
