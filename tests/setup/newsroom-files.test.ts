import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.ts";
import { findPlaceholders } from "../../src/checks/placeholders.ts";
import { defaultAnswers, defaultCurrency, type SetupAnswers } from "../../src/setup/answers.ts";
import { answerProblem, configProblems, describe as describeProblem } from "../../src/setup/check-answer.ts";
import { withFormAction } from "../../src/setup/form-action.ts";
import { newsroomFiles } from "../../src/setup/newsroom-files.ts";
import { STARTER_PAGES, starterWords } from "../../src/setup/starter-words.ts";

const ANSWERS: SetupAnswers = {
  name: "Die Hafenpost",
  url: "https://hafenpost.de",
  language: "de",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  donation: { provider: "opencollective", account: "https://opencollective.com/hafenpost" },
  newsletter: { provider: "none", account: "" },
  sections: ["Nachrichten", "Kultur"],
  author: "Jana Vogt",
};
// 1 March 2026, 09:30 in Berlin.
const NOW = Date.UTC(2026, 2, 1, 8, 30);

describe("newsroomFiles", () => {
  it("writes a valid config and the starter files in the newsroom's language, dated now in its time zone", () => {
    const { files, startersLanguage } = newsroomFiles(ANSWERS, NOW);
    expect(startersLanguage).toBe("de");
    expect(Object.keys(files).sort()).toEqual([
      "content/articles/2026/welcome.md",
      "content/authors/jana-vogt.md",
      "content/pages/about.md",
      "content/pages/corrections-policy.md",
      "content/pages/donate.md",
      "tidings.config.yml",
    ]);
    const config = parseConfig(files["tidings.config.yml"] ?? "");
    if (!config.ok) throw new Error(JSON.stringify(config.diagnostics));
    expect(config.config.donation.provider).toEqual({ name: "opencollective", collective: "hafenpost" });
    expect(config.config.sections.map((section) => section.slug)).toEqual(["nachrichten", "kultur"]);
    expect(config.config.navigation.map((link) => link.label)).toEqual(["Themen", "Suche", "Über uns", "Spenden"]);
    expect(files["content/articles/2026/welcome.md"]).toMatch(
      /^---\ntitle: Willkommen bei Die Hafenpost\ndate: 2026-03-01 09:30\nbyline: Jana Vogt\n/,
    );
    // Every starter page has placeholder text to replace, and links only to the other starter pages.
    for (const page of STARTER_PAGES) expect(findPlaceholders(files[`content/pages/${page}.md`] ?? "").length, page).toBeGreaterThan(0);
    expect(files["content/pages/about.md"]).toContain("(/corrections-policy/)");
  });

  it("writes the starters in English for a language Tidings has none in (Welsh), and has the same slots in every language", () => {
    expect(newsroomFiles({ ...ANSWERS, language: "cy" }, NOW).startersLanguage).toBe("en");
    expect(starterWords("fr-CA").language).toBe("fr");
    expect(starterWords("../../etc").language).toBe("en");
    const english = starterWords("en");
    for (const language of ["fr", "de", "es"]) {
      const words = starterWords(language);
      for (const [name, body] of Object.entries(english.bodies)) {
        const slots = (text: string) => [...new Set(text.match(/\{[a-z]+\}/g))].sort();
        expect(slots(words.bodies[name] ?? ""), `${language}/${name}.md`).toEqual(slots(body));
        expect(findPlaceholders(words.bodies[name] ?? "").length, `${language}/${name}.md`).toBe(findPlaceholders(body).length);
      }
    }
  });
});

describe("answerProblem", () => {
  it("says what check says of the config an answer makes, and nothing of a good one", () => {
    const bad = { ...ANSWERS, currency: "EURO" };
    const [problem] = configProblems(bad).filter((diagnostic) => diagnostic.field === "donation.currency");
    expect(problem).toBeDefined();
    expect(answerProblem(bad, "currency")).toBe(describeProblem(problem!));
    expect(answerProblem({ ...ANSWERS, donation: { provider: "givebutter", account: "givebutter.com/hafen" } }, "donation")).toContain(
      "must be a web address starting with https://",
    );
    expect(answerProblem({ ...ANSWERS, author: " " }, "author")).toContain("the first author's name is missing");
    for (const field of ["name", "url", "language", "timeZone", "currency", "donation", "newsletter", "sections", "author"] as const)
      expect(answerProblem(ANSWERS, field), field).toBeUndefined();
  });
});

describe("defaults", () => {
  it("take the currency of the language's country, and the computer's language and time zone", () => {
    expect([
      defaultCurrency("en-GB"),
      defaultCurrency("fr"),
      defaultCurrency("de-CH"),
      defaultCurrency("en"),
      defaultCurrency("pt-BR"),
    ]).toEqual(["GBP", "EUR", "CHF", "USD", "BRL"]);
    expect(defaultAnswers({ locale: "es-ES", timeZone: "Europe/Madrid", gitName: "Lucía" }, "Noticias", "La redacción")).toMatchObject({
      language: "es-ES",
      timeZone: "Europe/Madrid",
      currency: "EUR",
      sections: ["Noticias"],
      author: "Lucía",
    });
    expect(defaultAnswers({ locale: "not a tag", timeZone: "Mars/Olympus" }, "News", "The editor")).toMatchObject({
      language: "en",
      timeZone: "UTC",
      author: "The editor",
    });
  });
});

describe("withFormAction", () => {
  it("lets the pages' forms go to the newsletter's service only, and leaves the editor's 'none' alone", () => {
    const headers =
      "/*\n  Content-Security-Policy: default-src 'none'; form-action 'self' https://buttondown.com; frame-ancestors 'none'\n/admin/*\n  Content-Security-Policy: form-action 'none'\n";
    expect(withFormAction(headers, undefined)).toContain("form-action 'self'; frame-ancestors");
    expect(withFormAction(headers, "https://lists.example.net")).toContain("form-action 'self' https://lists.example.net; frame-ancestors");
    expect(withFormAction(headers, undefined)).toContain("form-action 'none'\n");
  });
});
