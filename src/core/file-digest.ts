import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * What a cache keeps beside each file it stores, to know the file later: the first 128 bits of
 * the SHA-256 of its bytes, in hex (enough to tell any change; the cache guards against damage,
 * not against someone forging a collision in a folder they can already write).
 */
export function digestOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/** The bytes of `file` when they still match `digest`; undefined when they do not, or it cannot be read. */
export function readIntact(file: string, digest: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return digestOf(bytes) === digest ? bytes : undefined;
}
