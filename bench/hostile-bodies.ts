/**
 * The hostile article bodies of issue 25's review (item 10), each behind two ordinary paragraphs
 * (body lines 1–4), for the tests and `npm run bench -- --hostile`. Before the nesting scan the
 * first two ran past 120 s and the third took 40 s.
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
  };
})();
