import { describe, expect, it } from "vitest";
import { isUpdateDirective, parseUpdateDirective } from "../../src/live/update-directive.ts";

describe("parseUpdateDirective", () => {
  it("reads the time and the optional headline, in either quotes", () => {
    expect(parseUpdateDirective('::update{time="2026-12-01 08:50" title="Rest centre opens"}')).toEqual({
      ok: true,
      directive: { time: "2026-12-01 08:50", title: "Rest centre opens" },
    });
    expect(parseUpdateDirective("::update{time='2026-12-01T08:50:00+01:00'}")).toEqual({ ok: true, directive: { time: "2026-12-01T08:50:00+01:00" } });
  });

  it("reads key=\"true\" as a key event, and key=\"false\" as none", () => {
    expect(parseUpdateDirective('::update{time="2026-12-01 08:50" title="Rest centre opens" key="true"}')).toEqual({
      ok: true,
      directive: { time: "2026-12-01 08:50", title: "Rest centre opens", key: true },
    });
    expect(parseUpdateDirective('::update{time="2026-12-01 08:50" key="false"}')).toEqual({ ok: true, directive: { time: "2026-12-01 08:50" } });
  });

  it.each(["yes", "TRUE", "1"])("refuses key=%j and says which words it takes", (value) => {
    const parsed = parseUpdateDirective(`::update{time="2026-12-01 08:50" key="${value}"}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.message).toContain(`can only be "true" or "false"`);
      expect(parsed.problem.fix).toContain('key="true"');
    }
  });

  it.each([
    ['::update{title="No time"}', "has no `time`"],
    ['::update{time=""}', "`time` is empty"],
    ['::update{time="2026-12-01 08:50" by="Owen"}', "attribute `by`"],
    ['::update{time="2026-12-01 08:50" time="2026-12-01 09:00"}', "`time` twice"],
    ['::update{time="2026-12-01 08:50}', 'not name="value" pairs'],
    ["::update time=08:50", "is not of the form ::update{"],
  ])("refuses %s with a message an editor can act on", (line, message) => {
    const parsed = parseUpdateDirective(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.message).toContain(message);
      expect(parsed.problem.fix).toMatch(/::update\{time=|Keep one `time`/);
    }
  });

  it("knows an update line from ordinary text", () => {
    expect(isUpdateDirective('  ::update{time="x"}')).toBe(true);
    expect(isUpdateDirective("An ::update in a sentence")).toBe(false);
    expect(isUpdateDirective('::embed{url="x"}')).toBe(false);
  });
});
