import type { Comment, ElementContent } from "hast";
import type { Html } from "mdast";
import { defaultHandlers, type Options as RemarkRehypeOptions } from "remark-rehype";

type Handler = NonNullable<NonNullable<RemarkRehypeOptions["handlers"]>["html"]>;

/**
 * remark-rehype handler for Markdown `html` nodes: a node that is exactly one plain HTML comment
 * (the `<!-- donate -->` marker, an editor's note) becomes a hast comment directly; anything else
 * stays a `raw` node for rehype-raw. Without this, every article with a comment would pay for a
 * full parse5 re-parse just to have the comment dropped.
 */
export const htmlCommentHandler: Handler = (state, node: Html): ElementContent | undefined => {
  const text = commentText(node.value.trim());
  if (text === undefined) return defaultHandlers.html(state, node);
  const comment: Comment = { type: "comment", value: text };
  state.patch(node, comment);
  return comment;
};

/**
 * The text of `value` when it is a single comment that every HTML parser reads the same way,
 * else undefined. `--` anywhere inside (which covers `-->` and `--!>`), a leading `>` or a
 * trailing `-` can end or bend a comment early in a browser, so those go to the real parser.
 */
export function commentText(value: string): string | undefined {
  if (!value.startsWith("<!--") || !value.endsWith("-->") || value.length < 7) return undefined;
  const text = value.slice(4, -3);
  if (text.includes("--") || text.startsWith(">") || text.endsWith("-")) return undefined;
  return text;
}
