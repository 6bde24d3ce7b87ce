import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { calendarParts, formatContentDate, formatDate, formatScope, parseContentDate, toContentDate } from "../../src/content/dates.ts";

describe("parseContentDate", () => {
  it("reads a calendar day as midnight in the site's time zone", () => {
    const result = parseContentDate("2023-10-26", "America/Los_Angeles");
    expect(result.ok && result.value).toEqual({ epochMs: Date.UTC(2023, 9, 26, 7), iso: "2023-10-26T00:00:00-07:00", hasTime: false });
  });

  it("reads a time without an offset as site time, and keeps an explicit offset", () => {
    const local = parseContentDate("2026-07-01 09:30", "Europe/London");
    expect(local.ok && local.value.iso).toBe("2026-07-01T09:30:00+01:00");
    const offset = parseContentDate("2026-07-01T09:30:00-05:00", "Europe/London");
    expect(offset.ok && offset.value.epochMs).toBe(Date.UTC(2026, 6, 1, 14, 30));
    expect(offset.ok && offset.value.iso).toBe("2026-07-01T15:30:00+01:00");
  });

  it.each([
    ["2023-02-30", /February 2023 has 28 days/],
    ["2024-02-30", /February 2024 has 29 days/],
    ["2023-13-01", /month 13/],
    ["2023-04-31", /April 2023 has 30 days/],
    ["2023-10-26 25:00", /impossible time/],
    ["yesterday", /must be a date like/],
    ["26/10/2023", /must be a date like/],
  ])("refuses %s instead of rolling it over", (text, problem) => {
    const result = parseContentDate(text, "UTC");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });

  it("refuses a date that is not text", () => {
    const result = parseContentDate(20231026, "UTC");
    expect(!result.ok && result.problem).toMatch(/the number 20231026/);
  });
});

describe("formatDate", () => {
  it("shows an instant on the site's calendar day, whatever the machine's time zone", () => {
    const instant = Date.UTC(2023, 9, 26, 23, 30);
    expect(formatDate(instant, "Europe/London", "en-GB", "d MMMM yyyy")).toBe("27 October 2023");
    expect(formatDate(instant, "America/New_York", "en-US", "MMMM d, yyyy")).toBe("October 26, 2023");
    expect(calendarParts(toContentDate(instant, "Asia/Tokyo", true))).toEqual({ year: "2023", month: "10", day: "27" });
  });
});

describe("dates with remembered zone offsets", () => {
  const zones = ["UTC", "GMT", "Etc/UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Apia"];

  it("are what Luxon computes afresh, around every daylight-saving change", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, epochMs) => {
        // Twice: the second answer comes from what the zone remembered.
        for (let round = 0; round < 2; round++) {
          const fresh = DateTime.fromMillis(epochMs, { zone });
          expect(toContentDate(epochMs, zone, true).iso).toBe(fresh.toISO({ suppressMilliseconds: true }));
          expect(formatDate(epochMs, zone, "en", "d MMMM yyyy HH:mm ZZ")).toBe(fresh.setLocale("en").toFormat("d MMMM yyyy HH:mm ZZ"));
          const [year, month, day] = fresh.toFormat("yyyy MM dd").split(" ");
          expect(calendarParts(toContentDate(epochMs, zone, round === 0))).toEqual({ year, month, day });
        }
      }),
      { numRuns: 2000 },
    );
    // The hour that does not exist and the hour that happens twice in London.
    for (const text of ["2026-03-29 01:30", "2026-10-25 01:30"]) {
      const fresh = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone: "Europe/London" });
      expect(parseContentDate(text, "Europe/London")).toEqual({ ok: true, value: toContentDate(fresh.toMillis(), "Europe/London", true) });
    }
  });
});

describe("formatContentDate", () => {
  it("tells the formats that show only the day or only the time of day from the rest", () => {
    expect(["DDD", "DD", "d MMMM yyyy", "EEEE d LLLL", "yyyy-MM-dd", "d 'de' MMMM 'de' yyyy"].map(formatScope)).toEqual(["day", "day", "day", "day", "day", "day"]);
    expect(["t", "tt", "T", "HH:mm", "h:mm a", "HH'h'mm"].map(formatScope)).toEqual(["time", "time", "time", "time", "time", "time"]);
    // A zone, a timestamp, or the day and the time together: formatted from the instant.
    expect(["ttt", "TTT", "HH:mm ZZ", "HH:mm z", "f", "DDD t", "X", "'at'", ""].map(formatScope)).toEqual(Array(9).fill("instant"));
  });

  it("formats every instant as Luxon does in the site's zone, for every language's kind of format", () => {
    const zones = ["Europe/London", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe", "UTC"];
    const locales = ["en", "en-US", "de", "fr", "ar", "fa", "ja", "hi", "cy", "pt-BR"];
    const formats = ["DDD", "DD", "DDDD", "d MMMM yyyy", "EEEE d LLLL yyyy", "t", "tt", "T", "HH:mm", "h:mm:ss.SSS a", "HH:mm ZZ", "ttt", "f"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...locales),
        fc.constantFrom(...formats),
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.boolean(),
        (zone, locale, format, epochMs, hasTime) => {
          const date = toContentDate(epochMs, zone, hasTime);
          expect(formatContentDate(date, zone, locale, format)).toBe(DateTime.fromMillis(epochMs, { zone }).setLocale(locale).toFormat(format));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
