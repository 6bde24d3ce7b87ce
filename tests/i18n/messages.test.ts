import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishCatalogue, resolveCatalogue } from "../../src/i18n/catalogues.ts";
import { loadMessages } from "../../src/i18n/load-messages.ts";
import { Messages, RawHtml } from "../../src/i18n/messages.ts";
import { writeFiles } from "../support/fixture-site.ts";
import { tempFolder } from "../support/temp-folder.ts";

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

  it("gives the same text from its memo as formatting afresh, for every kind of value and past the memo's size", () => {
    const patterns = { count: "{n, plural, =0 {none} one {# thing} other {# things}}", pick: "{n, select, 3 {three} other {other {n}}}", two: "{a}/{b}" };
    const memo = new Messages("en-GB", patterns);
    const calls: [string, Record<string, string | number>][] = [];
    for (let i = 0; i < 5000; i++) calls.push(["count", { n: i % 7 }], ["pick", { n: i % 2 === 0 ? 3 : "3" }], ["two", { a: `x${i % 50}`, b: i % 3 }]);
    calls.push(["count", { n: -0 }], ["two", { a: "a\u0000b", b: "c" }], ["two", { a: "a", b: "\u0000b\u0000c" }], ["two", { a: "x".repeat(100), b: 1 }]);
    for (const [name, values] of calls) expect(memo.text(name, values)).toBe(new Messages("en-GB", patterns).text(name, values));
    // Ambiguous joins of values never share a key.
    expect(memo.text("two", { a: "a\u0000b", b: "c" })).toBe("a\u0000b/c");
    expect(memo.text("two", { a: "a", b: "b\u0000c" })).toBe("a/b\u0000c");
  });

  it("joins lists as each language does", () => {
    expect(english.list(["Ann", "Bo", "Cy"])).toBe("Ann, Bo and Cy");
    expect(new Messages("fr-FR", {}).list(["Ann", new RawHtml("<b>Bo</b>")])).toBe("Ann et <b>Bo</b>");
    expect(new Messages("en-US", {}).list(["Ann", "Bo", "Cy"])).toBe("Ann, Bo, and Cy");
  });

  it("joins every list of one language right, whatever lists came before", () => {
    // One instance formats lists of each length once and reuses the shape: each answer must still be the fresh instance's.
    const reused = new Messages("fr-FR", {});
    const lists: (string | RawHtml)[][] = [["Ann"], ["Ann", "Bo"], [], ["Cy", "Di", "Ed", "Flo"], ["Bo & <i>co</i>", "Ann"], ["Cy", new RawHtml("<b>Di</b>"), "Ed"], ["Gus", "Hal"]];
    for (const items of [...lists, ...lists.reverse()]) expect(reused.list(items)).toBe(new Messages("fr-FR", {}).list(items));
    expect(reused.list(["Bo & <i>co</i>", "Ann"])).toBe("Bo &amp; &lt;i&gt;co&lt;/i&gt; et Ann");
  });
});

describe("loading a site's messages", () => {
  const site = (files: Record<string, string>) => {
    const root = tempFolder("messages");
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
