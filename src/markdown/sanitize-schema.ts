import { defaultSchema, type Options as Schema } from "rehype-sanitize";
import { TABLE_ALIGN_CLASSES } from "./plugins/rehype-table-align.ts";

/**
 * URL schemes allowed per URL-carrying property; relative and fragment URLs are always allowed.
 * `javascript:`, `vbscript:` and `data:` are absent, so the sanitiser drops them.
 */
export const allowedProtocols: Readonly<Record<string, readonly string[]>> = Object.freeze({
  href: Object.freeze(["http", "https", "mailto", "tel"]),
  src: Object.freeze(["http", "https"]),
  cite: Object.freeze(["http", "https"]),
});

/** Prefix the sanitiser puts before every `id`, so article ids can never clobber the page's own. */
export const clobberPrefix = "user-content-";

// `aria-*` references and labels; only on the elements that need them.
const aria = ["ariaDescribedBy", "ariaLabel", "ariaLabelledBy"];

/**
 * What raw HTML in an article may contain: GitHub's default schema, narrowed to valid HTML5
 * (no obsolete elements or presentational attributes, which fail the HTML checker, and no form
 * controls, which `remarkPlainTaskLists` makes unnecessary), plus what a newsroom needs.
 * Frozen so no plugin can loosen the policy for every later render.
 */
export const newsroomSchema: Schema = deepFreeze({
  // Comments must survive so `rehypeDonateSplit` can see the `<!-- donate -->` marker where the
  // HTML parser left it; that plugin then removes every comment, so none reach the output.
  allowComments: true,
  allowDoctypes: false,
  tagNames: [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
  ],
  attributes: {
    "*": ["dir", "id", "lang", "title"],
    // The footnote attributes are the ones remark-rehype puts on GFM footnote links.
    a: [...aria, "href", "hrefLang", "dataFootnoteRef", "dataFootnoteBackref", ["className", "data-footnote-backref"]],
    blockquote: ["cite"],
    code: [["className", /^language-./]],
    del: ["cite", "dateTime"],
    details: ["open"],
    // The visually hidden "Footnotes" label that remark-rehype adds.
    h2: [["className", "sr-only"]],
    img: [...aria, "alt", "src", ["width", /^\d+$/], ["height", /^\d+$/]],
    ins: ["cite", "dateTime"],
    ol: [...aria, "reversed", "start"],
    q: ["cite"],
    section: [...aria, "dataFootnotes", ["className", "footnotes"]],
    table: [...aria],
    // Column alignment, as rehypeTableAlign writes it.
    td: ["colSpan", "headers", "rowSpan", ["className", ...TABLE_ALIGN_CLASSES]],
    th: ["abbr", "colSpan", "headers", "rowSpan", "scope", ["className", ...TABLE_ALIGN_CLASSES]],
    time: ["dateTime"],
    ul: [...aria],
  },
  // Elements that are only valid inside these; elsewhere they are unwrapped.
  ancestors: {
    ...defaultSchema.ancestors,
    caption: ["table"],
    dd: ["dl"],
    dt: ["dl"],
    figcaption: ["figure"],
    summary: ["details"],
  },
  clobber: ["ariaDescribedBy", "ariaLabelledBy", "id", "name"],
  clobberPrefix,
  protocols: {
    href: [...(allowedProtocols["href"] ?? [])],
    src: [...(allowedProtocols["src"] ?? [])],
    cite: [...(allowedProtocols["cite"] ?? [])],
  },
  required: {},
  // Dropped with their content: unwrapping these would print code, CSS or fallback markup as text.
  strip: [
    "applet",
    "frameset",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
  ],
});

/**
 * True when `url` passes a schema's protocol check, mirroring hast-util-sanitize: no colon, or a
 * colon after `/`, `?` or `#`, means a relative URL; otherwise the scheme must be listed.
 */
export function isAllowedUrl(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(":");
  if (colon < 0) return true;
  for (const marker of ["/", "?", "#"]) {
    const at = url.indexOf(marker);
    if (at > -1 && colon > at) return true;
  }
  return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol));
}

/** Freeze a value and everything in it, keeping its type (regular expressions are left alone). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !(value instanceof RegExp)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
