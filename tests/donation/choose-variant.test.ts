import { describe, expect, it } from "vitest";
import { toContentDate } from "../../src/content/dates.ts";
import { chooseVariant } from "../../src/donation/choose-variant.ts";
import type { DonationVariant } from "../../src/donation/donation-schema.ts";

const variant = (name: string, rules: Partial<DonationVariant>): DonationVariant => ({ name, tags: [], types: [], ...rules });
const ZONE = "Europe/London";
// The build's day as buildSite gives it: the start of the build time's ISO text in the site's zone.
const dayOf = (epochMs: number) => toContentDate(epochMs, ZONE, true).iso.slice(0, 10);
const TODAY = dayOf(Date.UTC(2026, 11, 1, 12));

describe("chooseVariant", () => {
  const variants = [
    variant("live", { types: ["live"] }),
    variant("river", { tags: ["River"] }),
    variant("appeal-week", { from: "2026-12-01", until: "2026-12-07" }),
  ];

  it("takes the first variant whose rules all match", () => {
    expect(chooseVariant(variants, { tags: ["river", "Council"], type: "news", today: TODAY })?.name).toBe("river");
    expect(chooseVariant(variants, { tags: ["River"], type: "live", today: TODAY })?.name).toBe("live");
  });

  it("matches a type that does not exist yet, such as live coverage", () => {
    expect(chooseVariant([variant("live", { types: ["live"] })], { tags: [], type: "live", today: TODAY })?.name).toBe("live");
  });

  it("applies a date range to the build's day in the site's time zone, both ends included", () => {
    const target = { tags: [], type: "news" };
    expect(chooseVariant(variants, { ...target, today: dayOf(Date.UTC(2026, 11, 7, 23, 59)) })?.name).toBe("appeal-week");
    expect(chooseVariant(variants, { ...target, today: dayOf(Date.UTC(2026, 11, 8, 0, 0)) })).toBeUndefined();
    expect(chooseVariant(variants, { ...target, today: dayOf(Date.UTC(2026, 10, 30, 23, 59)) })).toBeUndefined();
  });

  it("needs every rule of a variant to match", () => {
    const both = [variant("river-appeal", { tags: ["River"], from: "2027-01-01" })];
    expect(chooseVariant(both, { tags: ["River"], type: "news", today: TODAY })).toBeUndefined();
  });

  it("gives no variant (the default ask) when none matches", () => {
    expect(chooseVariant(variants, { tags: ["Schools"], type: "news", today: dayOf(Date.UTC(2026, 5, 1)) })).toBeUndefined();
  });
});
