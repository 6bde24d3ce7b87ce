import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { memoize } from "../core/memoize.ts";
import { Messages, type Catalogue } from "./messages.ts";

/** The catalogues Tidings ships, one JSON file per language (`en.json`, `fr.json`, `pt-BR.json`): the same place from src/ and from the bundled dist/bundle/. */
export const CATALOGUE_DIR = path.resolve(import.meta.dirname, "..", "..", "src", "i18n", "catalogues");

/** The language every message exists in, and the one any other falls back to, message by message. */
export const FALLBACK_LANGUAGE = "en";

/** The languages Tidings ships a catalogue for, as their file names say (`en`, `fr`, `pt-BR`). */
export function shippedLanguages(): string[] {
  return readdirSync(CATALOGUE_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

/** A shipped catalogue by its language tag, or undefined when there is none. */
export const shippedCatalogue = memoize((language: string): Catalogue | undefined => {
  const file = path.join(CATALOGUE_DIR, `${language}.json`);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as Catalogue;
});

/** The English catalogue: every message Tidings has, by name. */
export function englishCatalogue(): Catalogue {
  const english = shippedCatalogue(FALLBACK_LANGUAGE);
  if (english === undefined) throw new Error(`The English message catalogue is missing from ${CATALOGUE_DIR}`);
  return english;
}

/** English messages, for code that renders without a site (tests, tools): the fallback every language has. */
export function englishMessages(): Messages {
  return (english ??= new Messages(FALLBACK_LANGUAGE, englishCatalogue()));
}
let english: Messages | undefined;

/** A site's words: every message in its language where one is known, and the names that fell back to English. */
export interface ResolvedCatalogue {
  patterns: Catalogue;
  /** Messages neither the newsroom's overrides nor a shipped catalogue of the language has: shown in English. */
  inEnglish: string[];
}

/**
 * Every message for `language`, each from the first that has it: the newsroom's own `overrides`,
 * the shipped catalogue of the exact tag (`pt-BR`), that of its language (`pt`), then English.
 */
export function resolveCatalogue(language: string, overrides: Catalogue = {}): ResolvedCatalogue {
  const english = englishCatalogue();
  const base = language.split("-")[0] ?? language;
  const tags = [...new Set([language, base])].filter((tag) => tag.toLowerCase() !== FALLBACK_LANGUAGE);
  const chain: Catalogue[] = [overrides];
  for (const tag of tags) {
    const shipped = shippedCatalogue(tag);
    if (shipped !== undefined) chain.push(shipped);
  }
  const englishSite = base.toLowerCase() === FALLBACK_LANGUAGE;
  const patterns: Record<string, string> = {};
  const inEnglish: string[] = [];
  for (const [name, pattern] of Object.entries(english)) {
    const own = chain.find((catalogue) => Object.hasOwn(catalogue, name))?.[name];
    patterns[name] = own ?? pattern;
    if (own === undefined && !englishSite) inEnglish.push(name);
  }
  return { patterns, inEnglish };
}
