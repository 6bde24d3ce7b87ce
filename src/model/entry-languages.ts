import type { ArticleFrontMatter, PageFrontMatter } from "../content/schemas.ts";
import type { RawEntry } from "../content/load-files.ts";
import type { ValidEntry } from "../content/validate-entry.ts";
import { slugFromFileName } from "../core/slugs.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { canonicalTag, fileLanguage, isLanguageTag, suggestLanguageTag, type SiteLanguage } from "../i18n/site-languages.ts";

/** Front matter that may say its language and what it translates. */
type Translatable = { language?: string | undefined; translationKey?: string | undefined; slug?: string | undefined };

/**
 * Every article and page with its language and translation key said outright: `language` is the
 * tag of one of the site's languages (the field's, else the one the file name gives, as
 * `flood.cy.md` does, else the main one), `translationKey` is the field's or the file's path
 * without its language code (so `flood.md` and `flood.cy.md` share one), and `slug` the field's or
 * one made from the name without the code (`flood`). Everything later reads these three alone.
 * A language the site does not publish in is an error at its line.
 */
export function resolveEntryLanguages<Content extends { articles: readonly ValidEntry<ArticleFrontMatter>[]; pages: readonly ValidEntry<PageFrontMatter>[] }>(
  content: Content,
  languages: readonly SiteLanguage[],
): { content: Content; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolve = <FrontMatter extends Translatable>(entry: ValidEntry<FrontMatter>): ValidEntry<FrontMatter> => {
    const named = fileLanguage(entry.file, languages);
    const written = entry.frontMatter.language;
    let language = named.language ?? languages[0];
    if (written !== undefined) {
      const found = findLanguage(written, languages);
      if (found === undefined) diagnostics.push(unknownLanguage(entry, written, languages));
      else {
        if (named.language !== undefined && named.language !== found) diagnostics.push(contradiction(entry, found, named.language));
        language = found;
      }
    }
    if (language === undefined) return entry;
    const frontMatter: FrontMatter = {
      ...entry.frontMatter,
      language: language.tag,
      translationKey: entry.frontMatter.translationKey ?? named.stem,
      slug: entry.frontMatter.slug ?? slugFromFileName(`${named.stem}.md`),
    };
    return { ...entry, frontMatter };
  };
  return { content: { ...content, articles: content.articles.map(resolve), pages: content.pages.map(resolve) }, diagnostics };
}

/** The site language a `language` field names: its tag in any case, or its primary language when only one of the site's has it (`cy-GB` for `cy`). */
function findLanguage(written: string, languages: readonly SiteLanguage[]): SiteLanguage | undefined {
  if (!isLanguageTag(written)) return undefined;
  const code = canonicalTag(written).toLowerCase();
  const exact = languages.find((language) => language.code === code);
  if (exact !== undefined) return exact;
  const primary = code.split("-")[0];
  const same = languages.filter((language) => language.code.split("-")[0] === primary);
  return same.length === 1 ? same[0] : undefined;
}

function unknownLanguage(entry: ValidEntry<Translatable>, written: string, languages: readonly SiteLanguage[]): Diagnostic {
  const listed = languages.map((language) => language.tag).join(", ");
  const tag = isLanguageTag(written);
  const what = tag ? `is ${written}, which is not one of the site's languages (${listed})` : `is ${JSON.stringify(written)}, which is not a language tag`;
  // `Welsh`, `Cymraeg` or `cy_GB` for a site publishing in cy: the tag it meant.
  const suggested = tag ? undefined : suggestLanguageTag(written);
  const meant = suggested === undefined ? undefined : findLanguage(suggested, languages);
  return error("front-matter/language", entry.file, `\`language\` ${what}`, {
    line: entry.lines.get("language"),
    field: "language",
    fix:
      meant !== undefined
        ? `Write \`language: ${meant.tag}\`: a language is written as its tag (the site's are ${listed}).`
        : languages.length > 1
          ? `Write one of ${listed}, or add ${tag ? written : suggested === undefined ? "the language" : `${suggested} (the tag for ${JSON.stringify(written)})`} to \`languages\` in tidings.config.yml.`
          : `Write the site's language (${listed}) or remove the field; to publish in another language too, add it to \`languages\` in tidings.config.yml.`,
  });
}

function contradiction(entry: ValidEntry<Translatable>, written: SiteLanguage, named: SiteLanguage): Diagnostic {
  return warning("front-matter/language", entry.file, `\`language\` says ${written.tag}, but the file's name says ${named.tag}; the field wins`, {
    line: entry.lines.get("language"),
    field: "language",
    fix: `Rename the file (…${named.code === written.code ? "" : `.${written.code}`}.md) or remove the field, so the two agree.`,
  });
}

/**
 * True for an empty article or page file named as a further language's (`flood.cy.md`): what the
 * web editor saves for a language nobody translated (Decap CMS writes a file for every language;
 * templates/_assets/cms.js makes it empty). An empty file in the main language is still an error.
 */
export function isUntranslated(entry: Pick<RawEntry, "kind" | "file" | "source">, languages: readonly SiteLanguage[]): boolean {
  // A file left unread has front matter remembered, so it is not empty.
  return entry.kind !== "author" && entry.source !== undefined && entry.source.trim() === "" && fileLanguage(entry.file, languages).language?.main === false;
}
