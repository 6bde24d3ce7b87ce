import type { ArticleFrontMatter } from "../content/schemas.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { resolveFront, type Front, type FrontContext, type ParsedFront } from "../fronts/fronts.ts";
import type { Article, Author, AuthorListPage, ListPage, Section, SectionListPage, Tag, TagListPage } from "../model/types.ts";
import { paginate } from "./pagination.ts";
import { inLanguage } from "../i18n/site-languages.ts";
import type { RenderedEntry, SiteInput } from "./site-input.ts";

/** Where the newest-first list lives when the home page is a curated front. */
export const LATEST_PATH = "/latest/";

/** What the lists are made of: the model's articles, tags, sections and authors, and the files not published in this build. */
export interface ListInput {
  input: SiteInput;
  articles: readonly Article[];
  listed: readonly Article[];
  unpublished: readonly RenderedEntry<ArticleFrontMatter>[];
  tags: readonly Tag[];
  sections: readonly Section[];
  authors: readonly Author[];
}

/** Every list page of the site, and the curated fronts with the problems of their pins and rules. */
export interface BuiltLists {
  homePages: ListPage[];
  fronts: Front[];
  sectionPages: SectionListPage[];
  tagPages: TagListPage[];
  authorPages: AuthorListPage[];
  diagnostics: Diagnostic[];
}

/**
 * The home page's list, each section's, each tag's and each author's, all with the same stable
 * pagination, and the fronts: a curated page (the home page, a section) moves its chronological
 * list to `latest/` beneath it.
 */
export function buildLists({ input, articles, listed, unpublished, tags, sections, authors }: ListInput): BuiltLists {
  const { config } = input;
  const perPage = config.articlesPerPage;
  const diagnostics: Diagnostic[] = [];
  const frontContext: FrontContext = {
    articles,
    listed,
    unpublished: new Map(
      unpublished.map((entry) => [entry.file, entry.frontMatter.draft === true ? "a draft" : "scheduled for later"] as const),
    ),
    tags: new Set(tags.map((tag) => tag.name.toLowerCase())),
    types: new Set(Object.keys(config.types)),
    sections: new Set(sections.map((section) => section.slug)),
    siteUrl: config.url,
  };
  const fronts: Front[] = [];
  const addFront = (parsed: ParsedFront, url: string, section?: Section) => {
    const resolved = resolveFront(parsed, url, frontContext);
    if (section !== undefined) {
      resolved.front.section = { name: section.name, url: section.url, feed: section.feed };
      if (section.description !== undefined) resolved.front.section.description = section.description;
    }
    fronts.push(resolved.front);
    diagnostics.push(...resolved.diagnostics);
  };
  const home = input.language?.base ?? "/";
  const homePages = paginate(listed, perPage, input.homeFront === undefined ? home : inLanguage(home, LATEST_PATH));
  if (input.homeFront !== undefined) addFront(input.homeFront, home);
  const sectionPages: SectionListPage[] = [];
  for (const section of sections) {
    const parsed = input.sectionFronts?.get(section.slug);
    if (parsed !== undefined) addFront(parsed, section.url, section);
    const base = parsed === undefined ? section.url : `${section.url}latest/`;
    for (const page of paginate(section.articles, perPage, base)) sectionPages.push({ ...page, section });
  }
  const tagPages: TagListPage[] = tags.flatMap((tag) => paginate(tag.articles, perPage, tag.url).map((page) => ({ ...page, tag })));
  const authorPages: AuthorListPage[] = authors.flatMap((author) =>
    paginate(author.articles, perPage, author.url).map((page) => ({ ...page, author })),
  );
  return { homePages, fronts, sectionPages, tagPages, authorPages, diagnostics };
}
