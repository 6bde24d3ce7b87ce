import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishCatalogue, resolveCatalogue } from "../../src/i18n/catalogues.ts";
import { loadMessages } from "../../src/i18n/load-messages.ts";
import { Messages, RawHtml } from "../../src/i18n/messages.ts";
import { writeFiles } from "../support/fixture-site.ts";

describe("Messages", () => {
  const english = new Messages("en-GB", englishCatalogue());

  it("formats plurals, numbers and selects with the language's rules", () => {
    expect(english.text("topics.count", { count: 1 })).toBe("1 article");
    expect(english.text("topics.count", { count: 1200 })).toBe("1,200 articles");
    expect(english.text("ask.give", { frequency: "monthly", amount: "£10" })).toBe("Give £10 a month");
    const arabic = new Messages("ar", { count: "{count, plural, zero {لا مقالات} one {مقال واحد} two {مقالان} few {# مقالات} many {# مقالًا} other {# مقال}}" });
    expect([0, 1, 2, 3, 11, 100].map((count) => arabic.text("count", { count }))).toEqual(["لا مقالات", "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"]);
  });

  it("escapes a message's words and its text values in HTML, and keeps HTML values as they are", () => {
    const messages = new Messages("en-GB", { by: "By {names} & co", quoted: "“{query}”" });
    expect(messages.html("by", { names: new RawHtml('<a href="/a/">A</a>') })).toBe('By <a href="/a/">A</a> &amp; co');
    expect(messages.html("quoted", { query: "<script>" })).toBe("“&lt;script&gt;”");
    expect(messages.text("quoted", { query: "<script>" })).toBe("“<script>”");
  });

  it("joins lists as each language does", () => {
    expect(english.list(["Ann", "Bo", "Cy"])).toBe("Ann, Bo and Cy");
    expect(new Messages("fr-FR", {}).list(["Ann", new RawHtml("<b>Bo</b>")])).toBe("Ann et <b>Bo</b>");
    expect(new Messages("en-US", {}).list(["Ann", "Bo", "Cy"])).toBe("Ann, Bo, and Cy");
  });
});

describe("loading a site's messages", () => {
  const site = (files: Record<string, string>) => {
    const root = mkdtempSync(path.join(tmpdir(), "tidings-messages-"));
    writeFiles(root, files);
    return root;
  };

  it("takes the newsroom's own words first, from the exact language's file and then the language's", () => {
    const root = site({
      "content/messages/ga-IE.yml": 'nav.skip: "Scipeáil go dtí an t-ábhar"\n',
      "content/messages/ga.yml": 'nav:\n  skip: "Léim go dtí an t-ábhar"\n  main: "Príomhroghchlár"\n',
    });
    // A language Tidings ships no catalogue for, so that what the newsroom leaves out is in English.
    const { messages, diagnostics } = loadMessages(root, "ga-IE");
    expect(messages.text("nav.skip")).toBe("Scipeáil go dtí an t-ábhar");
    expect(messages.text("nav.main")).toBe("Príomhroghchlár");
    // Everything else falls back to English, and the warning names what.
    const warning = diagnostics.find((d) => d.code === "messages/in-english");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toContain("footer.search");
    expect(warning?.message).not.toContain("nav.skip");
  });

  it("reports a name Tidings does not have, with the nearest one, and a message it cannot read, each with its line", () => {
    const root = site({ "content/messages/en.yml": 'nav.skipp: "Skip"\nbyline.by: "By {names"\n' });
    const { diagnostics, messages } = loadMessages(root, "en-GB");
    const problems = diagnostics.map((d) => [d.code, d.file, d.line, d.severity]);
    expect(problems).toEqual([
      ["messages/unknown", "content/messages/en.yml", 1, "error"],
      ["messages/syntax", "content/messages/en.yml", 2, "error"],
    ]);
    expect(diagnostics[0]?.fix).toContain('"nav.skip"');
    // An English site has nothing in English to warn about, and bad overrides are not used.
    expect(messages.text("byline.by", { names: "A" })).toBe("By A");
  });

  it("resolves English for English-speaking sites without warnings", () => {
    expect(resolveCatalogue("en-US").inEnglish).toEqual([]);
    expect(resolveCatalogue("xx").inEnglish.length).toBe(Object.keys(englishCatalogue()).length);
  });
});
