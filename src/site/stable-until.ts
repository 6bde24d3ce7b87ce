import { DateTime } from "luxon";
import { NEWS_WINDOW_MS } from "./feeds.ts";

/** What of an article's front matter the passing of time acts on. */
export interface TimedEntry {
  date: { epochMs: number };
  expires?: { epochMs: number } | undefined;
  /** A live page's end of coverage: the "Live" label goes then. */
  ended?: { epochMs: number } | undefined;
  /** A live page's update times: an update timed after the build appears at its time. */
  updates?: readonly number[] | undefined;
}

/** Everything the build's reference time is compared with, besides the calendar day. */
export interface StableUntilInput {
  /** The build's reference time, ms since the epoch. */
  now: number;
  timeZone: string;
  /** Every article file, published or not (a scheduled one goes live, a draft's problems change wording). */
  articles: readonly TimedEntry[];
  /** The age notice's threshold in days, when notices are on. */
  ageNoticeDays?: number | undefined;
  /** Whether some feed has no item: its Atom `updated` is then the build time itself. */
  emptyFeed: boolean;
}

const DAY_MS = 86_400_000;
// Below about a month the age notice counts whole days ("12 days old"), which turn over at the
// article's own time of day, not at midnight.
const DAY_COUNTED_AGE_MS = 32 * DAY_MS;

/**
 * The first instant after `now` at which a build of the same files could give another site: the
 * next midnight in the site's time zone (age notices, donation variants' date ranges and a
 * campaign's end are counted in calendar days), and every instant an article crosses a line the
 * model draws from `now` (its date, when a scheduled article goes live; its expiry; the news
 * sitemap's two days; the age notice's threshold and, while it counts days, each day of its age;
 * a live page's end of coverage and each of its updates' times).
 * Every comparison with `now` in src/site and src/outputs must be one of these, so that the last
 * output is known to be current until then (build.ts skips a build of unchanged files before it).
 */
export function stableUntil(input: StableUntilInput): number {
  const { now } = input;
  if (input.emptyFeed) return now;
  let until = DateTime.fromMillis(now, { zone: input.timeZone }).startOf("day").plus({ days: 1 }).toMillis();
  const consider = (instant: number) => {
    if (instant > now && instant < until) until = instant;
  };
  for (const article of input.articles) {
    const published = article.date.epochMs;
    consider(published);
    if (article.expires !== undefined) consider(article.expires.epochMs);
    if (article.ended !== undefined) consider(article.ended.epochMs);
    for (const update of article.updates ?? []) consider(update);
    // The news sitemap keeps an article while it is at most two days old, to the millisecond.
    consider(published + NEWS_WINDOW_MS + 1);
    if (input.ageNoticeDays !== undefined) {
      consider(published + input.ageNoticeDays * DAY_MS);
      const age = now - published;
      if (age >= 0 && age < DAY_COUNTED_AGE_MS) consider(published + (Math.floor(age / DAY_MS) + 1) * DAY_MS);
    }
  }
  return until;
}
