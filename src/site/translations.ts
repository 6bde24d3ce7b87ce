import type { ArticleFrontMatter, PageFrontMatter } from "../content/schemas.ts";
import type { ValidEntry } from "../content/validate-entry.ts";
import { compareText, error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { fileLanguage, type SiteLanguage } from "../i18n/site-languages.ts";
import type { PageTranslation, SitePath } from "../model/types.ts";

type TranslatableEntry = ValidEntry<ArticleFrontMatter> | ValidEntry<PageFrontMatter>;

/**
 * What is wrong with the translations of a site of several languages: two files of one language
 * sharing a translation key (an error: readers could not be sent to one of them), and a file
 * named or marked as a translation whose original, the main language's version, is missing or a
 * draft (a warning: it still publishes, linked to the versions there are).
 */
export function checkTranslations(entries: readonly TranslatableEntry[], languages: readonly SiteLanguage[], kind: "article" | "page"): Diagnostic[] {
  const main = languages[0];
  if (main === undefined || languages.length < 2) return [];
  const diagnostics: Diagnostic[] = [];
  for (const group of groupByKey(entries).values()) {
    const byLanguage = new Map<string, TranslatableEntry>();
    for (const entry of [...group].sort((a, b) => compareText(a.file, b.file))) {
      const language = entry.frontMatter.language ?? main.tag;
      const first = byLanguage.get(language);
      if (first === undefined) {
        byLanguage.set(language, entry);
        continue;
      }
      diagnostics.push(
        error("site/translation-twice", entry.file, `this ${kind} and ${first.file} are both in ${language} with the translation key "${entry.frontMatter.translationKey}"`, {
          line: entry.lines.get("translationKey") ?? entry.lines.get("language"),
          field: entry.lines.has("translationKey") ? "translationKey" : "language",
          fix: `Give each translation its own language (a file named like \`…${dotCode(languages, language)}.md\`), or give this ${kind} a \`translationKey\` of its own if it translates another.`,
        }),
      );
    }
    const original = byLanguage.get(main.tag);
    for (const entry of group) {
      if ((entry.frontMatter.language ?? main.tag) === main.tag || !isMarkedTranslation(entry, languages)) continue;
      if (original === undefined) {
        diagnostics.push(
          warning("site/translation-original", entry.file, `this translation has no original in ${main.tag} (${main.name}): no ${kind} in ${main.tag} has the translation key "${entry.frontMatter.translationKey}"`, {
            line: entry.lines.get("translationKey"),
            field: entry.lines.has("translationKey") ? "translationKey" : undefined,
            fix: `It is published all the same. Add the original beside it (${fileLanguage(entry.file, languages).stem}.md), or correct \`translationKey\` to the original's.`,
          }),
        );
      } else if (original.frontMatter.draft === true) {
        diagnostics.push(
          warning("site/translation-original", entry.file, `this translation's original, ${original.file}, is a draft`, {
            fix: "It is published all the same, without a link to the original until the original is published. Publish the original, or make this a draft too.",
          }),
        );
      }
    }
  }
  return diagnostics;
}

/**
 * Link each page to its versions in the other languages: pages sharing a key (an article's or a
 * standalone page's translation key) are translations of each other. Each page that has one gets
 * the list of every version, in the order of the site's languages, its own marked `current`.
 */
export function linkTranslations<Item extends { url: SitePath; translations?: PageTranslation[] }>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  languageOf: (item: Item) => string,
  languages: readonly SiteLanguage[],
): void {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const order = new Map(languages.map((language, index) => [language.tag, index]));
  const names = new Map(languages.map((language) => [language.tag, language.name]));
  for (const group of groups.values()) {
    const versions = [...new Map(group.map((item) => [languageOf(item), item])).values()].sort(
      (a, b) => (order.get(languageOf(a)) ?? 0) - (order.get(languageOf(b)) ?? 0),
    );
    if (versions.length < 2) continue;
    for (const item of versions) {
      item.translations = versions.map((version) => {
        const language = languageOf(version);
        const translation: PageTranslation = { language, name: names.get(language) ?? language, url: version.url };
        if (version === item) translation.current = true;
        return translation;
      });
    }
  }
}

function groupByKey(entries: readonly TranslatableEntry[]): Map<string, TranslatableEntry[]> {
  const groups = new Map<string, TranslatableEntry[]>();
  for (const entry of entries) {
    const key = entry.frontMatter.translationKey ?? entry.file;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

// A file says it translates another when its name carries a further language's code (flood.cy.md) or it names a translation key.
function isMarkedTranslation(entry: TranslatableEntry, languages: readonly SiteLanguage[]): boolean {
  return entry.lines.has("translationKey") || fileLanguage(entry.file, languages).language?.main === false;
}

function dotCode(languages: readonly SiteLanguage[], tag: string): string {
  const language = languages.find((candidate) => candidate.tag === tag);
  return language === undefined || language.main ? "" : `.${language.code}`;
}
