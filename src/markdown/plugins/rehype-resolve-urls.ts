import type { Root } from "hast";
import type { VFile } from "vfile";
import { walk } from "../walk.ts";

/**
 * Point body images and links at where the site publishes them: `file.data.resolveImage` maps an
 * image `src` as written (relative to the article file) to its site URL, `file.data.resolveLink`
 * maps a link `href` as written (another article's Markdown file, a site path) to the address to
 * publish; either returns undefined to leave the value as it is.
 * Runs after `rehypeBodyFacts`, so the facts keep what the editor wrote, for the whole-site checks.
 * Own plugin: the mapping is Tidings' URL layout.
 */
export function rehypeResolveUrls() {
  return function (tree: Root, file: VFile): undefined {
    const { resolveImage, resolveLink } = file.data;
    if (!resolveImage && !resolveLink) return;
    walk(tree, (node) => {
      if (node.type !== "element") return undefined;
      const [attribute, resolve] = node.tagName === "img" ? ["src", resolveImage] : node.tagName === "a" ? ["href", resolveLink] : [];
      if (!attribute || !resolve) return undefined;
      const value = node.properties[attribute];
      if (typeof value !== "string") return undefined;
      const url = resolve(value);
      if (url !== undefined) node.properties[attribute] = url;
      return undefined;
    });
  };
}
