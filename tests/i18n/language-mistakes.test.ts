import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { check } from "../../src/check.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

// The mistakes an editor can make with a site in several languages, each reported like every other
// problem: its code, severity, file, line and field, a message naming the field and the value, and a
// fix. Each case starts from the English and Welsh fixture (tests/fixtures/sites/bilingual).
const NOW = Date.UTC(2026, 10, 21, 12);
const CONFIG = "tidings.config.yml";
const ARTICLES = "content/articles/2026";

/** A copy of the bilingual fixture with its config edited and files written. */
function site(files: Record<string, string> = {}, editConfig: (text: string) => string = (text) => text): string {
  const root = copyFixture("bilingual");
  const config = path.join(root, CONFIG);
  writeFileSync(config, editConfig(readFileSync(config, "utf8")));
  writeFiles(root, files);
  return root;
}

/** Another entry at the end of `languages` (the list is the last but one block of the fixture's config). */
const addLanguage = (entry: string) => (text: string) =>
  text.replace("\ndonation:\n  heading: Keep", `\n  - ${entry}\ndonation:\n  heading: Keep`);

/** The 1-based lines of a file's text that are exactly `line`. */
function linesOf(root: string, file: string, line: string): number[] {
  const lines = readFileSync(path.join(root, file), "utf8").split("\n");
  const found = lines.flatMap((text, index) => (text === line ? [index + 1] : []));
  if (found.length === 0) throw new Error(`no line ${JSON.stringify(line)} in ${file}`);
  return found;
}

/** The 1-based line of a file's text that is exactly `line` (the first, if several are). */
const lineOf = (root: string, file: string, line: string): number => linesOf(root, file, line)[0] ?? 0;

/** Every problem but the fixture's own warning that most Welsh messages are still in English. */
function problems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code !== "messages/in-english");
}

function checked(root: string, mode: "production" | "preview" = "production") {
  const result = check({ root, now: NOW, mode });
  return { ok: result.ok, problems: problems(result.diagnostics) };
}

function article(title: string, fields: string, date = "2026-11-19 12:00"): string {
  return `---\ntitle: ${title}\ndate: ${date}\nbyline: Priya Raman\n${fields}---\nTestun.\n`;
}

/** Every file under a folder with its bytes, to compare outputs. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = readFileSync(file).toString("base64");
  }
  return files;
}

function alternates($: CheerioAPI): Record<string, string> {
  return Object.fromEntries(
    $('link[rel="alternate"][hreflang]')
      .map((_, link) => [[$(link).attr("hreflang") ?? "", $(link).attr("href") ?? ""]])
      .get(),
  );
}

describe("language mistakes in tidings.config.yml", () => {
  it.each([
    { value: "Welsh", fix: "Write cy, the language's tag, rather than its name." },
    { value: "cy_GB", fix: "Write cy-GB: a language tag joins its parts with hyphens." },
    { value: "Cymraeg", fix: "Write cy, the language's tag, rather than its name." },
  ])("refuses a further language's code $value that is not a language tag, at its line, with the tag it meant", ({ value, fix }) => {
    const root = site({}, (text) => text.replace("  - code: cy\n", `  - code: ${value}\n`));
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "config/languages",
        file: CONFIG,
        line: lineOf(root, CONFIG, `  - code: ${value}`),
        field: "languages[1].code",
        message: `\`languages[1].code\` must be a language tag such as en, en-GB, cy or pt-BR, got "${value}"`,
        fix,
      },
    ]);
  });

  it("refuses a main language written as its name, at its line, with its tag", () => {
    const root = site({}, (text) => text.replace("language: en-GB\n", "language: English\n"));
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "config/language",
        file: CONFIG,
        line: lineOf(root, CONFIG, "language: English"),
        field: "language",
        message: '`language` must be a language tag such as en, en-GB, cy or pt-BR, got "English"',
        fix: "Write en, the language's tag, rather than its name.",
      },
    ]);
  });

  it("refuses a code that is no tag and names nothing with an example of one", () => {
    const root = site({}, (text) => text.replace("  - code: cy\n", "  - code: Llusern\n"));
    const [problem] = checked(root).problems;
    expect(problem).toMatchObject({ code: "config/languages", field: "languages[1].code", fix: "Write it like `code: cy`." });
  });

  it("refuses a language listed twice, at the second entry's line", () => {
    const root = site({}, addLanguage("code: CY"));
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "config/languages",
        file: CONFIG,
        line: lineOf(root, CONFIG, "  - code: CY"),
        field: "languages[2].code",
        message: "`languages[2].code` is CY, which is listed twice",
        fix: "Remove this entry, or merge it into the first one for CY.",
      },
    ]);
  });

  it("refuses the main language listed again among the further ones, whatever its case", () => {
    const root = site({}, addLanguage("{ code: en-gb, name: English }"));
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "config/languages",
        file: CONFIG,
        line: lineOf(root, CONFIG, "  - { code: en-gb, name: English }"),
        field: "languages[2].code",
        message: "`languages[2].code` is en-gb, the site's main language (`language: en-GB`), which is published at / already",
        fix: "Remove this entry: `languages` lists only the further languages.",
      },
    ]);
  });

  it("reports every language mistake of the config at once, each once: a code that is no tag is not also 'listed twice'", () => {
    const root = site({}, (text) =>
      addLanguage("code: Welsh")(
        addLanguage("code: cy")(text.replace("language: en-GB\n", "language: English\n").replace("  - code: cy\n", "  - code: Welsh\n")),
      ),
    );
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.severity, problem.code, problem.line, problem.field])).toEqual([
      ["error", "config/language", lineOf(root, CONFIG, "language: English"), "language"],
      ["error", "config/languages", lineOf(root, CONFIG, "  - code: Welsh"), "languages[1].code"],
      ["error", "config/languages", linesOf(root, CONFIG, "  - code: Welsh")[1], "languages[3].code"],
    ]);
    // The second `cy` is not a repeat: the first entry, Welsh, was never a language.
    expect(result.problems.map((problem) => problem.message).join("\n")).not.toContain("listed twice");
  });
});

describe("language mistakes in front matter", () => {
  it("refuses an article in a language the site does not publish in, at the line of `language`", () => {
    const root = site({ [`${ARTICLES}/bonjour.md`]: article("Bonjour", "language: fr\n") });
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "front-matter/language",
        file: `${ARTICLES}/bonjour.md`,
        line: 5,
        field: "language",
        message: "`language` is fr, which is not one of the site's languages (en-GB, cy)",
        fix: "Write one of en-GB, cy, or add fr to `languages` in tidings.config.yml.",
      },
    ]);
  });

  it.each([
    { value: "Welsh", fix: "Write `language: cy`: a language is written as its tag (the site's are en-GB, cy)." },
    { value: "cy_GB", fix: "Write `language: cy`: a language is written as its tag (the site's are en-GB, cy)." },
    { value: "French", fix: 'Write one of en-GB, cy, or add fr (the tag for "French") to `languages` in tidings.config.yml.' },
    { value: "Klingonese", fix: "Write one of en-GB, cy, or add the language to `languages` in tidings.config.yml." },
  ])("refuses an article whose `language` is $value, not a tag, with the tag it meant", ({ value, fix }) => {
    const root = site({ [`${ARTICLES}/wrong.md`]: article("Anghywir", `language: ${value}\n`) });
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "front-matter/language",
        file: `${ARTICLES}/wrong.md`,
        line: 5,
        field: "language",
        message: `\`language\` is "${value}", which is not a language tag`,
        fix,
      },
    ]);
  });

  it("refuses a page in a language the site does not publish in", () => {
    const root = site({ "content/pages/contact.md": "---\ntitle: Contact\nlanguage: de\n---\nSchreiben Sie uns.\n" });
    expect(checked(root).problems).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "front-matter/language",
        file: "content/pages/contact.md",
        line: 3,
        field: "language",
      }),
    ]);
  });
});

describe("translations that clash", () => {
  it("refuses two Welsh articles sharing a translationKey, at the second one's `translationKey`", () => {
    // cyllideb.md is the fixture's Welsh version of "council-budget"; toriadau.md claims the key too.
    const root = site({
      [`${ARTICLES}/toriadau.md`]: article("Toriadau", "language: cy\ntranslationKey: council-budget\n", "2026-11-16 10:00"),
    });
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "site/translation-twice",
        file: `${ARTICLES}/toriadau.md`,
        line: 6,
        field: "translationKey",
        message: `this article and ${ARTICLES}/cyllideb.md are both the cy version of "council-budget": a language has one version of each article`,
        fix: "Change `translationKey` to the key of the article this one translates, or remove it if this article is a story of its own.",
      },
    ]);
  });

  it("reports the file that claims the key with `translationKey`, whichever sorts first", () => {
    // a-flood-wall.md claims the key of flood-wall.cy.md (Welsh by its name alone) and sorts before it: it is still the one reported.
    const root = site({
      [`${ARTICLES}/a-flood-wall.md`]: article("Y wal eto", `language: cy\ntranslationKey: ${ARTICLES}/flood-wall\n`, "2026-11-16 10:00"),
    });
    expect(checked(root).problems).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "site/translation-twice",
        file: `${ARTICLES}/a-flood-wall.md`,
        line: 6,
        field: "translationKey",
      }),
    ]);
  });

  it("refuses a file named as a Welsh version beside one saying `language: cy` of the same name, at the line of `language`", () => {
    const root = site({ [`${ARTICLES}/eisteddfod.cy.md`]: article("Yr Eisteddfod", "") });
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((problem) => problem.code === "site/translation-twice")).toEqual([
      {
        severity: "error",
        code: "site/translation-twice",
        file: `${ARTICLES}/eisteddfod.md`,
        line: 6,
        field: "language",
        message: `this article and ${ARTICLES}/eisteddfod.cy.md are both the cy version of "${ARTICLES}/eisteddfod": a language has one version of each article`,
        fix: "Keep one cy version: remove one of the two files, or correct `language`.",
      },
    ]);
  });

  it("refuses two Welsh pages sharing a key", () => {
    const root = site({
      "content/pages/amdanom.md": "---\ntitle: Amdanom\nlanguage: cy\ntranslationKey: content/pages/about\n---\nTestun.\n",
    });
    expect(checked(root).problems).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "site/translation-twice",
        file: "content/pages/amdanom.md",
        line: 4,
        field: "translationKey",
        message:
          'this page and content/pages/about.cy.md are both the cy version of "content/pages/about": a language has one version of each page',
      }),
    ]);
  });

  it("never lets a Welsh draft sharing a published version's key stop a production build, whichever file sorts first", () => {
    // A draft of a new Welsh version of the budget story, beside the published one (cyllideb.md).
    for (const name of ["cyllideb-drafft.md", "zz-cyllideb.md"]) {
      const root = site({
        [`${ARTICLES}/${name}`]: article(
          "Cyllideb newydd",
          "language: cy\ntranslationKey: council-budget\ndraft: true\n",
          "2026-11-16 10:00",
        ),
      });
      const production = checked(root);
      expect(production.ok, name).toBe(true);
      expect(production.problems, name).toEqual([
        expect.objectContaining({
          severity: "warning",
          code: "site/translation-twice",
          file: `${ARTICLES}/${name}`,
          line: 6,
          field: "translationKey",
        }),
      ]);
      // The preview shows drafts, so there the clash is an error, on the draft.
      const preview = checked(root, "preview");
      expect(preview.ok, name).toBe(false);
      expect(preview.problems, name).toEqual([
        expect.objectContaining({ severity: "error", code: "site/translation-twice", file: `${ARTICLES}/${name}` }),
      ]);
    }
  });
});

describe("translations without a published original (warnings: the translation is published)", () => {
  let root: string;
  let result: BuildResult;
  const page = (sitePath: string) => readPage(result.outputDir, sitePath);

  beforeAll(async () => {
    root = site({
      // Originals that are drafts: one found by the file name, one by translationKey (cyllideb.md).
      [`${ARTICLES}/ferry.md`]: article("The ferry returns for the summer", "draft: true\n", "2026-11-18 08:00"),
      [`${ARTICLES}/ferry.cy.md`]: article("Y fferi yn dychwelyd", "", "2026-11-18 08:00"),
      [`${ARTICLES}/budget.md`]: article(
        "What the council's budget means for you",
        "translationKey: council-budget\ndraft: true\n",
        "2026-11-15 10:00",
      ),
      // Translations with no original at all: one by the file name, one by translationKey.
      [`${ARTICLES}/bridge.cy.md`]: article("Y bont newydd", "", "2026-11-17 08:00"),
      [`${ARTICLES}/lost.md`]: article("Y llyfrgell", "language: cy\ntranslationKey: library-closure\n", "2026-11-16 08:00"),
      // Each language's own words: Welsh pages read cy.yml, English pages en.yml (nested names, as editors also write them).
      "content/messages/cy.yml": "nav.languages: Ieithoedd\nnav.skip: Neidio i'r stori\nfooter:\n  search: Chwilio'r safle\n",
      "content/messages/en.yml": "nav:\n  skip: Skip to the story\n",
    });
    result = await build({ root, now: NOW });
  }, 120_000);

  it("warns, with the line of `translationKey` where there is one", () => {
    expect(result.ok).toBe(true);
    expect(problems(result.diagnostics)).toEqual([
      {
        severity: "warning",
        code: "site/translation-original",
        file: `${ARTICLES}/bridge.cy.md`,
        message: `this translation (its name ends .cy.md) has no original in en-GB (English): there is no ${ARTICLES}/bridge.md`,
        fix: `It is published all the same. Add the original as ${ARTICLES}/bridge.md, or give this article the \`translationKey\` of its original.`,
      },
      {
        severity: "warning",
        code: "site/translation-original",
        file: `${ARTICLES}/cyllideb.md`,
        line: 7,
        field: "translationKey",
        message: `this translation's original, ${ARTICLES}/budget.md, is a draft`,
        fix: "It is published all the same, without a link to the original until the original is published. Publish the original, or make this a draft too.",
      },
      {
        severity: "warning",
        code: "site/translation-original",
        file: `${ARTICLES}/ferry.cy.md`,
        message: `this translation's original, ${ARTICLES}/ferry.md, is a draft`,
        fix: "It is published all the same, without a link to the original until the original is published. Publish the original, or make this a draft too.",
      },
      {
        severity: "warning",
        code: "site/translation-original",
        file: `${ARTICLES}/lost.md`,
        line: 6,
        field: "translationKey",
        message: "this translation has no original in en-GB (English): no article in en-GB has `translationKey: library-closure`",
        fix: "It is published all the same. Correct `translationKey` to the key of the article it translates, or give the original `translationKey: library-closure`.",
      },
    ]);
  });

  it("publishes each translation, linked to no draft", () => {
    for (const sitePath of ["/cy/2026/11/18/ferry/", "/cy/2026/11/15/cyllideb/", "/cy/2026/11/17/bridge/", "/cy/2026/11/16/lost/"]) {
      expect(existsSync(path.join(result.outputDir, sitePath, "index.html")), sitePath).toBe(true);
      expect(alternates(page(sitePath)), sitePath).toEqual({});
    }
    expect(existsSync(path.join(result.outputDir, "2026/11/18/ferry"))).toBe(false);
    expect(existsSync(path.join(result.outputDir, "2026/11/15/budget"))).toBe(false);
  });

  it("gives each language's pages the words of its own messages file", () => {
    for (const sitePath of ["/cy/", "/cy/2026/11/18/ferry/", "/cy/about/"]) {
      const $ = page(sitePath);
      expect($(".skip-link").text(), sitePath).toBe("Neidio i'r stori");
      expect($(".footer-links a").first().text(), sitePath).toBe("Chwilio'r safle");
    }
    for (const sitePath of ["/", "/2026/11/20/flood-wall/", "/about/"]) {
      const $ = page(sitePath);
      expect($(".skip-link").text(), sitePath).toBe("Skip to the story");
      expect($(".footer-links a").first().text(), sitePath).toBe("Search");
    }
  });
});

describe("message overrides of a further language", () => {
  it("reports a name in content/messages/cy.yml that Tidings does not have, with a did-you-mean", () => {
    const root = site({ "content/messages/cy.yml": "nav.languages: Ieithoedd\nnav.skipp: Neidio i'r cynnwys\nfooter.search: Chwilio\n" });
    const result = checked(root);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: "error",
        code: "messages/unknown",
        file: "content/messages/cy.yml",
        line: 2,
        field: "nav.skipp",
        message: 'there is no message named "nav.skipp" (did you mean "nav.skip"?)',
        fix: 'Rename it to "nav.skip".',
      },
    ]);
  });

  it("reports each language's file once, under its own name", () => {
    const root = site({
      "content/messages/cy.yml": "nav.languages: Ieithoedd\nfooter.serch: Chwilio\n",
      "content/messages/en.yml": "nav.skip: Skip to the story\nnav.langauges: Languages\n",
    });
    expect(checked(root).problems.map((problem) => [problem.code, problem.file, problem.line, problem.fix])).toEqual([
      ["messages/unknown", "content/messages/cy.yml", 2, 'Rename it to "footer.search".'],
      ["messages/unknown", "content/messages/en.yml", 2, 'Rename it to "nav.languages".'],
    ]);
  });
});

describe("several language mistakes in one build", () => {
  it("reports every one, fails, and leaves the previous output untouched", async () => {
    const root = site();
    const first = await build({ root, now: NOW });
    expect(first.ok).toBe(true);
    const before = snapshot(first.outputDir);

    writeFiles(root, {
      [`${ARTICLES}/bonjour.md`]: article("Bonjour", "language: fr\n"),
      [`${ARTICLES}/wrong.md`]: article("Anghywir", "language: Welsh\n"),
      [`${ARTICLES}/toriadau.md`]: article("Toriadau", "language: cy\ntranslationKey: council-budget\n", "2026-11-16 10:00"),
      [`${ARTICLES}/bridge.cy.md`]: article("Y bont newydd", "", "2026-11-17 08:00"),
      [`${ARTICLES}/ferry.md`]: article("The ferry returns for the summer", "draft: true\n", "2026-11-18 08:00"),
      [`${ARTICLES}/ferry.cy.md`]: article("Y fferi yn dychwelyd", "", "2026-11-18 08:00"),
      "content/messages/cy.yml": "nav.languages: Ieithoedd\nnav.skipp: Neidio i'r cynnwys\n",
    });
    const second = await build({ root, now: NOW });
    expect(second.ok).toBe(false);
    expect(problems(second.diagnostics).map((problem) => [problem.severity, problem.code, problem.file, problem.line])).toEqual([
      ["error", "front-matter/language", `${ARTICLES}/bonjour.md`, 5],
      ["warning", "site/translation-original", `${ARTICLES}/bridge.cy.md`, undefined],
      ["warning", "site/translation-original", `${ARTICLES}/ferry.cy.md`, undefined],
      ["error", "site/translation-twice", `${ARTICLES}/toriadau.md`, 6],
      ["error", "front-matter/language", `${ARTICLES}/wrong.md`, 5],
      ["error", "messages/unknown", "content/messages/cy.yml", 2],
    ]);
    expect(snapshot(first.outputDir)).toEqual(before);
    expect(readdirSync(path.dirname(first.outputDir)).filter((name) => name.includes(".staging-"))).toEqual([]);
  }, 120_000);
});
