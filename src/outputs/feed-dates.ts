import { DateTime } from "luxon";
import type { DateInfo } from "../site/types.ts";

/**
 * The RFC 822 date RSS 2.0 requires (with a four-digit year, as the RSS spec prefers), e.g.
 * `Tue, 24 Nov 2026 18:40:00 +0000`, in the site's time zone: the offset is taken from the
 * model's ISO date, never from the build machine.
 */
export function toRfc822(date: Pick<DateInfo, "iso">): string {
  const moment = DateTime.fromISO(date.iso, { setZone: true });
  if (!moment.isValid) throw new Error(`not an ISO date: ${date.iso}`);
  return moment.toRFC2822() ?? "";
}

/** The RFC 3339 date Atom, JSON Feed and sitemaps use: the model's ISO date in the site's time zone, e.g. `2026-11-24T18:40:00+00:00`. */
export function toRfc3339(date: Pick<DateInfo, "iso">): string {
  return date.iso;
}
