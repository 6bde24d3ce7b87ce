import type { Messages } from "../i18n/messages.ts";

/** A moment as the site model holds it: the instant, and ISO 8601 in the site's time zone. */
interface Moment {
  epochMs: number;
  iso: string;
}

/**
 * The note shown on an article older than `days` at the build's `now`, e.g. "This article is more
 * than 2 years old.", or undefined for a younger one. Years and months are counted on the
 * calendar of the site's time zone (both ISO dates carry it), so the wording never depends on the
 * build machine; reading the calendar day from the ISO text keeps this cheap for 20,000 articles.
 */
export function ageNotice(published: Moment, now: Moment, days: number, messages: Messages): string | undefined {
  const elapsedMs = now.epochMs - published.epochMs;
  if (elapsedMs < days * DAY_MS) return undefined;
  const from = calendarDay(published.iso);
  const to = calendarDay(now.iso);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  const partial = to.day !== from.day;
  if (months >= 12) {
    const more = partial || months % 12 > 0 ? "yes" : "no";
    return messages.text("age.years", { count: Math.floor(months / 12), more });
  }
  if (months >= 1) return messages.text("age.months", { count: months, more: partial ? "yes" : "no" });
  return messages.text("age.days", { count: Math.floor(elapsedMs / DAY_MS) });
}

const DAY_MS = 86_400_000;

function calendarDay(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}
