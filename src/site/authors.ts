import { lineOf } from "../content/yaml-document.ts";
import type { AuthorFrontMatter } from "../content/schemas.ts";
import { matchKey } from "../core/slugs.ts";
import { compareText, error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { entrySlug } from "../model/content-addresses.ts";
import type { Author, Byline, BylineAuthor } from "../model/types.ts";
import { authorPath, feedPath } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";

/** Every author with a page (sorted by name), how bylines find them (by name or alias, in any case), and the problems: two files for one page, one name for two authors. */
export function buildAuthors(input: SiteInput): { authors: Author[]; byName: Map<string, Author>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const authors = authorPages(input, diagnostics);
  const byName = indexAuthorsByName(input.authors, authors, diagnostics);
  return { authors, byName, diagnostics };
}

/** A byline name as shown: the author file's name when it matches one (by name or alias, in any case), so "p. raman" and "P. Raman" are Priya Raman on her own page too. */
export function toByline(name: string, authorsByName: ReadonlyMap<string, Author>): Byline {
  const author = authorsByName.get(matchKey(name));
  if (!author) return { name };
  const ref: BylineAuthor = { slug: author.slug, url: author.url, sameAs: author.links.map((link) => link.url) };
  if (author.role !== undefined) ref.role = author.role;
  if (author.knowsAbout.length > 0) ref.knowsAbout = author.knowsAbout;
  return { name: author.name, author: ref };
}

function authorPages(input: SiteInput, diagnostics: Diagnostic[]): Author[] {
  const bySlug = new Map<string, Author>();
  // Each language has its own page for every author, listing their stories in it.
  const base = input.language?.base ?? "/";
  for (const entry of input.authors) {
    const fm = entry.frontMatter;
    const slug = entrySlug(entry);
    const existing = bySlug.get(slug);
    if (existing) {
      diagnostics.push(
        error("site/author-collision", entry.file, `this author would have the same page as ${existing.file} (/authors/${slug}/)`, {
          fix: "Give one of the two author files a different `slug` (or rename it).",
        }),
      );
      continue;
    }
    const author: Author = {
      kind: "author",
      file: entry.file,
      slug,
      url: inLanguage(base, authorPath(slug)),
      feed: feedPath(inLanguage(base, authorPath(slug))),
      name: fm.name,
      links: fm.links ?? [],
      bio: entry.html.parts().join(""),
      knowsAbout: fm.knowsAbout ?? [],
      articles: [],
    };
    if (fm.role !== undefined) author.role = fm.role;
    if (fm.email !== undefined) author.email = fm.email;
    bySlug.set(slug, author);
  }
  return [...bySlug.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

function indexAuthorsByName(
  entries: readonly RenderedEntry<AuthorFrontMatter>[],
  authors: readonly Author[],
  diagnostics: Diagnostic[],
): Map<string, Author> {
  const byFile = new Map(authors.map((author) => [author.file, author]));
  const byName = new Map<string, Author>();
  for (const entry of entries) {
    const author = byFile.get(entry.file);
    if (!author) continue;
    for (const name of [entry.frontMatter.name, ...(entry.frontMatter.aliases ?? [])]) {
      const key = matchKey(name);
      const other = byName.get(key);
      if (other && other !== author) {
        diagnostics.push(
          error(
            "site/author-name-clash",
            entry.file,
            `the name "${name}" is also used by ${other.file}, so bylines cannot tell them apart`,
            {
              line: lineOf(entry.lines, entry.frontMatter.name === name ? ["name"] : ["aliases"]),
              fix: "Give each author a distinct name or alias (e.g. add a middle initial).",
            },
          ),
        );
        continue;
      }
      byName.set(key, author);
    }
  }
  return byName;
}
