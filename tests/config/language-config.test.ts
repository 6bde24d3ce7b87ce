import { describe, expect, it } from "vitest";
import { parseConfig, type SiteConfig } from "../../src/config/config.ts";
import { configLanguages, languageConfig } from "../../src/config/language-config.ts";
import { fileLanguage, isLanguageTag, ownName, siteLanguages } from "../../src/i18n/site-languages.ts";

const site = `name: Gazette
url: https://news.example.org/
language: en-gb
navigation:
  - { label: Latest, url: /latest/ }
  - { label: About, url: /about/ }
  - { label: Elsewhere, url: https://example.org/ }
sections:
  - { name: News }
  - { name: Sport }
donation:
  heading: Keep us going
  text: Readers pay for this.
  button: Donate
  url: /donate/
  variants:
    - { name: river, tags: [River], heading: Watch the river }
newsletter: { heading: By email, text: Every morning., provider: buttondown, username: gazette }
`;

function config(extra = ""): SiteConfig {
  const result = parseConfig(site + extra);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.config;
}

describe("a site's languages", () => {
  it("are the main language at / and each further one under /<code>/, each named in itself", () => {
    const languages = configLanguages(config("languages:\n  - { code: cy }\n  - { code: fr-CA, name: Français (Canada) }\n"));
    expect(languages.map(({ tag, code, base, name, main }) => ({ tag, code, base, name, main }))).toEqual([
      { tag: "en-GB", code: "en-gb", base: "/", name: "English", main: true },
      { tag: "cy", code: "cy", base: "/cy/", name: "Cymraeg", main: false },
      { tag: "fr-CA", code: "fr-ca", base: "/fr-ca/", name: "Français (Canada)", main: false },
    ]);
  });

  it("read a translation's language from its file name only when the site has several", () => {
    const two = siteLanguages("en-GB", [{ code: "cy" }]);
    expect(fileLanguage("content/articles/2026/flood.cy.md", two)).toMatchObject({ language: { tag: "cy" }, stem: "content/articles/2026/flood" });
    expect(fileLanguage("content/articles/2026/flood.en.md", two)).toMatchObject({ language: { tag: "en-GB" }, stem: "content/articles/2026/flood" });
    expect(fileLanguage("content/articles/2026/flood.md", two)).toEqual({ stem: "content/articles/2026/flood" });
    expect(fileLanguage("content/articles/2026/report.it.md", two)).toEqual({ stem: "content/articles/2026/report.it" });
    expect(fileLanguage("content/articles/2026/flood.cy.md", siteLanguages("en-GB"))).toEqual({ stem: "content/articles/2026/flood.cy" });
  });

  it("are language tags, not names", () => {
    for (const tag of ["en", "en-GB", "cy", "pt-BR", "sr-Latn-RS", "ar"]) expect(isLanguageTag(tag), tag).toBe(true);
    for (const tag of ["English", "Welsh", "en_GB", "e", "123", "", "x-private"]) expect(isLanguageTag(tag), tag).toBe(false);
    expect(ownName("nb-NO")).toBe("Norsk bokmål");
  });
});

describe("languageConfig", () => {
  it("is the config itself for the main language", () => {
    const base = config("languages: [{ code: cy }]\n");
    expect(languageConfig(base, configLanguages(base)[0]!)).toBe(base);
  });

  it("gives a further language its own copy where it has some, and the main language's elsewhere", () => {
    const base = config(`languages:
  - code: cy
    tagline: Newyddion
    sections: [{ slug: news, name: Newyddion }]
    types: { news: Newyddion }
    donation: { heading: Cadwch ni i fynd, variants: [{ name: river, heading: Gwyliwch yr afon }] }
    newsletter: { heading: Drwy e-bost }
`);
    const welsh = languageConfig(base, configLanguages(base)[1]!);
    expect(welsh.language).toBe("cy");
    expect(welsh.tagline).toBe("Newyddion");
    expect(welsh.sections.map(({ name, url }) => ({ name, url }))).toEqual([
      { name: "Newyddion", url: "/cy/news/" },
      { name: "Sport", url: "/cy/sport/" },
    ]);
    expect(welsh.types["news"]).toBe("Newyddion");
    expect(welsh.types["opinion"]).toBe("Opinion");
    expect(welsh.donation).toMatchObject({ heading: "Cadwch ni i fynd", text: "Readers pay for this.", button: "Donate" });
    expect(welsh.donation.variants[0]).toMatchObject({ name: "river", heading: "Gwyliwch yr afon", tags: ["River"] });
    expect(welsh.newsletter).toMatchObject({ heading: "Drwy e-bost", text: "Every morning." });
    // The main language's settings are untouched.
    expect(base.sections[0]?.url).toBe("/news/");
  });

  it("leads the main menu and donation page into the language's part where it has the page, when it gives none of its own", () => {
    const base = config("languages: [{ code: cy }]\n");
    const counterparts: Record<string, string> = { "/latest/": "/cy/", "/donate/": "/cy/donate/" };
    const welsh = languageConfig(base, configLanguages(base)[1]!, (sitePath) => counterparts[sitePath]);
    expect(welsh.navigation.map((item) => item.url)).toEqual(["/cy/", "/about/", "https://example.org/"]);
    expect(welsh.donation.url).toBe("/cy/donate/");
  });

  it("leads each of the newsroom's standards to the language's version of its page, keeping the section", () => {
    const base = config("languages: [{ code: cy }]\nstandards:\n  masthead: /masthead/\n  ownershipFundingInfo: /about/#funding\n  ethicsPolicy: /ethics/\n  diversityPolicy: https://group.example.com/diversity\n  reportError: mailto:desk@example.org\n");
    const counterparts: Record<string, string> = { "/masthead/": "/cy/masthead/", "/about/": "/cy/about/" };
    const welsh = languageConfig(base, configLanguages(base)[1]!, (sitePath) => counterparts[sitePath]);
    expect(welsh.standards).toEqual({
      masthead: "/cy/masthead/",
      ownershipFundingInfo: "/cy/about/#funding",
      ethicsPolicy: "/ethics/",
      diversityPolicy: "https://group.example.com/diversity",
      reportError: "mailto:desk@example.org",
    });
    expect(base.standards?.masthead).toBe("/masthead/");
  });
});

describe("the languages in the config", () => {
  const problems = (extra: string, head = site) => {
    const result = parseConfig(head + extra);
    return result.ok ? [] : result.diagnostics.map((diagnostic) => ({ code: diagnostic.code, field: diagnostic.field, line: diagnostic.line, message: diagnostic.message }));
  };

  it("refuses a language that is not a tag, listed twice or the main one, and copy for sections and variants the site lacks", () => {
    expect(problems("languages:\n  - { code: Welsh }\n")).toEqual([expect.objectContaining({ field: "languages[1].code", line: 20, message: expect.stringContaining('got "Welsh"') })]);
    expect(problems("languages:\n  - { code: cy }\n  - { code: CY }\n")).toEqual([expect.objectContaining({ field: "languages[2].code", line: 21, message: expect.stringContaining("listed twice") })]);
    expect(problems("languages:\n  - { code: en-GB }\n")).toEqual([expect.objectContaining({ message: expect.stringContaining("main language") })]);
    expect(problems("languages:\n  - code: cy\n    sections: [{ slug: politics, name: Gwleidyddiaeth }]\n")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("names no section of the site: politics") }),
    ]);
    expect(problems("languages:\n  - code: cy\n    donation: { variants: [{ name: winter, heading: Gaeaf }] }\n")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("names no ask variant") }),
    ]);
    expect(problems("", site.replace("language: en-gb", "language: English"))).toEqual([
      expect.objectContaining({ field: "language", line: 3, message: expect.stringContaining('got "English"') }),
    ]);
  });
});
