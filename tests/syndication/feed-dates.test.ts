import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { toContentDate } from "../../src/content/dates.ts";
import { toRfc822 } from "../../src/syndication/feed-dates.ts";
import { RFC_822 } from "../support/formats.ts";

describe("toRfc822", () => {
  it("writes the RFC 822 date RSS requires, with the offset of the site's time zone", () => {
    const instant = Date.UTC(2026, 10, 26, 9, 40);
    const cases: [string, string][] = [
      ["Europe/London", "Thu, 26 Nov 2026 09:40:00 +0000"],
      ["Asia/Tokyo", "Thu, 26 Nov 2026 18:40:00 +0900"],
      ["Asia/Kolkata", "Thu, 26 Nov 2026 15:10:00 +0530"],
      ["Pacific/Pago_Pago", "Wed, 25 Nov 2026 22:40:00 -1100"],
    ];
    for (const [timeZone, expected] of cases) {
      const rfc822 = toRfc822(toContentDate(instant, timeZone, true));
      expect(rfc822).toBe(expected);
      expect(rfc822).toMatch(RFC_822);
      expect(DateTime.fromRFC2822(rfc822).toMillis()).toBe(instant);
    }
  });

  it("is what Luxon writes for any instant in any zone, daylight-saving changes and UTC's Z included", () => {
    const zones = ["UTC", "Etc/UTC", "Europe/London", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Apia", "Pacific/Kiritimati"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.boolean(), (zone, epochMs, hasTime) => {
        const date = toContentDate(epochMs, zone, hasTime);
        expect(toRfc822(date)).toBe(DateTime.fromISO(date.iso, { setZone: true }).toRFC2822());
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses text that is not the model's ISO date", () => {
    expect(() => toRfc822({ iso: "26 Nov 2026" })).toThrow(/not an ISO date/);
  });
});
