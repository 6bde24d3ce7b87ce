import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { isOwnWords, isPoster } from "../marks.ts";
import type { BodyImage, BodyLink } from "../file-data.ts";
import { SKIP, walk } from "../walk.ts";

// Elements whose edges separate words even when no whitespace is written (`<td>a</td><td>b</td>`).
const blocks = new Set([
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dt",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "img",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

// A word: letters or digits, joined by apostrophes, hyphens or dots ("don’t", "e-mail", "3.5").
const word = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/**
 * Read what the rest of the site needs from the finished body, in one pass, into `file.data`:
 * every link and image with its body line, every element id (link targets), the first top-level
 * paragraph as plain text (not an embedded post's link, which is Tidings' words), and the number of visible words. Footnote numbers and the hidden "Footnotes" label are not words.
 * Own plugin: these are Tidings' facts, not a transform anyone publishes.
 */
export function rehypeBodyFacts() {
  return function (tree: Root, file: VFile): undefined {
    const links: BodyLink[] = [];
    const images: BodyImage[] = [];
    const ids: string[] = [];
    const text: string[] = [];
    let firstParagraph = "";
    // Generated nodes (footnote back links) have no place: they take the last line seen.
    let line = 1;

    walk(tree, (node, _index, parent) => {
      line = node.position?.start.line ?? line;
      if (node.type === "text") {
        text.push(node.value);
        return undefined;
      }
      if (node.type !== "element") return undefined;
      const { href, src, alt, id } = node.properties;
      if (typeof id === "string") ids.push(id);
      if (node.tagName === "a" && typeof href === "string") links.push({ url: href, line });
      if (node.tagName === "img" && typeof src === "string")
        images.push({ src, alt: typeof alt === "string" ? alt : "", line, ...(isPoster(node) && { field: "poster" }) });
      if (blocks.has(node.tagName)) text.push(" ");
      if (isHidden(node)) return SKIP;
      if (firstParagraph === "" && node.tagName === "p" && parent.type === "root" && !isOwnWords(node)) {
        firstParagraph = visibleText(node).replace(/\s+/g, " ").trim();
      }
      return undefined;
    });

    file.data.links = links;
    file.data.images = images;
    file.data.ids = ids;
    file.data.firstParagraph = firstParagraph;
    file.data.wordCount = text.join("").match(word)?.length ?? 0;
  };
}

/** True for text that is not read as part of the article: footnote numbers, visually hidden labels. */
function isHidden(node: Element): boolean {
  const className = node.properties.className;
  return (
    node.properties.dataFootnoteRef !== undefined ||
    node.properties.dataFootnoteBackref !== undefined ||
    (Array.isArray(className) && className.includes("sr-only"))
  );
}

/** The text of a node without its hidden parts. */
function visibleText(root: Element): string {
  const parts: string[] = [];
  walk(root, (node) => {
    if (node.type === "text") parts.push(node.value);
    else if (node.type === "element" && isHidden(node)) return SKIP;
    return undefined;
  });
  return parts.join("");
}
