import { inFolder } from "../core/folder-path.ts";

/** One language a site publishes in: its tag, the code its files and addresses use, its own name and where its pages live. */
export interface SiteLanguage {
  /** The BCP 47 tag as canonical form writes it (`en-GB`, `cy`, `pt-BR`): `lang`, `hreflang`, the catalogue. */
  tag: string;
  /** The tag in lowercase (`en-gb`, `cy`): the suffix of a translation's file (`flood.cy.md`) and the folder of its addresses. */
  code: string;
  /** The language's name in itself (`Cymraeg`, `English`), for the language switcher. */
  name: string;
  /** Where its pages live: `/` for the site's main language, `/<code>/` for each further one. */
  base: string;
  /** Whether it is the site's main language (the first of the list). */
  main: boolean;
}

/**
 * True when `tag` is a well-formed BCP 47 language tag (`en`, `en-GB`, `sr-Latn-RS`) as Intl reads
 * them, whose language is a two- or three-letter code: the grammar also admits five to eight letters,
 * which no language has, so `English` or `Welsh` is refused rather than read as a tag.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The tag an editor most likely meant by a value that is not one: `cy_GB` → `cy-GB` (a tag joins
 * its parts with hyphens), `Welsh` or `Cymraeg` → `cy` (a language's name in English or in itself,
 * for the two-letter codes); undefined when nothing fits.
 */
export function suggestLanguageTag(value: string): string | undefined {
  const hyphenated = value.trim().replace(/_/g, "-");
  if (isLanguageTag(hyphenated)) return canonicalTag(hyphenated);
  return languageNames().get(value.trim().toLocaleLowerCase("en"));
}

let tagsByName: Map<string, string> | undefined;

// Each two-letter language's name in English and in itself (lowercase) → its code; made once, when a mistake needs it.
function languageNames(): Map<string, string> {
  if (tagsByName !== undefined) return tagsByName;
  const names = (tagsByName = new Map<string, string>());
  const english = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  for (let first = 97; first <= 122; first++) {
    for (let second = 97; second <= 122; second++) {
      const code = String.fromCharCode(first, second);
      const name = english.of(code);
      if (name === undefined || name === code) continue;
      names.set(name.toLocaleLowerCase("en"), code);
      const own = ownName(code);
      if (own !== code && !names.has(own.toLocaleLowerCase(code))) names.set(own.toLocaleLowerCase(code), code);
    }
  }
  return names;
}

/** A well-formed tag in its canonical form (`en-gb` → `en-GB`); the tag as it is when it is not one. */
export function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** A language's name in itself (`cy` → `Cymraeg`, `fr-CA` → `français`), capitalised as a menu shows it; the tag when Intl knows no name. */
export function ownName(tag: string): string {
  try {
    const language = new Intl.Locale(tag).language;
    const name = new Intl.DisplayNames([tag], { type: "language", fallback: "none" }).of(language);
    if (name === undefined) return tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/**
 * The site's languages, main first: `language` (published at `/`) and each of `further` (published
 * at `/<code>/`), each with its code, name and base.
 */
export function siteLanguages(language: string, further: readonly { code: string; name?: string | undefined }[] = []): SiteLanguage[] {
  const main = canonicalTag(language);
  return [
    { tag: main, code: main.toLowerCase(), name: ownName(main), base: "/", main: true },
    ...further.map((entry): SiteLanguage => {
      const tag = canonicalTag(entry.code);
      const code = tag.toLowerCase();
      return { tag, code, name: entry.name ?? ownName(tag), base: `/${code}/`, main: false };
    }),
  ];
}

/** What a content file's name says of its language: `flood.cy.md` is in the language coded `cy`; the name without the code is its stem. */
export interface FileLanguage {
  /** The language the name gives, when its last dotted part before `.md` is a site language's code (or the main language's primary subtag). */
  language?: SiteLanguage;
  /** The file's path without the language code: `content/articles/2026/flood` for `…/flood.cy.md` and `…/flood.md`. */
  stem: string;
}

/**
 * The language a file's name gives, for a site of several languages: `flood.cy.md` (Decap CMS's
 * `multiple_files` layout) is in `cy`; `flood.md` names none; `flood.en.md` is in the main language
 * when it is `en` or `en-GB`. A site of one language reads no code from names (its `report.it.md` is
 * the article `report-it`, as it always was).
 */
export function fileLanguage(file: string, languages: readonly SiteLanguage[]): FileLanguage {
  const withoutExtension = file.replace(/\.md$/i, "");
  if (languages.length < 2) return { stem: withoutExtension };
  const match = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/.exec(withoutExtension);
  if (match === null) return { stem: withoutExtension };
  const suffix = (match[1] ?? "").toLowerCase();
  const language = languages.find((candidate) => candidate.code === suffix) ?? primaryMatch(suffix, languages);
  if (language === undefined) return { stem: withoutExtension };
  return { language, stem: withoutExtension.slice(0, -suffix.length - 1) };
}

// `en` names the main language `en-GB`, unless another of the site's languages is also English.
function primaryMatch(suffix: string, languages: readonly SiteLanguage[]): SiteLanguage | undefined {
  const same = languages.filter((language) => language.code.split("-")[0] === suffix);
  return same.length === 1 ? same[0] : undefined;
}

/** A site path inside a language's part of the site: `/tags/` → `/cy/tags/` for Welsh, unchanged for the main language. */
export function inLanguage(base: string, sitePath: string): string {
  return inFolder(base, sitePath);
}
