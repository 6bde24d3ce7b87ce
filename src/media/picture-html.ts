import type { Element, Properties } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { SKIP, walk } from "../markdown/walk.ts";
import type { Picture } from "../site/types.ts";

/** How a local image shows in an article body. */
export interface BodyImageDisplay {
  /** The URL to print (path prefix applied): the original for images published as they are. */
  src: string;
  width: number;
  height: number;
  /** Resized versions, when there are any. */
  picture?: Picture;
}

/**
 * Give the local images in rendered body HTML their published form: `<img>` becomes
 * `<picture>` with AVIF and WebP sources, `srcset`, `sizes`, `width` and `height`, keeping the
 * editor's alt text, caption and lazy loading. `lookup` maps an `<img src>` as the Markdown
 * renderer wrote it (a site path) to how it shows; images it does not know (remote, or from
 * public/) are left alone.
 *
 * This runs after the (cacheable) Markdown render, on the bodies that contain an image only,
 * so the render stays a pure function of the source and the file path, and the image encodings
 * can change without re-rendering Markdown. HTML without a known image comes back unchanged.
 */
export function addPictures(html: string, lookup: (src: string) => BodyImageDisplay | undefined): string {
  if (!html.includes("<img")) return html;
  const tree = fromHtml(html, { fragment: true });
  let changed = false;
  walk(tree, (node, index, parent) => {
    if (node.type !== "element" || node.tagName !== "img") return undefined;
    const src = node.properties["src"];
    const display = typeof src === "string" ? lookup(src) : undefined;
    if (!display) return undefined;
    changed = true;
    const size = displaySize(node.properties, display);
    const img: Element = { ...node, properties: { ...node.properties, ...size } };
    if (!display.picture) {
      img.properties["src"] = display.src;
      parent.children[index] = img;
      return SKIP;
    }
    const { picture } = display;
    // An editor's own width (raw HTML `<img width>`) is how wide it shows, never wider than the column.
    const sizes = size.width === picture.width ? picture.sizes : `min(${size.width}px, 100vw - 2rem)`;
    Object.assign(img.properties, { src: picture.src, srcSet: picture.srcset, sizes });
    const sources = picture.sources.map(
      (source): Element => ({ type: "element", tagName: "source", properties: { type: source.type, srcSet: source.srcset, sizes }, children: [] }),
    );
    parent.children[index] = { type: "element", tagName: "picture", properties: {}, children: [...sources, img] };
    return SKIP;
  });
  return changed ? toHtml(tree) : html;
}

/** The `width` and `height` to print: the editor's width when they gave one (height to match), else the image's own. */
function displaySize(properties: Properties, display: BodyImageDisplay): { width: number; height: number } {
  const given = Number(properties["width"]);
  if (!Number.isInteger(given) || given <= 0) return { width: display.width, height: display.height };
  return { width: given, height: Math.round((given * display.height) / display.width) };
}
