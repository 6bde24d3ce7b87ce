import { describe, expect, it } from "vitest";
import { rehypeFragmentLinks } from "../../../src/markdown/plugins/rehype-fragment-links.ts";
import { runOnHtml } from "../support/run.ts";

describe("rehypeFragmentLinks", () => {
  it("points footnote links at the ids the sanitiser prefixed", () => {
    const html = '<a href="#fn-1" id="user-content-fnref-1">1</a><li id="user-content-fn-1"><a href="#fnref-1">↩</a></li>';
    const { $ } = runOnHtml(html, rehypeFragmentLinks());
    expect(
      $("a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["#user-content-fn-1", "#user-content-fnref-1"]);
  });

  it("leaves fragments without a prefixed target, like links to heading ids added later", () => {
    const { $ } = runOnHtml(
      '<a href="#what-happens-next">x</a><a href="#user-content-a">y</a><span id="user-content-a"></span>',
      rehypeFragmentLinks(),
    );
    expect(
      $("a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["#what-happens-next", "#user-content-a"]);
  });

  it("uses the prefix it is given", () => {
    const { $ } = runOnHtml('<a href="#x">x</a><span id="safe-x"></span>', rehypeFragmentLinks({ prefix: "safe-" }));
    expect($("a").attr("href")).toBe("#safe-x");
  });
});
