import type { Comment, Root } from "hast";
import type { VFile } from "vfile";
import { report } from "../report.ts";
import { walk } from "../walk.ts";

/** Options for `rehypeDonateSplit`. */
export interface RehypeDonateSplitOptions {
  /** Matches the text of a marker comment (default: `donate`, any case, any surrounding whitespace). */
  marker?: RegExp;
}

/**
 * Find the `<!-- donate -->` marker and record where the donation block goes; remove every
 * comment. Runs after the sanitiser, which lets comments through (`allowComments`) for this:
 * a comment stays exactly where the HTML parser put it, so a marker that unclosed raw HTML
 * swallowed is seen as nested instead of splitting a `<div>` in two, and, unlike a private
 * element allowed through the schema, nothing an editor types can fake a split beyond the
 * marker itself. Only a marker at the top level counts, and only the first; the others are
 * warned about and dropped.
 * The split is the index in the root's children stored in `file.data.donateSplit`.
 */
export function rehypeDonateSplit(options: RehypeDonateSplitOptions = {}) {
  const marker = options.marker ?? /^\s*donate\s*$/i;
  return function (tree: Root, file: VFile): undefined {
    let found = false;
    walk(tree, (node, index, parent) => {
      if (node.type !== "comment") return undefined;
      parent.children.splice(index, 1);
      if (marker.test(node.value)) {
        if (parent.type !== "root") warnNested(file, node);
        else if (found) warnSecond(file, node);
        else {
          found = true;
          file.data.donateSplit = index;
        }
      }
      // Carry on at the same index, which now holds the next sibling.
      return index;
    });
  };
}

function warnNested(file: VFile, node: Comment): void {
  report(file, node, {
    severity: "warning",
    rule: "donate-marker",
    message:
      "the donation marker <!-- donate --> was ignored: it must be on a line of its own at the top level of the article, not inside a list, quote, paragraph or HTML block",
    fix: "Move <!-- donate --> to its own line between two paragraphs, with a blank line before and after.",
  });
}

function warnSecond(file: VFile, node: Comment): void {
  report(file, node, {
    severity: "warning",
    rule: "donate-marker",
    message: "a second donation marker was ignored: only the first one places the donation block",
    fix: "Delete the extra <!-- donate --> lines so only one is left.",
  });
}
