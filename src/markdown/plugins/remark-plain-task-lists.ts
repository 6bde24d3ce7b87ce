import type { Nodes, Parents, Root } from "mdast";

/** Options for `remarkPlainTaskLists`. */
export interface RemarkPlainTaskListsOptions {
  /** Text put before an unchecked item (default: `☐ `, a ballot box). */
  unchecked?: string;
  /** Text put before a checked item (default: `☑ `, a ballot box with check). */
  checked?: string;
}

// The only mdast nodes lists can sit in; paragraphs, headings and tables are never entered.
const listHolders = new Set<Nodes["type"]>(["root", "blockquote", "list", "listItem", "footnoteDefinition"]);

/**
 * Turn GFM task list items (`- [x] done`) into plain list items that start with a ballot box.
 * GFM would render disabled `<input type="checkbox">`s: unlabelled form controls that fail
 * accessibility checks and that the article HTML policy forbids. No ecosystem plugin does this.
 */
export function remarkPlainTaskLists(options: RemarkPlainTaskListsOptions = {}) {
  const unchecked = options.unchecked ?? "☐ ";
  const checked = options.checked ?? "☑ ";
  return function (tree: Root): undefined {
    // A loop over block containers only, not unist-util-visit: see walk.ts for the cost.
    const stack: Parents[] = [tree];
    for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
      for (const node of parent.children) {
        if (node.type === "listItem" && typeof node.checked === "boolean") {
          const first = node.children[0];
          if (first?.type === "paragraph") {
            first.children.unshift({ type: "text", value: node.checked ? checked : unchecked });
          }
          node.checked = null;
        }
        if (listHolders.has(node.type) && "children" in node) stack.push(node);
      }
    }
  };
}
