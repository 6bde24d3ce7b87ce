import { calendarParts } from "../content/dates.ts";
import type { ArticleFrontMatter, AuthorFrontMatter, PageFrontMatter } from "../content/schemas.ts";
import type { ValidEntry } from "../content/validate-entry.ts";
import { slugFromFileName } from "../core/slugs.ts";
import { inLanguage, type SiteLanguage } from "../i18n/site-languages.ts";
import type { SitePath } from "./types.ts";
import { articlePath, authorPath, pagePath } from "./urls.ts";

/** Validated content of every kind, the input of `contentAddresses`. */
export interface AddressableContent {
  articles: readonly ValidEntry<ArticleFrontMatter>[];
  authors: readonly ValidEntry<AuthorFrontMatter>[];
  pages: readonly ValidEntry<PageFrontMatter>[];
}

/** The slug of an article, page or author: its `slug` field, else one made from its file name. */
export function entrySlug(entry: { file: string; frontMatter: { slug?: string | undefined } }): string {
  return entry.frontMatter.slug ?? slugFromFileName(entry.file);
}

/** The address of an article, `/YYYY/MM/DD/slug/`, from its date in the site's time zone (validation reads dates in that zone). */
export function articleAddress(entry: ValidEntry<ArticleFrontMatter>): SitePath {
  return articlePath(calendarParts(entry.frontMatter.date), entrySlug(entry));
}

/**
 * Where every content file is published, by project path (`content/articles/2025/x.md` →
 * `/2025/10/21/x/`, its Welsh translation `x.cy.md` → `/cy/2025/10/21/x/`), from front matter alone, so links between files can be resolved before
 * anything is rendered. Drafts and scheduled articles are included: whether a link to them may be
 * published is the link check's business.
 */
export function contentAddresses(content: AddressableContent, languages: readonly SiteLanguage[]): Map<string, SitePath> {
  const addresses = new Map<string, SitePath>();
  // An article or page in a further language lives in that language's part of the site (resolveEntryLanguages says which).
  const base = (entry: { frontMatter: { language?: string | undefined } }) => languages.find((language) => language.tag === entry.frontMatter.language)?.base ?? "/";
  for (const entry of content.articles) addresses.set(entry.file, inLanguage(base(entry), articleAddress(entry)));
  for (const entry of content.pages) addresses.set(entry.file, inLanguage(base(entry), pagePath(entrySlug(entry))));
  for (const entry of content.authors) addresses.set(entry.file, authorPath(entrySlug(entry)));
  return addresses;
}
