import { describe, expect, it } from "vitest";
import { check } from "../../src/check.ts";
import { siteLanguages } from "../../src/i18n/site-languages.ts";
import { isUntranslated } from "../../src/model/entry-languages.ts";
import { copyFixture, writeFiles } from "../support/fixture-site.ts";

// The bilingual fixture (English and Welsh) checked a few days after its newest story.
const NOW = Date.UTC(2026, 10, 21, 12);

describe("a language nobody translated (the empty flood.cy.md the web editor writes)", () => {
  const languages = siteLanguages("en-GB", [{ code: "cy" }]);

  it("is an empty article or page file named as a further language's, nothing else", () => {
    expect(isUntranslated({ kind: "article", file: "content/articles/2026/ferry.cy.md", source: "\n" }, languages)).toBe(true);
    expect(isUntranslated({ kind: "page", file: "content/pages/about.cy.md", source: "\uFEFF \n" }, languages)).toBe(true);
    // The main language's file, a file of no language, a file with words, an author: read as always.
    expect(isUntranslated({ kind: "article", file: "content/articles/2026/ferry.en-gb.md", source: "\n" }, languages)).toBe(false);
    expect(isUntranslated({ kind: "article", file: "content/articles/2026/ferry.md", source: "" }, languages)).toBe(false);
    expect(
      isUntranslated({ kind: "article", file: "content/articles/2026/ferry.cy.md", source: "---\ntitle: Fferi\n---\n" }, languages),
    ).toBe(false);
    expect(isUntranslated({ kind: "author", file: "content/authors/priya-raman.cy.md", source: "" }, languages)).toBe(false);
    // A site of one language reads no language from names.
    expect(isUntranslated({ kind: "article", file: "content/articles/2026/ferry.cy.md", source: "" }, siteLanguages("en-GB"))).toBe(false);
  });

  it("is left out of the site without a word; an empty file in the main language is still refused", () => {
    const root = copyFixture("bilingual");
    writeFiles(root, { "content/articles/2026/ferry.cy.md": "\n", "content/pages/about-us.cy.md": "" });
    const checked = check({ root, now: NOW });
    expect(checked.diagnostics.filter((d) => d.file.endsWith(".cy.md"))).toEqual([]);
    expect(checked.ok).toBe(true);
    writeFiles(root, { "content/articles/2026/ferry.en-gb.md": "\n" });
    expect(
      check({ root, now: NOW })
        .diagnostics.filter((d) => d.severity === "error")
        .map((d) => [d.code, d.file]),
    ).toEqual([["front-matter/missing", "content/articles/2026/ferry.en-gb.md"]]);
  });
});
