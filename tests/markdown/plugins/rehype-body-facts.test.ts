import { describe, expect, it } from "vitest";
import { rehypeBodyFacts } from "../../../src/markdown/plugins/rehype-body-facts.ts";
import { runOnHtml } from "../support/run.ts";

const facts = rehypeBodyFacts();

describe("rehypeBodyFacts", () => {
  it("lists every link and image with its line", () => {
    const { file } = runOnHtml(
      '<p><a href="/a/">a</a></p>\n<p><img src="/i.jpg" alt="Flood"> <a href="https://x.org">x</a></p>\n<a>no target</a>',
      facts,
    );
    expect(file.data.links).toEqual([
      { url: "/a/", line: 1 },
      { url: "https://x.org", line: 2 },
    ]);
    expect(file.data.images).toEqual([{ src: "/i.jpg", alt: "Flood", line: 2 }]);
  });

  it("takes the first top-level paragraph with text, whitespace collapsed, without footnote numbers", () => {
    const html =
      '<figure><img src="/a.jpg" alt="A"><figcaption>Caption</figcaption></figure><p><img src="/b.jpg" alt="B"></p>' +
      '<blockquote><p>Quoted</p></blockquote><p>  The river\n rose<sup><a href="#fn-1" data-footnote-ref>1</a></sup> fast. </p><p>Second</p>';
    expect(runOnHtml(html, facts).file.data.firstParagraph).toBe("The river rose fast.");
  });

  it("gives an empty first paragraph when there is none", () => {
    expect(runOnHtml("<h2>Only a heading</h2>", facts).file.data.firstParagraph).toBe("");
  });

  it("counts visible words, keeping contractions and hyphenated words whole", () => {
    const { file } = runOnHtml("<p>Don’t e-mail the “council” — it’s 3.5 km away.</p>", facts);
    expect(file.data.wordCount).toBe(8);
  });

  it("separates words at block edges even without whitespace", () => {
    expect(runOnHtml("<table><tr><td>one</td><td>two</td></tr></table><p>three</p><p>four</p>", facts).file.data.wordCount).toBe(4);
  });

  it("does not count footnote numbers, hidden labels or alt text", () => {
    const html =
      '<p>Word<sup><a href="#fn-1" data-footnote-ref>1</a></sup> <img src="/a.jpg" alt="Many words here"></p><h2 class="sr-only">Footnotes</h2>';
    expect(runOnHtml(html, facts).file.data.wordCount).toBe(1);
  });
});
