import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseContentDate } from "../../src/content/dates.ts";
import { canonicalHash } from "../../src/publish/output-manifest.ts";
import { renderOutputFiles } from "../../src/syndication/syndication-files.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { NEWS_WINDOW_MS } from "../../src/site/feeds.ts";
import { listOutputPages } from "../../src/pages/page-views.ts";
import { stableUntil } from "../../src/site/stable-until.ts";
import { articleEntry, siteInput, testConfig } from "../support/site-input.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 27 November 2026, 12:00 in London (UTC in November).
const NOW = Date.UTC(2026, 10, 27, 12);
const MIDNIGHT = Date.UTC(2026, 10, 28);
const at = (epochMs: number) => ({ date: { epochMs } });

describe("stableUntil", () => {
  it("is the next midnight in the site's time zone when nothing in the content is due before it", () => {
    expect(stableUntil({ now: NOW, timeZone: "Europe/London", articles: [at(NOW - 10 * DAY)], emptyFeed: false })).toBe(MIDNIGHT);
    // 12:00 UTC is 07:00 in New York: its midnight is at 05:00 UTC the next day.
    expect(stableUntil({ now: NOW, timeZone: "America/New_York", articles: [], emptyFeed: false })).toBe(Date.UTC(2026, 10, 28, 5));
  });

  it("stops at a scheduled article's time, an expiry and the end of the news sitemap's two days", () => {
    const base = { now: NOW, timeZone: "Europe/London", emptyFeed: false };
    expect(stableUntil({ ...base, articles: [at(NOW + 3 * HOUR)] })).toBe(NOW + 3 * HOUR);
    expect(stableUntil({ ...base, articles: [{ ...at(NOW - 10 * DAY), expires: { epochMs: NOW + HOUR } }] })).toBe(NOW + HOUR);
    const recent = NOW - 2 * DAY + 2 * HOUR;
    expect(stableUntil({ ...base, articles: [at(recent)] })).toBe(recent + NEWS_WINDOW_MS + 1);
  });

  it("stops one millisecond after an article's 48 hours in the news sitemap, and not for one that has had them", () => {
    const base = { now: NOW, timeZone: "Europe/London", emptyFeed: false };
    // First published 47 hours 59 minutes before 12:00: it leaves the news sitemap just after 12:01.
    expect(stableUntil({ ...base, articles: [at(Date.UTC(2026, 10, 25, 12, 1))] })).toBe(Date.UTC(2026, 10, 27, 12, 1) + 1);
    // 47 hours before: just after 13:00.
    expect(stableUntil({ ...base, articles: [at(Date.UTC(2026, 10, 25, 13))] })).toBe(Date.UTC(2026, 10, 27, 13) + 1);
    // 48 hours 1 minute before: it has left already, and nothing else is due before midnight.
    expect(stableUntil({ ...base, articles: [at(Date.UTC(2026, 10, 25, 11, 59))] })).toBe(MIDNIGHT);
  });

  it("stops when an article passes the age notice's threshold, and at each day of an age counted in days", () => {
    const base = { now: NOW, timeZone: "Europe/London", emptyFeed: false };
    const published = NOW - 7 * DAY + HOUR;
    expect(stableUntil({ ...base, articles: [at(published)], ageNoticeDays: 7 })).toBe(published + 7 * DAY);
    // Published ten days ago at 14:00, with a 7-day notice: "9 days old" turns into "10 days old" at 14:00 today.
    const older = NOW - 10 * DAY + 2 * HOUR;
    expect(stableUntil({ ...base, articles: [at(older)], ageNoticeDays: 7 })).toBe(older + 10 * DAY);
    // Off, the same articles change nothing before midnight (but the news window's end).
    expect(stableUntil({ ...base, articles: [at(older)] })).toBe(MIDNIGHT);
  });

  it("stops when a live page's update is due and when its coverage ends", () => {
    const base = { now: NOW, timeZone: "Europe/London", emptyFeed: false };
    expect(stableUntil({ ...base, articles: [{ ...at(NOW - HOUR), updates: [NOW + 2 * HOUR, NOW - 30 * 60_000] }] })).toBe(NOW + 2 * HOUR);
    expect(stableUntil({ ...base, articles: [{ ...at(NOW - HOUR), ended: { epochMs: NOW + 90 * 60_000 } }] })).toBe(NOW + 90 * 60_000);
  });

  it("is now itself when a feed is empty (its Atom `updated` is the build time)", () => {
    expect(stableUntil({ now: NOW, timeZone: "Europe/London", articles: [], emptyFeed: true })).toBe(NOW);
  });
});

// Everything a build writes that the model decides: every page's view, every feed and sitemap, every problem reported.
function modelHash(input: ReturnType<typeof siteInput>): { hash: string; until: number } {
  const { site, diagnostics, stableUntil: until } = buildSite(input);
  const pages = listOutputPages(site).map((page) => ({ url: page.url, template: page.template, view: page.view }));
  return { hash: canonicalHash({ pages, files: renderOutputFiles(site), diagnostics }), until };
}

const london = (epochMs: number) => DateTime.fromMillis(epochMs, { zone: "Europe/London" }).toFormat("yyyy-MM-dd HH:mm");

describe("a site built at any time before stableUntil", () => {
  it("is the same site as at the time it was computed", () => {
    const article = fc.record({
      // From forty days before the build to two days after, to the minute; often within hours of
      // the news sitemap's two days, or past the point where ages stop being counted in days.
      offsetMinutes: fc.oneof(
        fc.integer({ min: -40 * 24 * 60, max: 2 * 24 * 60 }),
        fc.integer({ min: -2 * 24 * 60 - 12 * 60, max: -2 * 24 * 60 + 12 * 60 }),
        fc.integer({ min: -41 * 24 * 60, max: -33 * 24 * 60 }),
      ),
      expiresInMinutes: fc.option(fc.integer({ min: -24 * 60, max: 3 * 24 * 60 }), { nil: undefined }),
      draft: fc.boolean(),
      tags: fc.subarray(["River", "Council", "Schools"]),
      // A live page: updates (minutes after its date, often after the build) and when coverage ends.
      live: fc.option(
        fc.record({
          updates: fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { maxLength: 4 }),
          endedAfterMinutes: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 33, max: 41 })),
        fc.constantFrom("production" as const, "preview" as const),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (articles, ageDays, mode, minuteOfDay, fraction) => {
          const now = Date.UTC(2026, 10, 27) + minuteOfDay * 60_000;
          const config = testConfig(ageDays === undefined ? { ageNotice: { enabled: false } } : { ageNotice: { days: ageDays } });
          const entries = articles.map((spec, index) => {
            const date = now + spec.offsetMinutes * 60_000;
            const entry = articleEntry(`content/articles/a${index}.md`, { title: `Story ${index}`, date: london(date), draft: spec.draft, tags: spec.tags });
            if (spec.live !== undefined) {
              entry.frontMatter.live = true;
              // Newest first, as editors write them.
              entry.updates = [...spec.live.updates].sort((a, b) => b - a).map((minutes, line) => ({ time: london(date + minutes * 60_000), line: line + 6, html: `<p>Update ${line}</p>`, opening: `Update ${line}` }));
              if (spec.live.endedAfterMinutes !== undefined) {
                const ended = parseContentDate(london(date + spec.live.endedAfterMinutes * 60_000), "Europe/London");
                if (ended.ok) entry.frontMatter.ended = ended.value;
              }
            }
            if (spec.expiresInMinutes !== undefined) {
              const expires = parseContentDate(london(now + spec.expiresInMinutes * 60_000), "Europe/London");
              if (expires.ok) entry.frontMatter.expires = expires.value;
            }
            return entry;
          });
          const input = (time: number) => siteInput({ config, articles: entries, mode, now: time });
          const first = modelHash(input(now));
          expect(first.until).toBeGreaterThanOrEqual(now);
          if (first.until === now) return;
          const later = Math.min(first.until - 1, now + Math.floor(fraction * (first.until - now)));
          expect(modelHash(input(later)).hash).toBe(first.hash);
          expect(modelHash(input(first.until - 1)).hash).toBe(first.hash);
        },
      ),
      { numRuns: 300 },
    );
  });
});
