import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The starter pages and settings' words, one folder per language (`en/`, `fr/`): the same place from src/ and from the bundled dist/bundle/. */
export const STARTERS_DIR = path.resolve(import.meta.dirname, "..", "..", "src", "setup", "starters");

/** The language every starter exists in, used where a newsroom's has none. */
const FALLBACK = "en";

/** The pages setup writes, by their file name in content/pages/ (and `welcome`, the first article). */
export const STARTER_PAGES = ["about", "donate", "corrections-policy"] as const;

/** The words of one language for a new newsroom: menu labels, the ask's copy, page titles, and the bodies of the starter files. */
export interface StarterWords {
  /** The folder they came from (`fr` for a `fr-CA` newsroom; `en` where there is none of its language). */
  language: string;
  navigation: { topics: string; search: string; about: string; donate: string };
  /** The section a newsroom starts with unless it names its own. */
  section: string;
  /** The first author's name when nobody is named. */
  author: string;
  types: Record<string, string>;
  donation: { heading: string; text: string; short: string; button: string };
  newsletter: { heading: string; text: string };
  pages: Record<"welcome" | (typeof STARTER_PAGES)[number], { title: string; summary: string }>;
  /** How to write the sections' answer. */
  sectionsHint: string;
  /** The Markdown bodies: `welcome`, `about`, `donate`, `corrections-policy`, `author`, with `{name}`-style slots. */
  bodies: Record<string, string>;
}

/** The starter words for a language tag (`fr-CA` → `fr`), or English when Tidings has none in that language. */
export function starterWords(language: string): StarterWords {
  const base = (language.split("-")[0] ?? language).toLowerCase();
  // Only a language tag names a folder: an answer is never a path.
  const folder =
    [language, base].find(
      (tag) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) && existsSync(path.join(STARTERS_DIR, tag, "words.json")),
    ) ?? FALLBACK;
  const dir = path.join(STARTERS_DIR, folder);
  const words = JSON.parse(readFileSync(path.join(dir, "words.json"), "utf8")) as Omit<StarterWords, "language" | "bodies">;
  const bodies: Record<string, string> = {};
  for (const name of ["welcome", ...STARTER_PAGES, "author"]) bodies[name] = readFileSync(path.join(dir, `${name}.md`), "utf8");
  return { ...words, language: folder, bodies };
}

/** Put values into a starter's `{slot}`s; a slot with no value is left as it is. */
export function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (slot, name: string) => values[name] ?? slot);
}
