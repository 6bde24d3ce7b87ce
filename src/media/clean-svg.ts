import type { Element, ElementContent, Properties, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import { unified } from "unified";

/** What cleaning a drawing gave: the SVG to publish and what was taken out of it, or why it cannot be published. */
export type CleanSvgResult = { ok: true; svg: string; removed: string[] } | { ok: false; problem: string };

// Why an allowlist over a parsed tree, and not a scan for bad parts: a drawing is published on the
// site's own origin, where a script in it could act as the reader (or as an editor in /admin/), and
// browsers open SVG files by themselves. Everything not listed here is dropped, so a trick nobody
// has thought of yet is dropped too. rehype-sanitize (hast-util-sanitize, the sanitiser article
// bodies already go through) enforces the lists; the walk below names what it drops for the editor
// and judges the values the lists cannot (addresses and CSS); the result is parsed again and
// refused if anything it should not hold is still there.

// Drawing, text, paint servers, clipping, masking and filters: what chart tools and editors export.
// Absent on purpose: script, foreignObject (HTML inside the drawing), animation (`<set>` can
// rewrite an href), feImage, and everything else.
const ELEMENTS = [
  "svg", "g", "defs", "symbol", "use", "title", "desc", "style", "a", "switch",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
  "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
  "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
  "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
  "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
]; // prettier-ignore

// As hast names them (camelCase). No event handler (`on…`) is among them.
const ATTRIBUTES = [
  "xmlns", "xmlnsXLink", "version", "baseProfile", "id", "className", "style", "lang", "xmlLang", "xmlSpace", "tabIndex",
  "ariaLabel", "ariaHidden", "ariaLabelledBy", "ariaDescribedBy", "role", "focusable",
  "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
  "fx", "fy", "fr", "d", "points", "pathLength", "transform", "href", "xLinkHref",
  "fill", "fillOpacity", "fillRule", "stroke", "strokeWidth", "strokeOpacity", "strokeLinecap", "strokeLinejoin",
  "strokeMiterLimit", "strokeDashArray", "strokeDashOffset", "opacity", "color", "display", "visibility", "overflow",
  "clipPath", "clipRule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits",
  "primitiveUnits", "markerStart", "markerMid", "markerEnd", "markerWidth", "markerHeight", "markerUnits", "refX", "refY",
  "orient", "vectorEffect", "shapeRendering", "textRendering", "imageRendering", "colorInterpolation",
  "colorInterpolationFilters", "paintOrder", "mixBlendMode", "isolation",
  "offset", "stopColor", "stopOpacity", "gradientUnits", "gradientTransform", "spreadMethod",
  "patternUnits", "patternContentUnits", "patternTransform",
  "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "textAnchor", "dominantBaseline",
  "alignmentBaseline", "baselineShift", "letterSpacing", "wordSpacing", "textDecoration", "writingMode", "dx", "dy",
  "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side", "direction", "unicodeBidi",
  "in", "in2", "result", "stdDeviation", "mode", "type", "values", "tableValues", "slope", "intercept", "amplitude",
  "exponent", "k1", "k2", "k3", "k4", "operator", "radius", "floodColor", "floodOpacity", "lightingColor",
  "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation", "z",
  "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "scale", "xChannelSelector", "yChannelSelector",
  "baseFrequency", "numOctaves", "seed", "stitchTiles", "order", "kernelMatrix", "divisor", "bias", "targetX",
  "targetY", "edgeMode", "preserveAlpha", "kernelUnitLength", "media", "systemLanguage", "requiredExtensions",
]; // prettier-ignore

const ALLOWED_ELEMENTS = new Set(ELEMENTS);
const ALLOWED_ATTRIBUTES = new Set(ATTRIBUTES);
const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

// Editors' own bookkeeping (Inkscape's sodipodi:namedview, RDF metadata, namespace declarations):
// dropped without a word, as it never draws anything and says nothing about the drawing's safety.
const isBookkeeping = (name: string) => name === "metadata" || name.includes(":") || /^xmlns./.test(name);

const SCHEMA: SanitizeSchema = {
  tagNames: ELEMENTS,
  attributes: { "*": ATTRIBUTES },
  // Fragments (`#id`) carry no scheme and always pass; data: only for the raster pictures checked below.
  protocols: { href: ["data"], xLinkHref: ["data"] },
  strip: ["script", "foreignObject"],
  // Ids stay as they are: gradients, clip paths and <use> refer to them.
  clobber: [],
  clobberPrefix: "",
  required: {},
  ancestors: {},
  allowComments: false,
  allowDoctypes: false,
};

/**
 * The drawing in `source` (an SVG file's text) with everything that could run script or load
 * anything from elsewhere removed, and what was removed, in plain words; or why it cannot be
 * published (not an SVG, or cleaning did not leave it clean).
 */
export function cleanSvg(source: string): CleanSvgResult {
  const tree = fromHtml(source, { fragment: true });
  const removed: string[] = [];
  const svg = outermostSvg(tree.children, removed);
  if (!svg) return { ok: false, problem: "it has no <svg> element" };
  prune(svg, removed);
  const sanitized = unified().use(rehypeSanitize, SCHEMA).runSync({ type: "root", children: [svg] } satisfies Root);
  const drawing = sanitized.children.find((node): node is Element => node.type === "element" && node.tagName === "svg");
  if (!drawing) return { ok: false, problem: "nothing was left of it once cleaned" };
  // A file opened on its own needs its namespaces, whatever the original declared.
  drawing.properties = { ...drawing.properties, xmlns: SVG_NAMESPACE };
  if (usesXlink(drawing)) drawing.properties["xmlnsXLink"] = XLINK_NAMESPACE;
  const svgText = toHtml(drawing, { space: "svg" });
  const left = leftovers(svgText);
  if (left) return { ok: false, problem: `cleaning it left ${left}` };
  return { ok: true, svg: `${svgText}\n`, removed: [...new Set(removed)] };
}

/**
 * The first part of `svg` (an SVG's text) that a published drawing must not hold, or undefined:
 * an element outside the allowlist, an event handler, a reference to another file or unsafe CSS.
 */
export function leftovers(svg: string): string | undefined {
  const tree = fromHtml(svg, { fragment: true });
  const found: string[] = [];
  const visit = (node: Element) => {
    if (!ALLOWED_ELEMENTS.has(node.tagName)) found.push(`a <${node.tagName}> element`);
    for (const [name, value] of Object.entries(node.properties)) {
      const problem = attributeProblem(node, name, value);
      if (problem || (!ALLOWED_ATTRIBUTES.has(name) && !/^xmlns/.test(name))) found.push(problem ?? `the ${attributeName(name)} attribute`);
    }
    if (node.tagName === "style") {
      const problem = cssProblem(textOf(node), true);
      if (problem) found.push(problem);
    }
    for (const child of node.children) if (child.type === "element") visit(child);
  };
  for (const node of tree.children) {
    if (node.type === "element") visit(node);
    else if (node.type !== "text" || node.value.trim() !== "") found.push(`a ${node.type} outside the drawing`);
  }
  return found[0];
}

// The first <svg> element, the drawing that is published; every element around or beside it is noted as removed.
function outermostSvg(nodes: readonly Root["children"][number][], removed: string[]): Element | undefined {
  let found: Element | undefined;
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (node.tagName === "svg" && !found) {
      found = node;
      continue;
    }
    removed.push(`the <${node.tagName}> element outside the drawing`);
    found ??= outermostSvg(node.children, removed);
  }
  return found;
}

// Remove what the allowlists drop and what they cannot judge, noting each part for the editor.
function prune(element: Element, removed: string[]): void {
  for (const [name, value] of Object.entries(element.properties)) {
    const notAllowed = !ALLOWED_ATTRIBUTES.has(name);
    const problem = notAllowed ? undefined : attributeProblem(element, name, value);
    if (!notAllowed && !problem) continue;
    delete element.properties[name];
    const attribute = attributeName(name);
    if (problem) removed.push(problem);
    else if (!isBookkeeping(attribute) && attribute !== "xmlns") removed.push(/^on/.test(attribute) ? `the ${attribute} event handler` : `the ${attribute} attribute`);
  }
  element.children = element.children.filter((child): child is ElementContent => {
    if (child.type === "comment") return false;
    if (child.type !== "element") return true;
    if (!ALLOWED_ELEMENTS.has(child.tagName)) {
      if (!isBookkeeping(child.tagName)) removed.push(`the <${child.tagName}> element`);
      return false;
    }
    if (child.tagName === "style") {
      const problem = cssProblem(textOf(child), true);
      if (problem) {
        removed.push(`a <style> element with ${problem}`);
        return false;
      }
    }
    prune(child, removed);
    return true;
  });
}

// Why an allowed attribute's value cannot stay: an address leading out of the drawing, or CSS that loads or escapes.
function attributeProblem(element: Element, name: string, value: Properties[string]): string | undefined {
  const text = Array.isArray(value) ? value.join(" ") : String(value);
  if (name === "href" || name === "xLinkHref") {
    if (/^#/.test(text.trim())) return undefined;
    if (element.tagName === "image" && /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i.test(text.trim())) return undefined;
    return `the reference ${attributeName(name)}=${JSON.stringify(shorten(text))} on <${element.tagName}> (only #ids in the drawing and embedded PNG, JPEG, GIF, WebP or AVIF pictures may stay)`;
  }
  const problem = name === "style" || /url\s*\(/i.test(text) ? cssProblem(text, false) : undefined;
  return problem ? `the ${attributeName(name)} attribute with ${problem}` : undefined;
}

/** Why CSS from a drawing cannot stay, or undefined: it may point only at #ids in the drawing. */
function cssProblem(css: string, inElement: boolean): string | undefined {
  if (/@import/i.test(css)) return "an @import";
  if (/\\/.test(css)) return "a CSS escape (\\)";
  if (/expression\s*\(|javascript:|-moz-binding|behavior\s*:/i.test(css)) return "script in CSS";
  if (/(?:image-set|image|src|cross-fade|element)\s*\(/i.test(css)) return "a CSS image function";
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/gi)) {
    if (!(match[2] ?? "").trim().startsWith("#")) return `a link to another file, url(${shorten(match[2] ?? "")})`;
  }
  // Written back as the text of <style>, which an XML reader would end at `<` or `]]>`.
  if (inElement && /[<&]|\]\]>/.test(css)) return "markup inside CSS";
  return undefined;
}

function usesXlink(element: Element): boolean {
  return element.properties["xLinkHref"] !== undefined || element.children.some((child) => child.type === "element" && usesXlink(child));
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === "text" ? child.value : child.type === "element" ? textOf(child) : "")).join("");
}

// An attribute's name as the drawing's file spells it, from hast's property name (`onLoad` → `onload`, `xLinkHref` → `xlink:href`).
function attributeName(property: string): string {
  if (/^on[A-Z]/.test(property)) return property.toLowerCase();
  if (property.startsWith("xLink")) return `xlink:${property.slice(5).toLowerCase()}`;
  if (property === "className") return "class";
  return property.includes(":") ? property : property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
