import type { SiteConfig } from "../config/config.ts";
import { calendarParts, formatContentDate, type ContentDate } from "../content/dates.ts";
import type { DateInfo } from "../model/types.ts";

/** Format a ContentDate for the templates in the site's time zone and language. */
export function toDateInfo(date: ContentDate, config: SiteConfig): DateInfo {
  const { year, month, day } = calendarParts(date);
  return {
    epochMs: date.epochMs,
    iso: date.iso,
    machine: date.hasTime ? date.iso : `${year}-${month}-${day}`,
    day: formatContentDate(date, config.timeZone, config.language, config.dateFormat),
    time: date.hasTime ? formatContentDate(date, config.timeZone, config.language, config.timeFormat) : "",
  };
}
