import { DateTime, IANAZone } from "luxon";
import { memoize } from "../core/memoize.ts";
import { describeValue } from "../core/describe-value.ts";

/** A moment an editor wrote down, fixed to an instant and remembered with the site's time zone. */
export interface ContentDate {
  /** Milliseconds since the epoch: the instant, independent of any time zone. */
  epochMs: number;
  /** ISO 8601 in the site's time zone with its offset, e.g. `2026-03-01T09:30:00+00:00`. */
  iso: string;
  /** False when the editor gave only a calendar day (shown without a time). */
  hasTime: boolean;
}

/** What parsing a date gave: the date, or a sentence saying what is wrong with it. */
export type DateResult = { ok: true; value: ContentDate } | { ok: false; problem: string };

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse a front-matter date. A calendar day means that day in the site's time zone; a time
 * without an offset is site time. Impossible dates (30 February, hour 25) are refused instead of
 * rolling over the way YAML libraries and `new Date()` do.
 */
export function parseContentDate(value: unknown, timeZone: string): DateResult {
  if (typeof value !== "string") {
    return { ok: false, problem: `must be a date like 2026-03-01 or "2026-03-01 09:30", got ${describeValue(value)}` };
  }
  const text = value.trim();
  const match = DATE_PATTERN.exec(text);
  if (!match) {
    return { ok: false, problem: `must be a date like 2026-03-01 or "2026-03-01 09:30", got "${text}"` };
  }
  const [, year, month, day, hour, minute, second, offset] = match;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
  if (parts.month < 1 || parts.month > 12) {
    return { ok: false, problem: `has month ${month}, which does not exist (months run 01 to 12), in "${text}"` };
  }
  const daysInMonth = DateTime.utc(parts.year, parts.month, 1).daysInMonth ?? 31;
  if (parts.day < 1 || parts.day > daysInMonth) {
    return {
      ok: false,
      problem: `is not a real day: ${monthName(parts.month)} ${parts.year} has ${daysInMonth} days, got "${text}"`,
    };
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    return { ok: false, problem: `has an impossible time of day in "${text}" (use 00:00 to 23:59)` };
  }
  const zone = offset === undefined ? ianaZone(timeZone) : offset === "Z" ? "UTC" : `UTC${normaliseOffset(offset)}`;
  const moment = DateTime.fromObject(parts, { zone });
  if (!moment.isValid) {
    return { ok: false, problem: `could not be read as a date: "${text}"` };
  }
  return { ok: true, value: toContentDate(moment.toMillis(), timeZone, hour !== undefined) };
}

/** Build a ContentDate for an instant, expressed in the site's time zone. */
export function toContentDate(epochMs: number, timeZone: string, hasTime: boolean): ContentDate {
  const iso = DateTime.fromMillis(epochMs, { zone: ianaZone(timeZone) }).toISO({ suppressMilliseconds: true }) ?? "";
  return { epochMs, iso, hasTime };
}

// Luxon works out the zone offset through Intl for every DateTime (~0.1 ms); the preview builds
// the site model on every save, so each instant is formatted once per process.
// A site formats each article's instant three or four ways: the limit holds that for 50,000 articles.
const formatted = memoize((key) => {
  const [epochMs, timeZone, locale, format] = JSON.parse(key) as [number, string, string, string];
  return formatInstant(epochMs, timeZone, locale, format);
}, 200_000);

function formatInstant(epochMs: number, timeZone: string, locale: string, format: string): string {
  return DateTime.fromMillis(epochMs, { zone: ianaZone(timeZone), locale }).toFormat(format);
}

/** Format an instant for readers in the site's time zone and language with a Luxon format (`d MMMM yyyy`). */
export function formatDate(epochMs: number, timeZone: string, locale: string, format: string): string {
  return formatted(JSON.stringify([epochMs, timeZone, locale, format]));
}

/**
 * Format a content date for readers, like formatDate. A format that shows only the day (`DDD`,
 * `d MMMM yyyy`) or only the time of day (`t`, `HH:mm`) is formatted once per day or per time of
 * day: the wall clock in the date's ISO text is the site zone's, so no zone offset is worked out
 * for each of the archive's instants (a build formats every article's date twice).
 */
export function formatContentDate(date: ContentDate, timeZone: string, locale: string, format: string): string {
  const scope = formatScope(format);
  if (scope === "instant") return formatDate(date.epochMs, timeZone, locale, format);
  const wallClock = scope === "day" ? date.iso.slice(0, 10) : `${date.iso.slice(11, 19)}.${((date.epochMs % 1000) + 1000) % 1000}`;
  const key = `${timeZone}\0${locale}\0${format}\0${wallClock}`;
  let text = wallClockTexts.get(key);
  if (text === undefined) {
    // The first instant with this wall clock, formatted as any other: Luxon's output for a zone
    // differs in small ways (the space before AM) from the same wall clock in UTC.
    rememberOffset(date, timeZone);
    text = formatInstant(date.epochMs, timeZone, locale, format);
    if (wallClockTexts.size >= 50_000) wallClockTexts.clear();
    wallClockTexts.set(key, text);
  }
  return text;
}
const wallClockTexts = new Map<string, string>();

// Luxon's tokens that read only the calendar day (any length; D up to DDDD, the localized
// dates), and only the time of day (t and T up to two: ttt and TTT show the zone).
const DAY_TOKENS = /^(?:[dcELMyGkWnioqD]+)$/;
const TIME_TOKENS = /^(?:[hHmsSua]+|t{1,2}|T{1,2})$/;

/** Whether a Luxon format shows only the day, only the time of day, or anything else ("instant"). */
export function formatScope(format: string): "day" | "time" | "instant" {
  let scope = scopes.get(format);
  if (scope === undefined) {
    // Quoted text ('at', and '' for a quote) is literal; every other run of one letter is a token.
    const tokens = format.replace(/'[^']*'/g, "").match(/([A-Za-z])\1*/g) ?? [];
    scope =
      tokens.length > 0 && tokens.every((token) => DAY_TOKENS.test(token))
        ? "day"
        : tokens.length > 0 && tokens.every((token) => TIME_TOKENS.test(token))
          ? "time"
          : "instant";
    scopes.set(format, scope);
  }
  return scope;
}
const scopes = new Map<string, "day" | "time" | "instant">();

/**
 * The calendar parts (`2026`, `03`, `01`) of a content date in the site's time zone, for URLs:
 * the day its ISO text starts with, which toContentDate wrote in that zone (Luxon would work the
 * zone out again for each of the archive's articles on every build).
 */
export function calendarParts(date: Pick<ContentDate, "iso">): { year: string; month: string; day: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(date.iso);
  if (!match) throw new Error(`not an ISO date: ${date.iso}`);
  const [, year = "", month = "", day = ""] = match;
  return { year, month, day };
}

/** True when the IANA time zone name is known to this machine's Intl data. */
export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}

/**
 * An IANA zone that remembers the offset of each instant it was asked about. Luxon asks the zone
 * for the offset of every DateTime it makes, through Intl's formatToParts (the largest cost of a
 * site's dates), and a build makes several DateTimes of each article's instant. Bounded like memoize.
 */
class RememberingZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  /** Remember the offset (minutes) of an instant, worked out before (a date's ISO text carries it). */
  remember(ts: number, offset: number): void {
    if (this.#offsets.size >= 50_000) this.#offsets.clear();
    this.#offsets.set(ts, offset);
  }

  override offset(ts: number): number {
    let offset = this.#offsets.get(ts);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.#offsets.size >= 50_000) this.#offsets.clear();
      this.#offsets.set(ts, offset);
    }
    return offset;
  }
}

const zones = new Map<string, RememberingZone | string>();

// The offset toContentDate wrote into a date's ISO text is the zone's at that instant: the zone
// need not work it out again to format the date.
function rememberOffset(date: ContentDate, timeZone: string): void {
  const zone = ianaZone(timeZone);
  const match = /([+-])(\d{2}):(\d{2})$/.exec(date.iso);
  if (typeof zone === "string" || !match) return;
  const [, sign, hours = "0", minutes = "0"] = match;
  zone.remember(date.epochMs, (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)));
}

// A RememberingZone for each IANA zone name, so the offsets it remembers are shared by every
// date; any other name ("UTC", "UTC+1") is left to Luxon, which treats it as a fixed offset.
function ianaZone(timeZone: string): RememberingZone | string {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = DateTime.fromMillis(0, { zone: timeZone }).zone.type === "iana" ? new RememberingZone(timeZone) : timeZone;
    zones.set(timeZone, zone);
  }
  return zone;
}

function normaliseOffset(offset: string): string {
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

function monthName(month: number): string {
  return DateTime.utc(2000, month, 1).setLocale("en").toFormat("MMMM");
}
