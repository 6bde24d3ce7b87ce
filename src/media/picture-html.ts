import type { Element, Properties } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { Picture } from "../model/types.ts";

/** How a local image shows in an article body. */
export interface BodyImageDisplay {
  /** The URL to print (path prefix applied): the original for images published as they are. */
  src: string;
  width: number;
  height: number;
  /** Resized versions, when there are any. */
  picture?: Picture;
}

// One `<img>` start tag as HTML serialisers write it: attribute values may hold `>` only inside quotes.
const IMG_TAG = /<img(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Give the local images in rendered body HTML their published form: `<img>` becomes
 * `<picture>` with AVIF and WebP sources, `srcset`, `sizes`, `width` and `height`, keeping the
 * editor's alt text, caption and lazy loading. `lookup` maps an `<img src>` as the Markdown
 * renderer wrote it (a site path) to how it shows; images it does not know (remote, or from
 * public/) are left alone.
 *
 * This runs after the (cacheable) Markdown render, on the bodies that contain an image only,
 * so the render stays a pure function of the source and the file path, and the image encodings
 * can change without re-rendering Markdown. Only the `<img>` tags are parsed and rewritten, not
 * the whole body: the body is the serialiser's own output, in which `<img` starts a tag and never
 * text (text has `&lt;`), and parsing 300 whole bodies cost 0.3 s a build. HTML without a known
 * image comes back unchanged.
 */
export function addPictures(html: string, lookup: (src: string) => BodyImageDisplay | undefined): string {
  if (!html.includes("<img")) return html;
  return html.replace(IMG_TAG, (tag) => {
    const img = imgElement(tag);
    const display = img === undefined ? undefined : lookup(img.src);
    return img && display ? toHtml(publishedImage(img.node, display)) : tag;
  });
}

/** The `src` of every `<img>` in rendered body HTML that addPictures would look up, in order. */
export function imageSources(html: string): string[] {
  if (!html.includes("<img")) return [];
  return [...html.matchAll(IMG_TAG)].flatMap(([tag]) => imgSource(tag) ?? []);
}

// What may make a value's text differ from what a parser reads in it: a character reference, a
// carriage return (read as a line feed) or a NUL.
const NOT_LITERAL = /[&\r\0]/;
// One attribute as the serialiser writes it: a space, a lower-case name, and a double-quoted value if any.
const ATTRIBUTE = / ([a-z][a-z0-9-]*)(?:="([^"]*)")?/y;

// The `src` of an `<img>` tag, as parsing it gives. A tag as the serialiser writes it (every
// attribute ` name="value"` or a bare ` name`, nothing to decode) is read attribute by attribute
// (parsing it with parse5 costs about 0.1 ms, and every body image's tag is read when the body is
// rendered); any other tag is parsed.
function imgSource(tag: string): string | undefined {
  if (NOT_LITERAL.test(tag) || !tag.startsWith("<img ")) return imgElement(tag)?.src;
  let src: string | undefined;
  let position = 4;
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(tag);
    if (match === null) break;
    // A parser keeps the first of two attributes of one name.
    if (match[1] === "src" && src === undefined) src = match[2] ?? "";
    position = ATTRIBUTE.lastIndex;
  }
  const end = tag.slice(position);
  if (end !== ">" && end !== "/>" && end !== " />") return imgElement(tag)?.src;
  return src;
}

// An `<img>` start tag parsed, with its `src`; undefined for a tag that is not one, or has no `src`.
function imgElement(tag: string): { node: Element; src: string } | undefined {
  const node = fromHtml(tag, { fragment: true }).children[0];
  if (node?.type !== "element" || node.tagName !== "img") return undefined;
  const src = node.properties["src"];
  return typeof src === "string" ? { node, src } : undefined;
}

/** The element an `<img>` of a known image becomes: the same `<img>` with its size, or a `<picture>` around it. */
function publishedImage(node: Element, display: BodyImageDisplay): Element {
  const size = displaySize(node.properties, display);
  const img: Element = { ...node, properties: { ...node.properties, ...size } };
  if (!display.picture) {
    img.properties["src"] = display.src;
    return img;
  }
  const { picture } = display;
  // An editor's own width (raw HTML `<img width>`) is how wide it shows, never wider than the column.
  const sizes = size.width === picture.width ? picture.sizes : `min(${size.width}px, 100vw - 2rem)`;
  Object.assign(img.properties, { src: picture.src, srcSet: picture.srcset, sizes });
  const sources = picture.sources.map((source): Element => ({
    type: "element",
    tagName: "source",
    properties: { type: source.type, srcSet: source.srcset, sizes },
    children: [],
  }));
  return { type: "element", tagName: "picture", properties: {}, children: [...sources, img] };
}

/** The `width` and `height` to print: the editor's width when they gave one (height to match), else the image's own. */
function displaySize(properties: Properties, display: BodyImageDisplay): { width: number; height: number } {
  const given = Number(properties["width"]);
  if (!Number.isInteger(given) || given <= 0) return { width: display.width, height: display.height };
  return { width: given, height: Math.round((given * display.height) / display.width) };
}
