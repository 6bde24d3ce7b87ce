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
    for (const entry of [...group].sort(claimOrder)) {
      const language = entry.frontMatter.language ?? main.tag;
      const first = byLanguage.get(language);
      if (first === undefined) {
        byLanguage.set(language, entry);
        continue;
      }
      const key = entry.frontMatter.translationKey ?? entry.file;
      const field = entry.lines.has("translationKey") ? "translationKey" : entry.lines.has("language") ? "language" : undefined;
      diagnostics.push(
        error("site/translation-twice", entry.file, `this ${kind} and ${first.file} are both the ${language} version of "${key}": a language has one version of each ${kind}`, {
          line: field === undefined ? undefined : entry.lines.get(field),
          field,
          fix: entry.lines.has("translationKey")
            ? `Change \`translationKey\` to the key of the ${kind} this one translates, or remove it if this ${kind} is ${kind === "article" ? "a story" : "a page"} of its own.`
            : `Keep one ${language} version: remove one of the two files${field === "language" ? ", or correct \`language\`" : ""}.`,
        }),
      );
    }
    const original = byLanguage.get(main.tag);
    for (const entry of group) {
      if ((entry.frontMatter.language ?? main.tag) === main.tag || !isMarkedTranslation(entry, languages)) continue;
      // Where the editor said it is a translation: its `translationKey`, else (no line) its file name.
      const named = fileLanguage(entry.file, languages);
      const place = { line: entry.lines.get("translationKey"), field: entry.lines.has("translationKey") ? "translationKey" : undefined };
      if (original === undefined) {
        diagnostics.push(
          entry.lines.has("translationKey")
            ? warning("site/translation-original", entry.file, `this translation has no original in ${main.tag} (${main.name}): no ${kind} in ${main.tag} has \`translationKey: ${entry.frontMatter.translationKey}\``, {
                ...place,
                fix: `It is published all the same. Correct \`translationKey\` to the key of the ${kind} it translates, or give the original \`translationKey: ${entry.frontMatter.translationKey}\`.`,
              })
            : warning("site/translation-original", entry.file, `this translation (its name ends .${named.language?.code ?? ""}.md) has no original in ${main.tag} (${main.name}): there is no ${named.stem}.md`, {
                fix: `It is published all the same. Add the original as ${named.stem}.md, or give this ${kind} the \`translationKey\` of its original.`,
              }),
        );
      } else if (original.frontMatter.draft === true) {
        diagnostics.push(
          warning("site/translation-original", entry.file, `this translation's original, ${original.file}, is a draft`, {
            ...place,
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

// Which of two versions in one language keeps the key and which is reported: a published file
// before a draft (a production build demotes a draft's problems, so a draft never stops the
// published one), then a file that is a version by its name alone before one that says so with
// `language`, and that before one with `translationKey` (the report points at that line), then by path.
function claimOrder(a: TranslatableEntry, b: TranslatableEntry): number {
  const rank = (entry: TranslatableEntry) =>
    (entry.frontMatter.draft === true ? 4 : 0) + (entry.lines.has("translationKey") ? 2 : entry.lines.has("language") ? 1 : 0);
  return rank(a) - rank(b) || compareText(a.file, b.file);
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
