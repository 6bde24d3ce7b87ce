import { describe, expect, it } from "vitest";
import { rehypeDonateSplit } from "../../../src/markdown/plugins/rehype-donate-split.ts";
import { messages, runOnHtml } from "../support/run.ts";

const split = rehypeDonateSplit();

describe("rehypeDonateSplit", () => {
  it("records where a top-level marker stood and removes it", () => {
    const { tree, file, html } = runOnHtml("<p>One</p><!-- donate --><p>Two</p>", split);
    expect(html).toBe("<p>One</p><p>Two</p>");
    expect(file.data.donateSplit).toBe(1);
    expect(tree.children[1]).toMatchObject({ tagName: "p" });
  });

  it("accepts any case and inner whitespace", () => {
    for (const marker of ["<!--donate-->", "<!--   DONATE \n -->", "<!-- Donate -->"]) {
      expect(runOnHtml(`<p>a</p>${marker}`, split).file.data.donateSplit).toBe(1);
    }
  });

  it("counts comments removed before the marker", () => {
    const { file } = runOnHtml("<!-- note --><p>One</p><!-- another --><!-- donate --><p>Two</p>", split);
    expect(file.data.donateSplit).toBe(1);
  });

  it("warns about a second marker and keeps the first", () => {
    const { file } = runOnHtml("<p>a</p>\n<!-- donate -->\n<p>b</p>\n<!-- donate -->", split);
    expect(file.data.donateSplit).toBe(2);
    expect(messages(file)).toEqual(["donate-marker: a second donation marker was ignored: only the first one places the donation block"]);
    expect(file.messages[0]?.line).toBe(4);
  });

  it("ignores a marker inside a list or quote, with a warning", () => {
    const { file, html } = runOnHtml("<ul><li><!-- donate --></li></ul><blockquote><!-- donate --></blockquote>", split);
    expect(file.data.donateSplit).toBeUndefined();
    expect(file.messages.map((m) => m.ruleId)).toEqual(["donate-marker", "donate-marker"]);
    expect(html).toBe("<ul><li></li></ul><blockquote></blockquote>");
  });

  it("removes every other comment without a word", () => {
    const { file, html } = runOnHtml("<p>a<!-- editor: check this --></p><!-- donation -->", split);
    expect(html).toBe("<p>a</p>");
    expect(file.messages).toEqual([]);
    expect(file.data.donateSplit).toBeUndefined();
  });

  it("uses the marker pattern it is given", () => {
    const { file } = runOnHtml("<p>a</p><!-- support us -->", rehypeDonateSplit({ marker: /^\s*support us\s*$/ }));
    expect(file.data.donateSplit).toBe(1);
  });
});
