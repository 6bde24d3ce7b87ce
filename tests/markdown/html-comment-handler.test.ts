import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { commentText, htmlCommentHandler } from "../../src/markdown/html-comment-handler.ts";

describe("commentText", () => {
  it("reads the text of a single plain comment", () => {
    expect(commentText("<!-- donate -->")).toBe(" donate ");
    expect(commentText("<!---->")).toBe("");
  });

  it("refuses anything a browser could read differently, so the real parser sees it", () => {
    for (const value of [
      "<!-- a --> <script>x</script> <!-- b -->",
      "<!-- a --!><script>x</script><!-- -->",
      "<!-->",
      "<!--->",
      "<!-- a --->",
      "<!--> -->",
      "<p><!-- a --></p>",
    ]) {
      expect(commentText(value), value).toBeUndefined();
    }
  });
});

describe("htmlCommentHandler", () => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { html: htmlCommentHandler } });

  it("turns a comment-only HTML node into a comment node with its place", () => {
    const tree = processor.runSync(processor.parse("Text\n\n<!-- donate -->\n"));
    expect(tree.children.at(-1)).toMatchObject({ type: "comment", value: " donate ", position: { start: { line: 3 } } });
  });

  it("keeps other HTML as raw nodes", () => {
    const tree = processor.runSync(processor.parse("<div>\n<!-- donate -->\n</div>\n"));
    expect(tree.children[0]).toMatchObject({ type: "raw" });
  });
});
