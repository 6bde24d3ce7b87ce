import { DateTime } from "luxon";

/**
 * The note shown on an article older than `days` at the build's `now`, e.g. "This article is more
 * than 2 years old.", or undefined for a younger one. Ages are counted in calendar years, months
 * and days in the site's time zone, so the wording never depends on the build machine.
 */
export function ageNotice(publishedMs: number, nowMs: number, days: number, timeZone: string): string | undefined {
  if (nowMs - publishedMs < days * 86_400_000) return undefined;
  const published = DateTime.fromMillis(publishedMs, { zone: timeZone });
  const now = DateTime.fromMillis(nowMs, { zone: timeZone });
  const { years, months, days: dayCount } = now.diff(published, ["years", "months", "days"]).toObject();
  const wholeYears = Math.floor(years ?? 0);
  const wholeMonths = Math.floor(months ?? 0);
  const wholeDays = Math.floor(dayCount ?? 0);
  let age: string;
  if (wholeYears > 0) {
    const more = wholeMonths > 0 || wholeDays > 0 ? "more than " : "";
    age = `${more}${wholeYears === 1 ? "a year" : `${wholeYears} years`}`;
  } else if (wholeMonths > 0) {
    const more = wholeDays > 0 ? "more than " : "";
    age = `${more}${wholeMonths === 1 ? "a month" : `${wholeMonths} months`}`;
  } else {
    age = wholeDays === 1 ? "a day" : `${wholeDays} days`;
  }
  return `This article is ${age} old.`;
}
