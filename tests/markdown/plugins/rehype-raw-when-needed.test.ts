import type { Root } from "hast";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { rehypeRawWhenNeeded } from "../../../src/markdown/plugins/rehype-raw-when-needed.ts";

const rawWhenNeeded = rehypeRawWhenNeeded();

describe("rehypeRawWhenNeeded", () => {
  it("returns the very same tree when there is no raw HTML", () => {
    const tree: Root = {
      type: "root",
      children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "a" }] }],
    };
    expect(rawWhenNeeded(tree, new VFile())).toBe(tree);
  });

  it("parses raw HTML into elements when there is some", () => {
    const tree: Root = {
      type: "root",
      children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "raw", value: '<abbr title="x">EA</abbr>' }] }],
    };
    const result = rawWhenNeeded(tree, new VFile());
    expect(result.children[0]).toMatchObject({
      tagName: "p",
      children: [{ type: "element", tagName: "abbr", properties: { title: "x" } }],
    });
  });
});
