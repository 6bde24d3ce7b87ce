import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cdata,
  element,
  escapeXmlAttribute,
  escapeXmlText,
  renderXmlDocument,
  written,
  stripInvalidXmlChars,
  textElement,
} from "../../src/core/xml.ts";
import { parseXml, textOf } from "../support/xml.ts";

// Mostly the characters XML cares about, so escaping mistakes show up in a few hundred runs.
const xmlishText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "<",
      ">",
      "&",
      '"',
      "'",
      "]",
      "]]>",
      "<![CDATA[",
      "&amp;",
      "&#",
      ";",
      "\r",
      "\n",
      "\t",
      " ",
      "a",
      "/",
      "é",
      "😀",
      "\u0000",
      "\u001F",
      "\uD800",
      "\uFFFE",
    ),
    fc.string({ unit: "binary", maxLength: 1 }),
  ),
});

describe("renderXmlDocument", () => {
  it("writes a declaration, indented elements, text on one line and empty elements self-closed", () => {
    const doc = renderXmlDocument(
      element(
        "feed",
        { xmlns: "urn:x", skipped: undefined },
        textElement("title", "A & B"),
        element("link", { href: "/x" }),
        textElement("gone", undefined),
      ),
    );
    expect(doc).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="urn:x">\n  <title>A &amp; B</title>\n  <link href="/x"/>\n</feed>\n',
    );
  });

  it("gives back any text, attribute or CDATA content unchanged through an XML parser (XML-illegal characters aside)", () => {
    fc.assert(
      fc.property(xmlishText, (value) => {
        const doc = renderXmlDocument(element("root", { value }, element("text", {}, value), element("data", {}, cdata(value))));
        const root = parseXml(doc)["root"] as Record<string, unknown>;
        const expected = stripInvalidXmlChars(value);
        expect(root["@value"] ?? "").toBe(expected);
        expect(expected === "" ? "" : textOf(root["text"])).toBe(expected);
        expect(expected === "" ? "" : textOf(root["data"])).toBe(expected.replace(/\r\n?/g, "\n"));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a hostile title and a `]]>` in HTML content from closing anything", () => {
    const hostile = "</title></item><script>alert(1)</script> ]]> <![CDATA[ x";
    const doc = renderXmlDocument(element("item", {}, textElement("title", hostile), element("content", {}, cdata(`<p>${hostile}</p>`))));
    const item = parseXml(doc)["item"] as Record<string, unknown>[];
    expect(textOf(item[0]?.["title"])).toBe(hostile);
    expect(textOf(item[0]?.["content"])).toBe(`<p>${hostile}</p>`);
  });

  it("refuses element and attribute names that are not XML names, rather than writing broken XML", () => {
    expect(() => renderXmlDocument(element("bad name"))).toThrow("not an XML name");
    expect(() => renderXmlDocument(element("ok", { 'x="1" y': "2" }))).toThrow("not an XML attribute name");
  });
});

describe("escaping", () => {
  it("escapes markup characters in text and every quote and line break in attributes", () => {
    expect(escapeXmlText(`<a href="x">&</a>\r`)).toBe(`&lt;a href="x"&gt;&amp;&lt;/a&gt;&#13;`);
    expect(escapeXmlAttribute(`"it's"\t\n<&>`)).toBe("&quot;it&apos;s&quot;&#9;&#10;&lt;&amp;&gt;");
  });

  it("drops characters XML 1.0 cannot carry: control characters, lone surrogates, U+FFFE and U+FFFF", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0008c\u000Bd\uD800e\uFFFEf\uFFFFg😀\t\n")).toBe("abcdefg😀\t\n");
  });

  it("places an element written once exactly as it would write it in place, in any number of documents", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, text) => {
        const item = () => element("item", { id: title }, textElement("title", title), element("description", {}, cdata(text)));
        const inPlace = renderXmlDocument(element("rss", {}, element("channel", {}, item(), item())));
        const once = written(item(), 2);
        expect(renderXmlDocument(element("rss", {}, element("channel", {}, once, once)))).toBe(inPlace);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses an element written at one depth where another is placed", () => {
    const item = written(element("item", {}, textElement("title", "A")), 1);
    expect(() => renderXmlDocument(element("rss", {}, element("channel", {}, item)))).toThrow(/depth 1 is placed at depth 2/);
  });
});
