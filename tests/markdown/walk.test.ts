import type { Element, Root } from "hast";
import { h } from "hastscript";
import { describe, expect, it } from "vitest";
import { EXIT, SKIP, walk } from "../../src/markdown/walk.ts";

function names(tree: Root, visit: (node: Element) => ReturnType<Parameters<typeof walk>[1]> = () => undefined): string[] {
  const seen: string[] = [];
  walk(tree, (node) => {
    if (node.type !== "element") return undefined;
    seen.push(node.tagName);
    return visit(node);
  });
  return seen;
}

describe("walk", () => {
  it("visits nodes in document order", () => {
    const tree = h(null, [h("p", [h("em", "a"), h("strong")]), h("ul", [h("li")])]);
    expect(names(tree)).toEqual(["p", "em", "strong", "ul", "li"]);
  });

  it("does not go into a node when told to skip it", () => {
    const tree = h(null, [h("p", [h("em")]), h("ul", [h("li")])]);
    expect(names(tree, (node) => (node.tagName === "p" ? SKIP : undefined))).toEqual(["p", "ul", "li"]);
  });

  it("stops when told to", () => {
    const tree = h(null, [h("p", [h("em")]), h("ul")]);
    expect(names(tree, (node) => (node.tagName === "em" ? EXIT : undefined))).toEqual(["p", "em"]);
  });

  it("goes on from the index a visitor returns after removing a node", () => {
    const tree = h(null, [h("b"), h("i"), h("i"), h("u")]);
    const seen: string[] = [];
    walk(tree, (node, index, parent) => {
      if (node.type !== "element") return undefined;
      seen.push(node.tagName);
      if (node.tagName !== "i") return undefined;
      parent.children.splice(index, 1);
      return index;
    });
    expect(seen).toEqual(["b", "i", "i", "u"]);
    expect(tree.children.map((child) => (child.type === "element" ? child.tagName : child.type))).toEqual(["b", "u"]);
  });

  it("walks a tree 100,000 levels deep without overflowing the stack", () => {
    const tree: Root = { type: "root", children: [] };
    let parent: Root | Element = tree;
    for (let depth = 0; depth < 100_000; depth++) {
      const child: Element = { type: "element", tagName: "div", properties: {}, children: [] };
      parent.children.push(child);
      parent = child;
    }
    let count = 0;
    walk(tree, () => {
      count++;
      return undefined;
    });
    expect(count).toBe(100_000);
  });
});
