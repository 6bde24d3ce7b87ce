import { describe, expect, it } from "vitest";
import { chooseByline } from "../src/new-byline.ts";
import { BYLINE_PLACEHOLDER } from "../src/checks/check-bylines.ts";

const authors = [
  { name: "Priya Raman", aliases: ["P. Raman"] },
  { name: "Owen Halloran", aliases: [] },
];

describe("chooseByline", () => {
  it("uses the names given with --byline, whatever git says", () => {
    expect(chooseByline({ given: ["Sam Ortiz"], gitName: "Priya Raman", authors })).toEqual({ bylines: ["Sam Ortiz"], source: "option" });
  });

  it("uses the editor's git name when it matches an author, spelt as the author file spells it", () => {
    expect(chooseByline({ given: [], gitName: "owen halloran", authors })).toEqual({ bylines: ["Owen Halloran"], source: "git" });
    expect(chooseByline({ given: [], gitName: "P. Raman", authors })).toEqual({ bylines: ["Priya Raman"], source: "git" });
  });

  it("writes the placeholder when git has no name or one that matches no author (a login must not become a byline)", () => {
    for (const gitName of [undefined, "", "pr-laptop", "Priya"]) {
      expect(chooseByline({ given: [], gitName, authors }), String(gitName)).toEqual({ bylines: [BYLINE_PLACEHOLDER], source: "placeholder" });
    }
    expect(chooseByline({ given: [], gitName: "Priya Raman", authors: [] }).source).toBe("placeholder");
  });
});
