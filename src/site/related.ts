import { matchKey } from "../core/slugs.ts";
import type { Article } from "../model/types.ts";

/** How related articles are chosen. */
export interface RelatedOptions {
  /** How many related articles each article gets. */
  count: number;
  /**
   * How many neighbours in time, on each side, are looked at in each tag's or source's list.
   * This bounds the work per article whatever the size of the site or of a tag.
   */
  window: number;
  /** Most tags and sources of one article that are looked up (the rest are ignored). */
  maxKeys: number;
}

/** The defaults: three related articles, from the 25 nearest in time on each side of each shared tag or source. */
export const RELATED_DEFAULTS: RelatedOptions = { count: 3, window: 25, maxKeys: 24 };

// A shared source (the same report, the same minutes) says more about a story than a shared topic.
const TAG_WEIGHT = 1;
const SOURCE_WEIGHT = 2;

/**
 * Find related articles for each of `articles` among `candidates` (both newest first, as
 * `compare` orders them): those sharing the most tags and sources, weighted, then the newest.
 *
 * No pair of articles is compared directly. An inverted index maps each tag and source to the
 * candidates carrying it, newest first; for each article, only the `window` candidates on either
 * side of its date in each of its lists are scored. Work per article is at most
 * `maxKeys × (2 × window + 1)`, so a site of 20,000 articles costs no more per article than one of 200.
 */
export function findRelated(
  articles: readonly Article[],
  candidates: readonly Article[],
  compare: (a: Article, b: Article) => number,
  options: RelatedOptions = RELATED_DEFAULTS,
): Map<Article, Article[]> {
  // Every candidate is known by its rank in `compare` order: the index's lists, the binary
  // searches, the scores and the ties then compare integers, not articles.
  const ordered = isOrdered(candidates, compare) ? candidates : [...candidates].sort(compare);
  const rankOf = new Map<Article, number>(ordered.map((candidate, rank) => [candidate, rank]));
  // Most articles are both looked up and candidates: their keys (URL parsing included) are made once.
  const keyCache = new Map<Article, { key: string; weight: number }[]>();
  const keysOf = (article: Article) => {
    let keys = keyCache.get(article);
    if (keys === undefined) keyCache.set(article, (keys = relatednessKeys(article, options.maxKeys)));
    return keys;
  };
  const index = new Map<string, number[]>();
  ordered.forEach((candidate, rank) => {
    for (const { key } of keysOf(candidate)) {
      const list = index.get(key);
      if (list) list.push(rank);
      else index.set(key, [rank]);
    }
  });

  const scores = new Float64Array(ordered.length);
  const scored: number[] = [];
  const related = new Map<Article, Article[]>();
  for (const article of articles) {
    const own = rankOf.get(article);
    // Where the article falls among the candidates: those ranked before it come before it in `compare` order.
    const position = own ?? insertionPoint(ordered, (candidate) => compare(candidate, article) < 0);
    for (const { key, weight } of keysOf(article)) {
      const list = index.get(key);
      if (!list) continue;
      const at = insertionPoint(list, (rank) => rank < position);
      const end = Math.min(list.length, at + options.window + 1);
      for (let i = Math.max(0, at - options.window); i < end; i++) {
        const rank = list[i] as number;
        if (rank === own) continue;
        if (scores[rank] === 0) scored.push(rank);
        scores[rank] = (scores[rank] as number) + weight;
      }
    }
    related.set(
      article,
      topScored(scored, scores, options.count).map((rank) => ordered[rank] as Article),
    );
    for (const rank of scored) scores[rank] = 0;
    scored.length = 0;
  }
  return related;
}

// Whether the candidates already come in `compare` order (they do from the site model): one pass.
function isOrdered(candidates: readonly Article[], compare: (a: Article, b: Article) => number): boolean {
  for (let i = 1; i < candidates.length; i++) if (compare(candidates[i - 1] as Article, candidates[i] as Article) > 0) return false;
  return true;
}

/** The ranks of the `count` best-scored candidates, highest score first and, among equals, the lowest rank (first in `compare` order); one pass, no full sort. */
function topScored(ranks: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const ranksBefore = (a: number, b: number) => (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  for (const rank of ranks) {
    const last = best[best.length - 1];
    if (best.length === count && last !== undefined && !ranksBefore(rank, last)) continue;
    let position = best.length;
    while (position > 0 && ranksBefore(rank, best[position - 1] as number)) position--;
    best.splice(position, 0, rank);
    if (best.length > count) best.pop();
  }
  return best;
}

/** The tags and sources an article is indexed under, each key once: tags by slug, sources by address, else by name. */
export function relatednessKeys(article: Article, maxKeys: number): { key: string; weight: number }[] {
  const keys = new Map<string, number>();
  for (const tag of article.tags) keys.set(`tag:${tag.slug}`, TAG_WEIGHT);
  for (const source of article.sources)
    keys.set(source.url !== undefined ? `url:${normaliseUrl(source.url)}` : `source:${matchKey(source.name)}`, SOURCE_WEIGHT);
  return [...keys.entries()].slice(0, maxKeys).map(([key, weight]) => ({ key, weight }));
}

function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    return parsed.href;
  } catch {
    return url;
  }
}

/** The index of the first item of a sorted list for which `before` is false (binary search). */
function insertionPoint<Item>(list: readonly Item[], before: (item: Item) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(list[middle] as Item)) low = middle + 1;
    else high = middle;
  }
  return low;
}
