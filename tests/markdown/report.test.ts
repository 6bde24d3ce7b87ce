import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { quote, report } from "../../src/markdown/report.ts";

describe("report", () => {
  it("adds a vfile message with the node's place, the rule, the fix and the severity", () => {
    const file = new VFile();
    const node = { type: "text", position: { start: { line: 3, column: 2 }, end: { line: 3, column: 9 } } };
    report(file, node, { severity: "error", rule: "image-alt", message: "the image has no alt text", fix: "Describe it." });
    report(file, undefined, { severity: "warning", rule: "donate-marker", message: "ignored", fix: "Move it." });
    expect(
      file.messages.map((m) => ({
        line: m.line,
        column: m.column,
        source: m.source,
        ruleId: m.ruleId,
        fatal: m.fatal,
        note: m.note,
        reason: m.reason,
      })),
    ).toEqual([
      {
        line: 3,
        column: 2,
        source: "markdown",
        ruleId: "image-alt",
        fatal: true,
        note: "Describe it.",
        reason: "the image has no alt text",
      },
      {
        line: undefined,
        column: undefined,
        source: "markdown",
        ruleId: "donate-marker",
        fatal: false,
        note: "Move it.",
        reason: "ignored",
      },
    ]);
  });
});

describe("quote", () => {
  it("quotes a value and cuts a long one short", () => {
    expect(quote("/a.jpg")).toBe("“/a.jpg”");
    expect(quote("x".repeat(100), 5)).toBe("“xxxxx…”");
  });
});
