import { describe, expect, it } from "vitest";
import { parseContentDate } from "../../src/content/dates.ts";
import { ageNotice } from "../../src/model/age-notice.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { articleEntry, siteInput, testConfig } from "../support/site-input.ts";
import { englishCatalogue } from "../../src/i18n/catalogues.ts";
import { Messages } from "../../src/i18n/messages.ts";

const ENGLISH = new Messages("en-GB", englishCatalogue());

function at(text: string, timeZone = "Europe/London") {
  const result = parseContentDate(text, timeZone);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

describe("ageNotice", () => {
  const now = at("2026-11-27 12:00");

  it("says nothing about an article younger than the threshold", () => {
    expect(ageNotice(at("2025-11-28"), now, 365, ENGLISH)).toBeUndefined();
    expect(ageNotice(at("2026-11-27 11:00"), now, 1, ENGLISH)).toBeUndefined();
  });

  it("counts calendar years and months in words, saying 'more than' when there is a remainder", () => {
    expect(ageNotice(at("2025-11-27"), now, 365, ENGLISH)).toBe("This article is a year old.");
    expect(ageNotice(at("2025-06-01"), now, 365, ENGLISH)).toBe("This article is more than a year old.");
    expect(ageNotice(at("2024-11-27"), now, 365, ENGLISH)).toBe("This article is 2 years old.");
    expect(ageNotice(at("2021-12-01"), now, 365, ENGLISH)).toBe("This article is more than 4 years old.");
    expect(ageNotice(at("2026-09-27"), now, 30, ENGLISH)).toBe("This article is 2 months old.");
    expect(ageNotice(at("2026-10-20"), now, 30, ENGLISH)).toBe("This article is more than a month old.");
    expect(ageNotice(at("2026-11-10"), now, 7, ENGLISH)).toBe("This article is 17 days old.");
    expect(ageNotice(at("2026-11-26 10:00"), now, 1, ENGLISH)).toBe("This article is a day old.");
  });

  it("reads the calendar of the site's time zone, not the build machine's", () => {
    // 00:30 on 27 November 2025 in Auckland is still 26 November in UTC: exactly a year on the site's calendar.
    const zone = "Pacific/Auckland";
    expect(ageNotice(at("2025-11-27 00:30", zone), at("2026-11-27 09:00", zone), 365, ENGLISH)).toBe("This article is a year old.");
  });
});

describe("age notices in the site model", () => {
  const articles = [articleEntry("old.md", { date: "2024-03-01" }), articleEntry("new.md", { date: "2026-11-01" })];

  it("marks articles older than ageNotice.days (default 365) at the build's now", () => {
    const { site } = buildSite(siteInput({ articles }));
    expect(site.articles.map((a) => [a.file, a.ageNotice])).toEqual([
      ["new.md", undefined],
      ["old.md", "This article is more than 2 years old."],
    ]);
  });

  it("follows the configured age, and can be turned off", () => {
    const shorter = buildSite(siteInput({ articles, config: testConfig({ ageNotice: { days: 20 } }) })).site;
    expect(shorter.articles.find((a) => a.file === "new.md")?.ageNotice).toBe("This article is 26 days old.");
    const off = buildSite(siteInput({ articles, config: testConfig({ ageNotice: { enabled: false } }) })).site;
    expect(off.articles.map((a) => a.ageNotice)).toEqual([undefined, undefined]);
  });
});
