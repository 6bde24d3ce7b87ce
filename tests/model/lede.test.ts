import { describe, expect, it } from "vitest";
import { escapeHtml, splitLede } from "../../src/model/lede.ts";

describe("splitLede", () => {
  it("moves the opening paragraph out, keeping its links and emphasis", () => {
    expect(splitLede('<p>Councillors <em>voted</em> <a href="/x/">9–4</a>.</p>\n<h2 id="a">A</h2>')).toEqual({
      lede: 'Councillors <em>voted</em> <a href="/x/">9–4</a>.',
      rest: '<h2 id="a">A</h2>',
    });
  });

  it("leaves a body that opens with something other than a paragraph alone", () => {
    expect(splitLede('<h2 id="a">A</h2><p>Text</p>')).toBeUndefined();
    expect(splitLede('<p><img src="a.jpg" alt="A"></p>')).toBeUndefined();
    expect(splitLede("")).toBeUndefined();
  });
});

describe("escapeHtml", () => {
  it("escapes markup so a summary is always text", () => {
    expect(escapeHtml('<script>"x" & y</script>')).toBe("&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;");
  });
});
