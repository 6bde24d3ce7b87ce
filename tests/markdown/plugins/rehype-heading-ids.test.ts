import { describe, expect, it } from "vitest";
import { rehypeHeadingIds } from "../../../src/markdown/plugins/rehype-heading-ids.ts";
import { messages, runOnHtml } from "../support/run.ts";

const ids = rehypeHeadingIds();

describe("rehypeHeadingIds", () => {
  it("gives every subheading a github-style id", () => {
    const { $ } = runOnHtml("<h2>What the council said</h2><h3>Mill Street’s “worst” day</h3>", ids);
    expect($("h2").attr("id")).toBe("what-the-council-said");
    expect($("h3").attr("id")).toBe("mill-streets-worst-day");
  });

  it("numbers repeated headings like github-slugger", () => {
    const { $ } = runOnHtml("<h2>Update</h2><h2>Update</h2><h2>Update</h2>", ids);
    expect(
      $("h2")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["update", "update-1", "update-2"]);
  });

  it("never gives a heading one of the page's reserved ids", () => {
    const { $ } = runOnHtml("<h2>Main</h2><h2>Sources</h2><h2>Main</h2>", rehypeHeadingIds({ reservedIds: ["main", "sources"] }));
    expect(
      $("h2")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["main-1", "sources-1", "main-2"]);
  });

  it("takes reserved ids for one render from file.data", () => {
    const { $ } = runOnHtml("<h2>Donate</h2>", ids, { reservedIds: ["donate"] });
    expect($("h2").attr("id")).toBe("donate-1");
  });

  it("keeps existing ids and never reuses them", () => {
    const { $ } = runOnHtml('<h2 id="user-content-fn-1">Kept</h2><h2>User content fn 1</h2>', ids);
    expect(
      $("h2")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["user-content-fn-1", "user-content-fn-1-1"]);
  });

  it("gives a heading without letters a valid id", () => {
    const { $ } = runOnHtml("<h2>!!!</h2><h2>—</h2>", ids);
    expect(
      $("h2")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["section", "section-1"]);
  });

  it("moves every heading one level down when the body uses #, keeping their order", () => {
    const { $ } = runOnHtml("<h1>Part one</h1><h2>Detail</h2><h6>Deepest</h6><h1>Part two</h1>", ids);
    expect(
      $(":header")
        .map((_, el) => el.tagName)
        .get(),
    ).toEqual(["h2", "h3", "h6", "h2"]);
  });

  it("leaves headings alone when the body has no #", () => {
    const { $ } = runOnHtml("<h2>A</h2><h3>B</h3>", ids);
    expect(
      $(":header")
        .map((_, el) => el.tagName)
        .get(),
    ).toEqual(["h2", "h3"]);
  });

  it("keeps the footnotes label an h2 outside the outline", () => {
    const html =
      '<h1>Part</h1><section data-footnotes class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Footnotes</h2></section>';
    const { $ } = runOnHtml(html, ids);
    expect($("section h2").attr("id")).toBe("user-content-footnote-label");
    expect($("h2")).toHaveLength(2);
  });

  it("warns about a heading that skips a level", () => {
    const { file } = runOnHtml("<h2>A</h2>\n<h4>Results</h4>\n<h3>Fine</h3>", ids);
    expect(messages(file)).toEqual([
      "heading-rank: the heading “Results” (####) skips a level: the heading before it is ##, so this one should be at most ###",
    ]);
    expect(file.messages[0]?.line).toBe(2);
  });

  it("warns when the first subheading is not ##", () => {
    const { file } = runOnHtml("<h3>Background</h3>", ids);
    expect(messages(file)).toEqual(["heading-rank: the heading “Background” (###) skips a level: the first subheading should be ##"]);
  });
});
