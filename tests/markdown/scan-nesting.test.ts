import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_BODIES, resultsTable } from "../../bench/hostile-bodies.ts";
import { parseFrontMatter } from "../../src/content/front-matter.ts";
import { renderMarkdown } from "../../src/render/render-markdown.ts";
import { MAX_DELIMITER_RUN, MAX_DELIMITERS_PER_PARAGRAPH, MAX_NESTING, MAX_TABLE_CELLS, scanNesting } from "../../src/markdown/scan-nesting.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const hostile = HOSTILE_BODIES;

describe("scanNesting", () => {
  it("stops 50,000 list markers on one line at that line", () => {
    expect(scanNesting(hostile["50,000 list markers on one line"])).toMatchObject({ rule: "too-deep", line: 5, column: 1 });
    expect(scanNesting(hostile["50,000 list markers on one line"])?.message).toContain("nested 50,000 levels deep");
  });

  it("stops 2,000 indented list levels at the first line past the limit", () => {
    // Line 5 + n is the list item at level n: n markers' worth of indentation (2 columns each) and its own marker.
    expect(scanNesting(hostile["2,000 indented list levels"])).toMatchObject({ rule: "too-deep", line: 5 + MAX_NESTING, column: 1 });
  });

  it("stops a run of *_ × 20,000 at its line and column", () => {
    expect(scanNesting(hostile["*_ × 20,000"])).toMatchObject({ rule: "emphasis-run", line: 5, column: 1 });
    expect(scanNesting(`Text.\n\nSome words ${"*_".repeat(40)}`)).toMatchObject({ rule: "emphasis-run", line: 3, column: 12 });
  });

  it("stops deep > quotes, also when spread over lines", () => {
    expect(scanNesting(hostile["20,000 > quote marks"])).toMatchObject({ rule: "too-deep", line: 5 });
    expect(scanNesting(Array.from({ length: 40 }, (_, depth) => `${">".repeat(depth + 1)} text`).join("\n"))).toMatchObject({ rule: "too-deep", line: MAX_NESTING + 1 });
  });

  it("stops a paragraph with thousands of _ or * at the line it starts on", () => {
    expect(scanNesting(hostile["16,000 unmatched _ in one paragraph"])).toMatchObject({ rule: "emphasis-run", line: 5, column: 1 });
    // Bullets start paragraphs of their own; an ordered item numbered 2 does not, so it is counted with the one above.
    const list = Array.from({ length: 2_000 }, () => "- a_b").join("\n");
    expect(scanNesting(list)).toBeUndefined();
    expect(scanNesting(`Text\n${Array.from({ length: 2_000 }, () => "2. a_b").join("\n")}`)).toMatchObject({ line: 1 });
  });

  it("counts a table's rows one by one, and a paragraph that only looks like a table as one", () => {
    const rows = Array.from({ length: 3_000 }, (_, row) => `| snake_case_${row} | *${row}* |`).join("\n");
    expect(scanNesting(`| name | value |\n|---|--:|\n${rows}`)).toBeUndefined();
    // Three header cells, two in the delimiter row: GFM makes a paragraph of it.
    expect(scanNesting(`| a | b | c |\n|---|---|\n${rows}`)).toMatchObject({ rule: "emphasis-run", line: 1 });
  });

  it("refuses a 4.3 MB table at the line it starts on, with its size (reviewer item 12)", () => {
    expect(scanNesting(HOSTILE_BODIES["4.3 MB table of 444,000 cells"])).toEqual({
      rule: "table-too-large",
      line: 5,
      column: 1,
      message: "the table starting on this line has 444,004 cells (111,001 rows of 4 columns); the limit is 20,000",
      fix: "Publish the full data as a file the article links to (a spreadsheet or CSV), and keep in the article the rows readers need, at most 20,000 cells (2,000 rows of 10 columns).",
    });
  });

  it("allows a table of up to 20,000 cells, counting short rows as long as the header", () => {
    expect(scanNesting(`Intro.\n\n${resultsTable(MAX_TABLE_CELLS / 4 - 1)}\n\nAfter.`)).toBeUndefined();
    expect(scanNesting(`Intro.\n\n${resultsTable(MAX_TABLE_CELLS / 4)}\n\nAfter.`)).toMatchObject({ rule: "table-too-large", line: 3 });
    const short = `| a | b | c | d |\n|---|---|---|---|\n${"| x |\n".repeat(MAX_TABLE_CELLS / 4)}`;
    expect(scanNesting(short)).toMatchObject({ rule: "table-too-large", line: 1 });
  });

  it("allows what real articles have: nested lists, quotes, rules, emphasis, blanks to fill in", () => {
    const article = [
      "## What we know",
      "",
      "***Breaking:*** the **council** voted _9–4_ for ~~the old~~ the new plan.",
      "",
      "- one",
      "  - two",
      "    - three",
      "      1. four",
      "",
      "> > > A quote in a quote in a quote.",
      "",
      "* * *",
      "",
      "________________________________________________________________________",
      "",
      "Name: ______________________ Date: __________",
      "",
      "\t- tabbed",
    ].join("\n");
    expect(scanNesting(article)).toBeUndefined();
    expect(scanNesting("")).toBeUndefined();
    expect(scanNesting("\n\n\r\n")).toBeUndefined();
  });

  it("reports nothing for any random mix of plausible article constructs", () => {
    const block = fc.constantFrom(
      "Plain text with words.",
      "A sentence with **bold**, _italic_, ***both*** and ~~struck~~ words.",
      "snake_case_name and file_name.txt and 2 * 3 * 4",
      "## A subhead",
      "### A smaller one",
      "> A quote.",
      "> > A quote in a quote.",
      "- an item",
      "  - a nested item",
      "    - deeper",
      "1. first",
      "2. second",
      "   1. nested number",
      "* * *",
      "---",
      "| a | b |\n|---|---|\n| 1 | *2* |",
      "```\ncode_with_underscores = a * b\n```",
      "[a link](https://example.org/a_b_c)",
      "![A map](images/map_2026.png)",
      "Signed: ____________________",
      '::update{time="2026-12-01 08:50" title="Road *closed*"}',
      "",
    );
    // Blocks end with a line break or an empty line, so paragraphs, lists and quotes run on into each other too.
    const article = fc.array(fc.tuple(block, fc.constantFrom("\n", "\n\n")), { maxLength: 60 }).map((blocks) => blocks.map(([text, end]) => text + end).join(""));
    fc.assert(
      fc.property(article, (source) => {
        expect(scanNesting(source)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("reports nothing for any article, page or byline in content/", () => {
    const files = readdirSync(path.join(REPOSITORY, "content"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const parsed = parseFrontMatter(readFileSync(path.join(REPOSITORY, "content", file), "utf8"), file);
      expect(parsed.ok, file).toBe(true);
      if (parsed.ok) expect(scanNesting(parsed.value.body), file).toBeUndefined();
    }
  });

  it("names limits that stay far above real articles", () => {
    expect(MAX_NESTING).toBeGreaterThanOrEqual(16);
    expect(MAX_DELIMITER_RUN).toBeGreaterThanOrEqual(32);
    expect(MAX_DELIMITERS_PER_PARAGRAPH).toBeGreaterThanOrEqual(500);
    expect(MAX_TABLE_CELLS).toBeGreaterThanOrEqual(10_000);
  });
});

describe("renderMarkdown on the reviewer's hostile bodies (issue 25, items 10 and 12)", () => {
  it.each(Object.entries(hostile))("refuses %s with one error on its file line, publishing nothing", (_, body) => {
    const result = renderMarkdown(body, { file: "content/articles/2026/deep.md", bodyLine: 7 });
    expect(result.parts).toEqual([""]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: "error", file: "content/articles/2026/deep.md", code: expect.stringMatching(/^markdown\/(too-deep|emphasis-run|table-too-large)$/) });
    expect(result.diagnostics[0]?.line).toBe((scanNesting(body)?.line ?? 0) + 6);
    expect(result.diagnostics[0]?.fix).toBeTruthy();
  });
});
