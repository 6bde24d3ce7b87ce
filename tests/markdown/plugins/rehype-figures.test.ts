import { describe, expect, it } from "vitest";
import { rehypeFigures } from "../../../src/markdown/plugins/rehype-figures.ts";
import { runOnHtml } from "../support/run.ts";

const figures = rehypeFigures();

describe("rehypeFigures", () => {
  it("turns an image with a title alone in its paragraph into a captioned figure", () => {
    const { $ } = runOnHtml('<p>\n<img src="/flood.jpg" alt="Water on Mill Street" title="Mill Street at noon">\n</p>', figures);
    expect($("p")).toHaveLength(0);
    expect($("figure > img").attr("src")).toBe("/flood.jpg");
    expect($("figure > img").attr("title")).toBeUndefined();
    expect($("figure > figcaption").text()).toBe("Mill Street at noon");
  });

  it("shows the part of the title after the last ` | ` as the credit", () => {
    const { $ } = runOnHtml('<p><img src="/a.jpg" alt="A" title="Mill Street | at noon | Photo: Sam Ortiz"></p>', figures);
    expect($("figcaption").contents().first().text()).toBe("Mill Street | at noon ");
    expect($("figcaption > span.credit").text()).toBe("Photo: Sam Ortiz");
    const creditOnly = runOnHtml('<p><img src="/a.jpg" alt="A" title=" | Sam Ortiz"></p>', figures).$;
    expect(creditOnly("figcaption").html()).toBe('<span class="credit">Sam Ortiz</span>');
  });

  it("leaves an image without a title in its paragraph", () => {
    const { $ } = runOnHtml('<p><img src="/a.jpg" alt="A"></p>', figures);
    expect($("figure")).toHaveLength(0);
    expect($("p > img").attr("alt")).toBe("A");
  });

  it("leaves an image that shares its paragraph with text in the paragraph", () => {
    const { $ } = runOnHtml('<p>See <img src="/a.jpg" alt="A" title="Caption"> here</p>', figures);
    expect($("figure")).toHaveLength(0);
    expect($("p > img").attr("title")).toBe("Caption");
  });

  it("loads every body image lazily and decodes it asynchronously", () => {
    const { $ } = runOnHtml('<p><img src="/a.jpg" alt="A"></p><figure><img src="/b.jpg" alt="B"></figure>', figures);
    for (const img of $("img").toArray()) {
      expect($(img).attr("loading")).toBe("lazy");
      expect($(img).attr("decoding")).toBe("async");
    }
  });

  it("reports an image without alt text as an error on its line, with the fix", () => {
    const { file } = runOnHtml('<p>One</p>\n<p><img src="/a.jpg" alt=""></p>\n<img src="/b.jpg">', figures);
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([
      ["image-alt", true, 2],
      ["image-alt", true, 3],
    ]);
    expect(file.messages[0]?.note).toContain("![What the photo shows](/a.jpg)");
  });

  it("removes an image the sanitiser left without a source, and its empty paragraph", () => {
    const { $ } = runOnHtml('<p><img alt="Chart"></p><p>Text <img alt="x"> more</p>', figures);
    expect($("img")).toHaveLength(0);
    expect($("p")).toHaveLength(1);
    expect($("p").text()).toBe("Text  more");
  });

  it("takes other image properties when asked", () => {
    const { $ } = runOnHtml('<p><img src="/a.jpg" alt="A"></p>', rehypeFigures({ imageProperties: { loading: "eager" } }));
    expect($("img").attr("loading")).toBe("eager");
    expect($("img").attr("decoding")).toBeUndefined();
  });
});
