import { compareText } from "../diagnostics/diagnostic.ts";
import { matchKey, toSlug } from "../core/slugs.ts";
import type { Article, Tag } from "../model/types.ts";
import { feedPath, tagPath } from "../model/urls.ts";
import { inLanguage } from "../i18n/site-languages.ts";

/**
 * Every tag with a page, one per tag however it is spelt: named by its most used spelling, with
 * a slug no other tag has, and its listed articles. Sets each article's tag references to the
 * shared names and slugs. A language's tags live in its part of the site (`base`: `/cy/tags/…`).
 */
export function buildTags(listed: readonly Article[], all: readonly Article[], languageBase = "/"): Tag[] {
  // Group every spelling of each tag, case-insensitively, across all articles with pages.
  const spellings = new Map<string, Map<string, number>>();
  for (const article of all) {
    for (const tag of article.tags) {
      const key = matchKey(tag.name);
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const keys = [...spellings.keys()].sort(compareText);
  const byKey = new Map<string, Tag>();
  const usedSlugs = new Set<string>();
  for (const key of keys) {
    const counts = spellings.get(key) ?? new Map<string, number>();
    // The display name is the most used spelling; ties go to the first in code-point order.
    const name = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0] ?? key;
    const base = toSlug(name) || "tag";
    let slug = base;
    // Two different tags (`C++`, `C#`… or `Covid 19`, `Covid-19`) must never share a page.
    for (let suffix = 2; usedSlugs.has(slug); suffix++) slug = `${base}-${suffix}`;
    usedSlugs.add(slug);
    const url = inLanguage(languageBase, tagPath(slug));
    byKey.set(key, { name, slug, url, feed: feedPath(url), articles: [] });
  }
  for (const article of all) {
    article.tags = article.tags.map((ref) => {
      const tag = byKey.get(matchKey(ref.name));
      return tag ? { name: tag.name, slug: tag.slug, url: tag.url } : ref;
    });
  }
  for (const article of listed) {
    for (const ref of article.tags) byKey.get(matchKey(ref.name))?.articles.push(article);
  }
  // A tag whose articles have all expired keeps its page, so links from those articles still work.
  return [...byKey.values()].sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug));
}
