import { readFileSync } from "node:fs";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** A text file's contents, or the one problem that stopped it being read. */
export type TextFileResult = { ok: true; text: string } | { ok: false; diagnostics: [Diagnostic] };

/** Read an editor's file as UTF-8; one not in UTF-8 is an error naming the encoding it looks like (`file` is its project path, for the message). */
export function readTextFile(absolutePath: string, file: string): TextFileResult {
  return decodeText(readFileSync(absolutePath), file);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decode bytes as UTF-8 (a UTF-8 byte-order mark is kept, as every reader after this expects to
 * drop it). Node would silently turn every invalid byte into U+FFFD and publish the article with
 * question marks where the accents were, so a file saved as Windows-1252 (Latin-1) or UTF-16 is
 * refused with its encoding, the first bad byte's place and the command that converts it.
 */
export function decodeText(bytes: Uint8Array, file: string): TextFileResult {
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) {
    return refuse(file, `the file is saved as UTF-16 ${utf16}, not UTF-8`, 1, 1, `UTF-16${utf16}`);
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let at = bytes.indexOf(0x0a); at !== -1 && at < bad; at = bytes.indexOf(0x0a, at + 1)) line++;
    const column = [...new TextDecoder().decode(bytes.subarray(lineStart, bad))].length + 1;
    const byte = bytes[bad] ?? 0;
    const meant = windows1252(byte);
    return refuse(
      file,
      `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at line ${line}, column ${column} is not valid UTF-8; the file looks saved as Windows-1252 (Latin-1), where it reads “${meant}”`,
      line,
      column,
      "WINDOWS-1252",
    );
  }
}

// Windows-1252's characters for 0x80–0x9F (the rest is Latin-1, the same code points). Written
// out because Node's TextDecoder reads "windows-1252" as Latin-1, where these are control codes.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** The character a byte stands for in Windows-1252. */
function windows1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? "") : String.fromCharCode(byte);
}

function refuse(file: string, message: string, line: number, column: number, encoding: string): TextFileResult {
  return {
    ok: false,
    diagnostics: [
      error("content/encoding", file, message, {
        line,
        column,
        fix: `Save it as UTF-8 in your editor ("Save with encoding" or "Text encoding: UTF-8"), or convert it: iconv -f ${encoding} -t UTF-8 ${file} > fixed.txt, then replace the file with fixed.txt.`,
      }),
    ],
  };
}

/**
 * "LE" or "BE" when the bytes are UTF-16: a byte-order mark, or the NULs that every other byte
 * of English or European text is in UTF-16 (UTF-8 text never holds NULs).
 */
function utf16Order(bytes: Uint8Array): "LE" | "BE" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "BE";
  const sample = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  let evenNuls = 0;
  let oddNuls = 0;
  for (let at = 0; at < sample.length; at++) {
    if (sample[at] !== 0) continue;
    if (at % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return undefined;
  if (oddNuls >= pairs / 2 && evenNuls === 0) return "LE";
  if (evenNuls >= pairs / 2 && oddNuls === 0) return "BE";
  return undefined;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (the bytes are known to be invalid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    // The second byte's range excludes overlong forms and surrogates (RFC 3629, section 4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return at;
    }
    at += length;
  }
  return bytes.length;
}
