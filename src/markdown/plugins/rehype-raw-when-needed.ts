import type { Root } from "hast";
import rehypeRaw, { type Options as RehypeRawOptions } from "rehype-raw";
import type { VFile } from "vfile";
import { EXIT, walk } from "../walk.ts";

/** Options for `rehypeRawWhenNeeded`: passed on to rehype-raw. */
export type RehypeRawWhenNeededOptions = RehypeRawOptions;

/**
 * Run rehype-raw only when the tree holds raw HTML. rehype-raw re-parses the whole tree through
 * parse5, which costs more than the Markdown parse itself, and most articles have no raw HTML
 * (plain comments are already turned into comment nodes by `htmlCommentHandler`). A wrapper,
 * because a unified plugin cannot be switched on and off per file in a frozen processor.
 */
export function rehypeRawWhenNeeded(options: RehypeRawWhenNeededOptions = {}) {
  const raw = rehypeRaw(options);
  return function (tree: Root, file: VFile): Root {
    return hasRaw(tree) ? raw(tree, file) : tree;
  };
}

/** True when any node in the tree is a `raw` node; stops at the first. */
function hasRaw(tree: Root): boolean {
  let found = false;
  walk(tree, (node) => {
    if (node.type !== "raw") return undefined;
    found = true;
    return EXIT;
  });
  return found;
}
