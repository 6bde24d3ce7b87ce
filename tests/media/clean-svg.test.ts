import { load } from "cheerio";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanSvg, leftovers } from "../../src/media/clean-svg.ts";
import { CHART_SVG, hostileParts } from "../support/svg.ts";

describe("cleanSvg", () => {
  it("keeps a chart's drawing as it is and removes nothing", () => {
    const cleaned = cleanSvg(CHART_SVG);
    if (!cleaned.ok) throw new Error(cleaned.problem);
    expect(cleaned.removed).toEqual([]);
    const before = load(CHART_SVG, { xml: true });
    const after = load(cleaned.svg, { xml: true });
    // Every element and attribute survives (the XML declaration aside).
    const shape = ($: typeof before) => $("svg *").map((_, element) => `${element.tagName}${JSON.stringify(element.attribs)}`).get();
    expect(shape(after)).toEqual(shape(before));
    expect(after("text").text()).toBe("140 mm");
    expect(after("style").text()).toBe(".label { font: 12px sans-serif; fill: #222 } .bar { fill: url(#bar) }");
    expect(after("svg").attr("xmlns")).toBe("http://www.w3.org/2000/svg");
  });

  it("removes scripts, handlers, foreignObject, animation, external references and unsafe CSS, naming each", () => {
    const cleaned = cleanSvg(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
      <script>alert(2)</script>
      <foreignObject><iframe src="https://evil.example"></iframe></foreignObject>
      <use href="https://evil.example/sprites.svg#icon"/>
      <use xlink:href="sprites.svg#icon"/>
      <image href="data:image/svg+xml;base64,PHN2Zz4="/>
      <image href="data:image/png;base64,iVBORw0KGgo="/>
      <a href="javascript:alert(3)"><text>Click</text></a>
      <set attributeName="href" to="javascript:alert(4)"/>
      <rect style="fill: url(https://evil.example/track)" fill="url(//evil.example/x#p)"/>
      <style>@import url(https://evil.example/x.css);</style>
      <circle r="1" onclick="alert(5)"/>
    </svg>`);
    if (!cleaned.ok) throw new Error(cleaned.problem);
    expect(hostileParts(cleaned.svg)).toEqual([]);
    expect(cleaned.removed).toEqual([
      "the onload event handler",
      "the <script> element",
      "the <foreignObject> element",
      'the reference href="https://evil.example/sprites.svg#icon" on <use> (only #ids in the drawing and embedded PNG, JPEG, GIF, WebP or AVIF pictures may stay)',
      'the reference xlink:href="sprites.svg#icon" on <use> (only #ids in the drawing and embedded PNG, JPEG, GIF, WebP or AVIF pictures may stay)',
      'the reference href="data:image/svg+xml;base64,PHN2Zz4=" on <image> (only #ids in the drawing and embedded PNG, JPEG, GIF, WebP or AVIF pictures may stay)',
      'the reference href="javascript:alert(3)" on <a> (only #ids in the drawing and embedded PNG, JPEG, GIF, WebP or AVIF pictures may stay)',
      "the <set> element",
      "the style attribute with a link to another file, url(https://evil.example/track)",
      "the fill attribute with a link to another file, url(//evil.example/x#p)",
      "a <style> element with an @import",
      "the onclick event handler",
    ]);
    // The embedded PNG and the link's text stay.
    const $ = load(cleaned.svg, { xml: true });
    expect($("image").last().attr("href")).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect($("text").text()).toBe("Click");
  });

  it("refuses a file that is not a drawing", () => {
    expect(cleanSvg("<html><body>Not a drawing</body></html>")).toEqual({ ok: false, problem: "it has no <svg> element" });
    expect(cleanSvg("")).toMatchObject({ ok: false });
  });

  it("finds what a published drawing must not hold, so a cleaning that missed something is refused", () => {
    expect(leftovers('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toBeUndefined();
    expect(leftovers('<svg><script>alert(1)</script></svg>')).toBe("a <script> element");
    expect(leftovers('<svg><rect onload="x"/></svg>')).toBe("the onload attribute");
    expect(leftovers('<svg><use href="a.svg#b"/></svg>')).toContain('the reference href="a.svg#b" on <use>');
    expect(leftovers("<svg><style>.a{fill:url(http://x)}</style></svg>")).toBe("a link to another file, url(http://x)");
  });

  // Hostile parts injected at random places of a clean drawing never come out, and are named.
  it("never lets an injected hostile part through (property)", () => {
    const hostile = fc.constantFrom(
      "<script>alert(1)</script>",
      "<script href='https://evil.example/x.js'/>",
      "<foreignObject><body onload='alert(1)'/></foreignObject>",
      "<use href='https://evil.example/s.svg#a'/>",
      "<use xlink:href='//evil.example/s.svg#a'/>",
      "<image href='https://evil.example/p.png'/>",
      "<image xlink:href='data:image/svg+xml,&lt;svg onload=alert(1)&gt;'/>",
      "<a href='javascript:alert(1)'><text>x</text></a>",
      "<a xlink:href='JaVaScRiPt:alert(1)'><text>x</text></a>",
      "<set attributeName='href' to='javascript:alert(1)'/>",
      "<animate attributeName='href' values='javascript:alert(1)'/>",
      "<feImage href='https://evil.example/x.png'/>",
      "<style>@import url(https://evil.example/x.css);</style>",
      "<style>.a{background:url(https://evil.example/t)}</style>",
      "<style>.a{fill:u\\72l(https://evil.example/t)}</style>",
      "<style>&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</style>",
      "<style><![CDATA[</style><script>alert(1)</script>]]></style>",
      "<rect style='fill:url(https://evil.example/t)'/>",
      "<rect fill='url(http://evil.example/x#p)'/>",
      "<rect onload='alert(1)'/>",
      "<g onmouseover='alert(1)'><rect/></g>",
      "<iframe src='https://evil.example'/>",
      "<!-- comment --><script>alert(1)</script>",
    );
    // Anywhere inside the root <svg> (outside it, the file is not a well-formed drawing at all).
    const pieces = CHART_SVG.split(/(?<=>)/);
    const inside = fc.integer({ min: 2, max: pieces.findLastIndex((piece) => piece.includes("</svg>")) });
    fc.assert(
      fc.property(fc.array(fc.tuple(inside, hostile), { minLength: 1, maxLength: 6 }), (injections) => {
        const parts = [...pieces];
        for (const [at, part] of [...injections].sort((a, b) => b[0] - a[0])) parts.splice(at, 0, part);
        const cleaned = cleanSvg(parts.join(""));
        // Cleaned, not refused: every injected part is one the cleaning knows how to take out.
        if (!cleaned.ok) throw new Error(cleaned.problem);
        expect(hostileParts(cleaned.svg)).toEqual([]);
        expect(cleaned.removed.length).toBeGreaterThan(0);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
