import type { Root } from "hast";
import type { VFile } from "vfile";
import { walk } from "../walk.ts";

/**
 * Point body images at where the site publishes them: `file.data.resolveImage` maps a `src` as
 * written (relative to the article file) to its site URL, or returns undefined to leave it.
 * Runs after `rehypeBodyFacts`, so the facts keep the `src` the editor wrote, for file checks.
 * Own plugin: the mapping is Tidings' media layout.
 */
export function rehypeImageUrls() {
  return function (tree: Root, file: VFile): undefined {
    const resolve = file.data.resolveImage;
    if (!resolve) return;
    walk(tree, (node) => {
      if (node.type !== "element" || node.tagName !== "img") return undefined;
      const src = node.properties["src"];
      if (typeof src !== "string") return undefined;
      const url = resolve(src);
      if (url !== undefined) node.properties["src"] = url;
      return undefined;
    });
  };
}
