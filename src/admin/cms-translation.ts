import type { SiteConfig } from "../config/config.ts";
import { configLanguages } from "../config/language-config.ts";
import type { CmsField, CmsI18n, TranslationTable } from "./cms-types.ts";

/**
 * A locale as Decap's config schema accepts it (decap-cms-core, `localeType`): 2 to 10 letters,
 * hyphens and underscores. A tag with digits (`es-419`) or a longer one (`ca-ES-valencia`) is
 * refused, and with it the whole config: the editor would not open.
 */
const DECAP_LOCALE = /^[A-Za-z_-]{2,10}$/;

/**
 * Decap's top-level `i18n` for a site of several languages: one file per language, named with the
 * language's code as `fileLanguage` reads it (`flood.cy.md`; the main language's `flood.en-gb.md`),
 * the main language first and the default. Undefined for a site of one language, and for one whose
 * codes Decap refuses: its editor then edits each translation as an entry of its own, as before.
 */
export function cmsI18n(config: SiteConfig): CmsI18n | undefined {
  const codes = configLanguages(config).map((language) => language.code);
  const [main] = codes;
  if (main === undefined || codes.length < 2 || !codes.every((code) => DECAP_LOCALE.test(code))) return undefined;
  return { structure: "multiple_files", locales: codes, default_locale: main };
}

// Decap copies a `duplicate` part of a group (the lead image) into a translation only when the
// original's group changes, and a part of a list item never: in a translation added later such a
// part would be empty and locked (its picture could not be chosen). So every part of a list or of
// the lead image is the translation's own; "Fill in from another locale" copies them to start from.
const OWN_PARTS = true;

/**
 * `language` and `translationKey`, hidden: every file the side-by-side editor writes is named
 * `<slug>.<code>.md`, which says both its language and what it translates, so a value typed in
 * could only contradict the name; a value already in a file is kept. The original's `language` is
 * not copied (it would contradict `flood.cy.md`); its `translationKey`, if it has one, is, so the
 * translation stays paired with it.
 */
const SAID_BY_FILE_NAME = { language: { hidden: false }, translationKey: { hidden: "duplicate" } } as const;

/**
 * How each article field behaves in a translation. The translation's own (true): the words readers
 * read (headline, standfirst, story, topics, sources, the picture's description and caption),
 * the dateline and how it was reported, and what a language may do on its own: its address (`slug`), its `updated` time and
 * corrections, and `draft`, so a translation can wait while the original is published. The same in
 * every language (`duplicate`): when it was published, what kind of story it is, where it is
 * filed, its series and its live coverage. Hidden: what the file's name says (see translatedFields).
 */
export const ARTICLE_TRANSLATION: TranslationTable = {
  title: true,
  date: "duplicate",
  // Decap refuses `duplicate` on a list (its list widget's schema takes only true or false), so a
  // translation has its own byline: "Fill in from another locale" copies it, and the translator may be added.
  byline: true,
  sources: true,
  "sources.name": OWN_PARTS,
  "sources.url": OWN_PARTS,
  "sources.note": OWN_PARTS,
  tags: true,
  summary: true,
  updated: true,
  type: "duplicate",
  image: true,
  "image.src": OWN_PARTS,
  "image.alt": true,
  "image.caption": true,
  "image.credit": OWN_PARTS,
  corrections: true,
  "corrections.date": OWN_PARTS,
  "corrections.text": OWN_PARTS,
  draft: true,
  donate: "duplicate",
  slug: true,
  expires: "duplicate",
  section: "duplicate",
  live: "duplicate",
  ended: "duplicate",
  series: "duplicate",
  part: "duplicate",
  // A place may have its own name in another language (London, Llundain); the note on the reporting is words readers read.
  dateline: true,
  methods: true,
  ...SAID_BY_FILE_NAME,
  body: true,
};

/** How each page field behaves in a translation: as the article's of the same name. */
export const PAGE_TRANSLATION: TranslationTable = {
  title: true,
  summary: true,
  slug: true,
  draft: true,
  donate: "duplicate",
  ...SAID_BY_FILE_NAME,
  body: true,
};

/**
 * The fields of a translated collection, each with its Decap `i18n` from `table` by field path (a
 * list's single item field takes the list's; a list or a group is true or false, all Decap takes),
 * the hidden ones reduced to their name. A field the table does not cover throws, as a field
 * missing from the widget table does.
 */
export function translatedFields(fields: readonly CmsField[], table: TranslationTable, kind: string, prefix = ""): CmsField[] {
  return fields.map((field) => {
    const key = prefix === "" ? field.name : `${prefix}.${field.name}`;
    const translation = table[key];
    if (translation === undefined)
      throw new Error(
        `the ${kind} field \`${key}\` does not say how it is translated: add it to the ${kind} table in src/admin/cms-translation.ts`,
      );
    if (typeof translation === "object")
      return { name: field.name, label: field.label, widget: "hidden", required: false, i18n: translation.hidden };
    if (translation === "duplicate" && (field.widget === "list" || field.widget === "object"))
      throw new Error(
        `the ${kind} field \`${key}\` is a ${field.widget}, which Decap translates or not but cannot copy: give it true or false`,
      );
    const translated: CmsField = { ...field, i18n: translation };
    if (field.fields) translated.fields = translatedFields(field.fields, table, kind, key);
    if (field.field) translated.field = { ...field.field, i18n: translation };
    return translated;
  });
}
