import type { Root } from "hast";
import { walk } from "../walk.ts";

/** The class names `rehypeTableAlign` gives, which the sanitiser allows on table cells and site.css styles. */
export const TABLE_ALIGN_CLASSES = ["align-left", "align-center", "align-right"] as const;

/**
 * Keep GFM column alignment (`| ---: |`) as classes on the cells (`class="align-right"`), since
 * remark-rehype writes it as the `align` attribute, which HTML no longer allows (the Nu HTML
 * Checker reports it) and the sanitiser drops. Figures in a right-aligned column then line up.
 * The same goes for `align` written in raw HTML tables. Runs before the sanitiser.
 */
export function rehypeTableAlign() {
  return function (tree: Root): undefined {
    walk(tree, (node) => {
      if (node.type !== "element" || (node.tagName !== "td" && node.tagName !== "th")) return undefined;
      const align = node.properties.align;
      if (align === undefined) return undefined;
      delete node.properties.align;
      const className = `align-${String(align).toLowerCase()}`;
      if (!(TABLE_ALIGN_CLASSES as readonly string[]).includes(className)) return undefined;
      const existing = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...existing.map(String), className];
      return undefined;
    });
  };
}
