import type { Element, Root } from "hast";
import { clobberPrefix } from "../sanitize-schema.ts";
import { walk } from "../walk.ts";

/** Options for `rehypeFragmentLinks`. */
export interface RehypeFragmentLinksOptions {
  /** The prefix the sanitiser put before every id (default: `user-content-`, as in `newsroomSchema`). */
  prefix?: string;
}

/**
 * Point in-page links (`#fn-1`, `#note`) at the prefixed ids the sanitiser produced
 * (`user-content-fn-1`), as GitHub does with script; here it is done once, at build time.
 * This is what keeps GFM footnotes working: remark-rehype is told not to prefix (the sanitiser
 * prefixes every id, so letting both prefix would give `user-content-user-content-fn-1`), and
 * its footnote links are rewritten here. Runs before heading ids exist, so a heading whose slug
 * happens to be `fn-1` cannot capture a footnote link.
 */
export function rehypeFragmentLinks(options: RehypeFragmentLinksOptions = {}) {
  const prefix = options.prefix ?? clobberPrefix;
  return function (tree: Root): undefined {
    const ids = new Set<string>();
    const links: Element[] = [];
    walk(tree, (node) => {
      if (node.type !== "element") return undefined;
      const id = node.properties.id;
      if (typeof id === "string") ids.add(id);
      const href = node.properties.href;
      if (node.tagName === "a" && typeof href === "string" && href.startsWith("#")) links.push(node);
      return undefined;
    });
    for (const link of links) {
      const target = prefix + String(link.properties.href).slice(1);
      if (ids.has(target)) link.properties.href = `#${target}`;
    }
  };
}
