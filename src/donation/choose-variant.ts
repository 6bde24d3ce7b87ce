import { matchKey } from "../core/slugs.ts";
import type { DonationVariant } from "./donation-schema.ts";

/** What a variant rule can look at: the article's tags and type, and the day of the build. */
export interface AskTarget {
  tags: readonly string[];
  type: string;
  /** Whether the article is a live page (`live: true`); absent means not. */
  live?: boolean;
  /** The build's day in the site's time zone, `YYYY-MM-DD` (the start of the build time's ContentDate ISO text). */
  today: string;
}

/**
 * The first variant whose every rule matches, else none (the default ask). Tags and types match
 * when the article has any of those listed (tags without regard to case); `from` and `until` are
 * days in the site's time zone, both included, compared with the build's time, so an appeal
 * week starts and stops on the scheduled rebuilds; `live: true` matches only live pages (and
 * `live: false` only other articles), so live coverage can have its own ask.
 */
export function chooseVariant(variants: readonly DonationVariant[], target: AskTarget): DonationVariant | undefined {
  // Called for every article of the archive; most sites have no variants at all.
  if (variants.length === 0) return undefined;
  const tags = new Set(target.tags.map(matchKey));
  const { today } = target;
  return variants.find(
    (variant) =>
      (variant.tags.length === 0 || variant.tags.some((tag) => tags.has(matchKey(tag)))) &&
      (variant.types.length === 0 || variant.types.includes(target.type)) &&
      (variant.live === undefined || variant.live === (target.live === true)) &&
      (variant.from === undefined || today >= variant.from) &&
      (variant.until === undefined || today <= variant.until),
  );
}
