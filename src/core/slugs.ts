import { createHash } from "node:crypto";
import slugify from "@sindresorhus/slugify";
import { memoize } from "./memoize.ts";

/** URL slugs: lowercase letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Symbols that carry meaning in tag names: without these, `C++` and `C` would share a page.
const REPLACEMENTS: [string, string][] = [
  ["+", " plus "],
  ["#", " sharp "],
  ["@", " at "],
  ["’", ""],
  ["'", ""],
];

// slugify rebuilds its replacement patterns and transliterates on every call (about 1 ms a call,
// measured on 1,000 generated articles); the same text always gives the same slug, so remember it.
const cachedSlug = memoize(makeSlug);

/** A URL slug for any text: lowercase ASCII words joined by hyphens (`C++` → `c-plus-plus`, `Économie` → `economie`). */
export function toSlug(text: string): string {
  // Most file names already are slugs, and slugify leaves a slug as it is.
  if (SLUG_PATTERN.test(text)) return text;
  // Most names of tags, people and sections are plain words, which slugify only lowercases and
  // joins with hyphens; its first call for each text costs about 2 ms (it builds a pattern from
  // hundreds of transliterations), a fifth of a second for a site's names on every build.
  const words = text.split(/[ -]+/).filter((word) => word !== "");
  if (words.length > 0 && words.every((word) => PLAIN_WORD.test(word))) return words.join("-").toLowerCase();
  return cachedSlug(text);
}

// A word slugify does not split: lowercase letters and digits, or a capital and then those, or
// capitals alone ("iPhone", "ABCdef" and "ABC1" are split, so they are left to slugify).
const PLAIN_WORD = /^(?:[a-z0-9]+|[A-Z][a-z0-9]*|[A-Z]+)$/;

function makeSlug(text: string): string {
  const slug = slugify(text, { customReplacements: REPLACEMENTS });
  // Scripts with no Latin transliteration (Chinese, Japanese…) still need a stable, unique slug.
  return slug !== "" || text.trim() === "" ? slug : `t-${createHash("sha256").update(text.normalize("NFKC")).digest("hex").slice(0, 10)}`;
}

/** The key two spellings of a name share when they are the same tag or person: case, width and spacing ignored. */
export const matchKey: (name: string) => string = memoize((name) =>
  name.normalize("NFKC").toLocaleLowerCase("und").replace(/\s+/g, " ").trim(),
);

/** The default slug for a file: its name without `.md` and without a leading `YYYY-MM-DD-` date. */
export function slugFromFileName(file: string): string {
  const base = file.split("/").pop() ?? file;
  return toSlug(base.replace(/\.md$/i, "").replace(/^\d{4}-\d{2}-\d{2}-/, ""));
}
