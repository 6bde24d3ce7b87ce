import type { Element, ElementContent, Root } from "hast";
import type { VFile } from "vfile";
import { isPoster } from "../marks.ts";
import { quote, report } from "../report.ts";
import { walk } from "../walk.ts";

/** Options for `rehypeFigures`. */
export interface RehypeFiguresOptions {
  /** Properties added to every body image (default: lazy loading and async decoding). */
  imageProperties?: Readonly<Record<string, string>>;
}

/**
 * Make body images publishable, in one pass:
 * - an image alone in its paragraph with a title (`![alt](src "Caption")`) becomes
 *   `<figure><img><figcaption>Caption</figcaption></figure>`; without a title it stays in its `<p>`;
 *   a credit follows the last ` | ` in the title (`"Caption | Photo: Sam Ortiz"`) and is shown
 *   like a lead image's credit, `<span class="credit">`;
 * - every image gets `loading="lazy"` and `decoding="async"`;
 * - an image without alt text is an error (`markdown/image-alt`), except an embed's poster, which
 *   is decoration inside a link its words name;
 * - an image the sanitiser left without a `src` is removed, as `<img>` without `src` is invalid
 *   HTML (the editor was already warned by `rehypeReportUnsafe`).
 * Own plugin: the ecosystem's figure plugins use alt text as the caption, not the title.
 */
export function rehypeFigures(options: RehypeFiguresOptions = {}) {
  const imageProperties = options.imageProperties ?? { loading: "lazy", decoding: "async" };
  return function (tree: Root, file: VFile): undefined {
    walk(tree, (node, index, parent) => {
      if (node.type !== "element") return undefined;
      if (node.tagName === "p") {
        const image = soleImage(node);
        if (image === undefined) return undefined;
        if (!hasSource(image)) {
          parent.children.splice(index, 1);
          return index;
        }
        const caption = image.properties.title;
        if (typeof caption === "string" && caption.trim() !== "") toFigure(node, image, caption);
        return undefined;
      }
      if (node.tagName !== "img") return undefined;
      if (!hasSource(node)) {
        parent.children.splice(index, 1);
        return index;
      }
      Object.assign(node.properties, imageProperties);
      const alt = node.properties.alt;
      if ((typeof alt !== "string" || alt.trim() === "") && !isPoster(node)) {
        const src = String(node.properties.src);
        const example = src.length > 60 ? "src" : src;
        report(file, node, {
          severity: "error",
          rule: "image-alt",
          message: `the image ${quote(src)} has no alt text: readers who cannot see it will not know what it shows`,
          fix: `Describe the image in the square brackets: ![What the photo shows](${example}) (in HTML: alt="What the photo shows").`,
        });
      }
      return undefined;
    });
  };
}

/** The paragraph's only child that is not whitespace, when it is an image. */
function soleImage(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const only = content[0];
  return content.length === 1 && only?.type === "element" && only.tagName === "img" ? only : undefined;
}

/** Turn the paragraph into a figure in place, moving the image's title into a caption and credit. */
function toFigure(paragraph: Element, image: Element, title: string): void {
  delete image.properties.title;
  const { caption, credit } = splitCredit(title);
  const children: ElementContent[] = caption === "" ? [] : [{ type: "text", value: caption }];
  if (credit !== "") {
    if (children.length > 0) children.push({ type: "text", value: " " });
    children.push({ type: "element", tagName: "span", properties: { className: ["credit"] }, children: [{ type: "text", value: credit }] });
  }
  const figcaption: ElementContent = { type: "element", tagName: "figcaption", properties: {}, children };
  paragraph.tagName = "figure";
  paragraph.children = [image, figcaption];
}

/** `"Caption | Credit"` → both parts, trimmed; a title without ` | ` is all caption. */
export function splitCredit(title: string): { caption: string; credit: string } {
  const bar = title.lastIndexOf(" | ");
  if (bar === -1) return { caption: title.trim(), credit: "" };
  return { caption: title.slice(0, bar).trim(), credit: title.slice(bar + 3).trim() };
}

function hasSource(image: Element): boolean {
  return typeof image.properties.src === "string" && image.properties.src !== "";
}
