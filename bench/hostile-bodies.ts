/** A table of election results with `rows` body rows of 4 cells (about 40 bytes a row). */
export function resultsTable(rows: number): string {
  const lines = ["| Ward | Votes | Share | Party |", "|---|--:|--:|---|"];
  for (let row = 0; row < rows; row++) lines.push(`| Ward ${row} | ${(row * 7919) % 100_000} | ${(row % 1000) / 10}% | Party ${row % 7} |`);
  return lines.join("\n");
}

/**
 * The hostile article bodies of issue 25's review (items 10 and 12), each behind two ordinary
 * paragraphs (body lines 1–4), for the tests and `npm run bench -- --hostile`. Before the scan
 * the first two ran past 120 s, the third took 40 s and the table 90 s and 4.4 GB.
 */
export const HOSTILE_BODIES = (() => {
  const intro = "An introduction.\n\nA second paragraph.\n\n";
  const indented = Array.from({ length: 2_000 }, (_, level) => `${" ".repeat(2 * level)}- level ${level}`).join("\n");
  return {
    "50,000 list markers on one line": `${intro}${"- ".repeat(50_000)}deep`,
    "2,000 indented list levels": `${intro}${indented}`,
    "*_ × 20,000": `${intro}${"*_".repeat(20_000)}`,
    "20,000 > quote marks": `${intro}${"> ".repeat(20_000)}deep`,
    "16,000 unmatched _ in one paragraph": `${intro}${"word_ ".repeat(16_000)}`,
    "4.3 MB table of 444,000 cells": `${intro}${resultsTable(111_000)}`,
  };
})();
