/**
 * A copy of `text` that shares no memory with it, character for character (lone surrogates too).
 * V8 makes a substring of 13 characters or more a view into the string it was cut from, and that
 * view keeps the whole string alive: every value parsed out of a file's front matter kept the
 * file's whole text, body included, for as long as the build held the value (the model holds the
 * titles and names to the end). Parsing a copy of the front matter alone keeps only that.
 */
export function detachedCopy(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
