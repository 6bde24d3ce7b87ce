import { describe, expect, it } from "vitest";
import { parseContentDate, type ContentDate } from "../../src/content/dates.ts";
import { buildLiveCoverage, openingWords, updateId, updateInstants, type LiveCoverageInput } from "../../src/live/live-coverage.ts";
import type { LiveUpdateSource } from "../../src/live/live-coverage.ts";
import { toDateInfo } from "../../src/site/date-info.ts";
import { testConfig } from "../support/site-input.ts";

const config = testConfig();
const at = (text: string): ContentDate => {
  const parsed = parseContentDate(text, "Europe/London");
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};
// 1 December 2026, 12:00 in London (UTC in winter).
const NOW = Date.UTC(2026, 11, 1, 12);
const update = (time: string, line: number, title?: string): LiveUpdateSource => ({ time, line, html: `<p>At ${time}.</p>`, opening: `At ${time}.`, ...(title === undefined ? {} : { title }) });

function coverage(updates: LiveUpdateSource[], overrides: Partial<LiveCoverageInput> = {}) {
  return buildLiveCoverage({
    file: "content/articles/2026/live.md",
    live: true,
    date: at("2026-12-01 06:30"),
    updates,
    takenIds: [],
    now: NOW,
    mode: "production",
    timeZone: "Europe/London",
    toDateInfo: (date) => toDateInfo(date, config),
    ...overrides,
  });
}

const problems = (result: ReturnType<typeof coverage>) => result.diagnostics.map((d) => [d.code, d.line, d.severity]);

describe("buildLiveCoverage", () => {
  it("keeps the updates newest first, each with an anchor from its minute, its time and its headline; the newest is when the page changed", () => {
    const result = coverage([update("2026-12-01 11:40", 20, "Peak expected"), update("2026-12-01 08:50", 14), update("2026-12-01 06:45", 8)]);
    expect(result.diagnostics).toEqual([]);
    expect(result.coverage?.open).toBe(true);
    expect(result.coverage?.updates.map((u) => [u.id, u.time.machine, u.time.time, u.title ?? null, u.scheduled])).toEqual([
      ["update-20261201-1140", "2026-12-01T11:40:00+00:00", "11:40", "Peak expected", false],
      ["update-20261201-0850", "2026-12-01T08:50:00+00:00", "08:50", null, false],
      ["update-20261201-0645", "2026-12-01T06:45:00+00:00", "06:45", null, false],
    ]);
    expect(result.newest?.iso).toBe("2026-12-01T11:40:00+00:00");
  });

  it("holds back an update timed after the build in production, and shows it marked in the preview", () => {
    const updates = [update("2026-12-01 13:10", 20), update("2026-12-01 08:50", 14)];
    const published = coverage(updates);
    expect(published.coverage?.updates.map((u) => u.id)).toEqual(["update-20261201-0850"]);
    expect(published.newest?.iso).toBe("2026-12-01T08:50:00+00:00");
    const preview = coverage(updates, { mode: "preview" });
    expect(preview.coverage?.updates.map((u) => [u.id, u.scheduled])).toEqual([
      ["update-20261201-1310", true],
      ["update-20261201-0850", false],
    ]);
    // A scheduled update is not yet when the page changed, even in the preview.
    expect(preview.newest?.iso).toBe("2026-12-01T08:50:00+00:00");
  });

  it("is open until `ended` has passed, and says when it ended", () => {
    const ended = at("2026-12-01 18:00");
    expect(coverage([], { ended }).coverage).toMatchObject({ open: true, ended: { time: "18:00" }, updates: [] });
    expect(coverage([], { ended, now: ended.epochMs }).coverage?.open).toBe(false);
  });

  it("reports an update out of order, before `date`, after `ended` or without a real time, each on its line", () => {
    const result = coverage(
      [
        update("2026-12-01 08:50", 10),
        update("2026-12-01 09:30", 14),
        update("2026-12-01 05:00", 18),
        update("2026-12-01 19:00", 22),
        update("2026-12-01", 26),
        update("2026-12-01 25:00", 30),
        update("yesterday", 34),
      ],
      { ended: at("2026-12-01 18:00"), endedLine: 4 },
    );
    expect(problems(result)).toEqual([
      ["site/live-update-order", 14, "error"],
      ["site/live-update-early", 18, "error"],
      ["site/live-update-late", 22, "error"],
      ["site/live-update-time", 26, "error"],
      ["site/live-update-time", 30, "error"],
      ["site/live-update-time", 34, "error"],
    ]);
    expect(result.diagnostics[0]?.message).toContain("later than the one above it (line 10)");
    expect(result.diagnostics[2]?.message).toContain("after `ended` (line 4)");
    expect(result.diagnostics[3]?.message).toContain("no time of day");
  });

  it("gives two updates in one minute, or an update whose anchor a heading took, distinct anchors", () => {
    const result = coverage([update("2026-12-01 08:50", 10), update("2026-12-01 08:50", 14)], { takenIds: ["update-20261201-0850"] });
    expect(result.diagnostics).toEqual([]);
    expect(result.coverage?.updates.map((u) => u.id)).toEqual(["update-20261201-0850-2", "update-20261201-0850-3"]);
  });

  it("reports ::update lines in an article that is not a live page", () => {
    const result = coverage([update("2026-12-01 08:50", 10), update("2026-12-01 07:00", 14)], { live: false });
    expect(result.coverage).toBeUndefined();
    expect(problems(result)).toEqual([["site/live-not-live", 10, "error"]]);
    expect(result.diagnostics[0]?.message).toContain("2 ::update lines");
  });
});

describe("openingWords", () => {
  it("keeps a short opening whole and cuts a long one at a word, without a dangling comma", () => {
    expect(openingWords("Mill Lane is closed.")).toBe("Mill Lane is closed.");
    expect(openingWords("one two three four five six seven eight nine ten eleven, twelve thirteen")).toBe("one two three four five six seven eight nine ten eleven, twelve…");
    expect(openingWords("one two three, four", 3)).toBe("one two three…");
    expect(openingWords("  ")).toBe("");
  });
});

describe("updateId and updateInstants", () => {
  it("names an update by its minute in the site's zone, and lists the instants of the times that can be read", () => {
    expect(updateId(at("2026-07-01 14:05"))).toBe("update-20260701-1405");
    expect(updateInstants([update("2026-12-01 08:50", 1), update("soon", 2)], "Europe/London")).toEqual([Date.UTC(2026, 11, 1, 8, 50)]);
  });
});
