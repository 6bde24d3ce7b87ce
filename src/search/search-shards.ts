import type { SearchDocument } from "./search-documents.ts";

/**
 * The sizes of the archive's search shards, largest first. The newest articles, at least as many
 * as the smallest size and fewer than twice it, are the `recent` shard: the ones that get new
 * neighbours, corrections and updates. Older articles fill full blocks of the largest size from
 * the oldest, the rest full blocks of the next, and so on. A new article or an edit to a recent
 * one so re-indexes only the recent shard (at most 499 articles); a block, once full, changes
 * only when one of its own articles does (or one older than it is deleted or re-dated, which
 * shifts the blocks after it). Blocks merge into the next size as the archive grows, as a
 * log-structured merge would: 2,000 articles are re-indexed once every 2,000 new ones, 16,000
 * once every 16,000. At 100,000 articles the browser opens at most 6 + 7 + 7 + 1 shards, and no
 * Pagefind run holds more than 16,000 pages.
 */
export const SHARD_SIZES: readonly number[] = [16_000, 2_000, 250];

/** A part of the archive indexed on its own. */
export interface SearchShard {
  /** Stable while the block exists: its size and the position of its first article, or `recent`. */
  id: string;
  /** Oldest first. */
  documents: SearchDocument[];
}

/** The archive's documents in shards (see SHARD_SIZES), oldest shard first; empty shards are left out. */
export function planShards(documents: readonly SearchDocument[], sizes: readonly number[] = SHARD_SIZES): SearchShard[] {
  const ordered = [...documents].sort((a, b) => a.publishedMs - b.publishedMs || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const shards: SearchShard[] = [];
  // The newest articles stay out of the blocks, however the count falls.
  const closed = ordered.length - (sizes.at(-1) ?? 0);
  let start = 0;
  for (const size of sizes) {
    while (closed - start >= size) {
      shards.push({ id: `${size}-${start}`, documents: ordered.slice(start, start + size) });
      start += size;
    }
  }
  if (start < ordered.length) shards.push({ id: "recent", documents: ordered.slice(start) });
  return shards;
}
