import { load } from "cheerio";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { remarkPlainTaskLists, type RemarkPlainTaskListsOptions } from "../../../src/markdown/plugins/remark-plain-task-lists.ts";

function render(markdown: string, options?: RemarkPlainTaskListsOptions) {
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkPlainTaskLists, options)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );
  return load(html, null, false);
}

describe("remarkPlainTaskLists", () => {
  it("renders task items as plain list items with ballot boxes, without checkboxes", () => {
    const $ = render("- [ ] Call the council\n- [x] Check the gauge");
    expect($("input")).toHaveLength(0);
    expect(
      $("li")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["☐ Call the council", "☑ Check the gauge"]);
    expect($("[class]")).toHaveLength(0);
  });

  it("finds task items in quotes and nested lists", () => {
    const $ = render("> - [x] quoted\n\n- outer\n  - [ ] inner");
    expect($("input")).toHaveLength(0);
    expect($("blockquote li").text()).toBe("☑ quoted");
    expect($("li li").text()).toBe("☐ inner");
  });

  it("leaves ordinary lists and bracketed text alone", () => {
    const $ = render("- [Link](https://example.org)\n- plain [x] text");
    expect(
      $("li")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["Link", "plain [x] text"]);
  });

  it("uses the markers it is given", () => {
    const $ = render("- [x] done", { checked: "[done] " });
    expect($("li").text()).toBe("[done] done");
  });
});
