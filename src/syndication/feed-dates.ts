import type { DateInfo } from "../model/types.ts";

// The model's ISO date as toContentDate writes it: local time in the site's zone, then the offset.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The RFC 822 date RSS 2.0 requires (with a four-digit year, as the RSS spec prefers), e.g.
 * `Tue, 24 Nov 2026 18:40:00 +0000`, in the site's time zone: the offset is taken from the
 * model's ISO date, never from the build machine. Rewritten from the ISO text rather than
 * through Luxon, which works the zone out again for each of the thousands of items a build's
 * feeds hold.
 */
export function toRfc822(date: Pick<DateInfo, "iso">): string {
  const match = ISO_DATE.exec(date.iso);
  if (!match) throw new Error(`not an ISO date: ${date.iso}`);
  const [, year = "", month = "", day = "", hour = "", minute = "", second = "", offset = ""] = match;
  const calendarDay = new Date(0);
  calendarDay.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const weekday = WEEKDAYS[calendarDay.getUTCDay()];
  const zone = offset === "Z" ? "+0000" : offset.replace(":", "");
  return `${weekday}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${zone}`;
}

/** The RFC 3339 date Atom, JSON Feed and sitemaps use: the model's ISO date in the site's time zone, e.g. `2026-11-24T18:40:00+00:00`. */
export function toRfc3339(date: Pick<DateInfo, "iso">): string {
  return date.iso;
}
