/**
 * A small XML writer for feeds and sitemaps. Documents are built as trees of elements, so every
 * text and attribute value passes through one escaping function; nothing is concatenated by hand.
 */

/** An XML element: a name, attributes (undefined ones are left out) and children. */
export interface XmlElement {
  kind: "element";
  name: string;
  attributes: Readonly<Record<string, string | undefined>>;
  children: readonly XmlChild[];
}

/** Text to be written as a CDATA section (for HTML in RSS `content:encoded`). */
export interface XmlCdata {
  kind: "cdata";
  text: string;
}

/**
 * An element this writer has already written (see `written`), at the indentation of `depth`:
 * placed as it is, so an element that appears in many documents (an article's item in each of
 * its feeds) is escaped and indented once.
 */
export interface XmlWritten {
  kind: "written";
  depth: number;
  lines: readonly string[];
}

/** What an element may contain; `undefined` and `false` are skipped, so optional parts read naturally. */
export type XmlChild = XmlElement | XmlCdata | XmlWritten | string | undefined | false | readonly XmlChild[];

/** An element with attributes and children. */
export function element(name: string, attributes: Readonly<Record<string, string | undefined>> = {}, ...children: XmlChild[]): XmlElement {
  return { kind: "element", name, attributes, children };
}

/** An element holding only text, or nothing at all when the text is undefined. */
export function textElement(
  name: string,
  text: string | undefined,
  attributes: Readonly<Record<string, string | undefined>> = {},
): XmlElement | undefined {
  return text === undefined ? undefined : element(name, attributes, text);
}

/** A CDATA section. */
export function cdata(text: string): XmlCdata {
  return { kind: "cdata", text };
}

// XML 1.0 allows only these characters (https://www.w3.org/TR/xml/#charsets); with the `u` flag a
// lone surrogate is one code point outside the ranges, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Escape text for element content: `&`, `<`, `>`, and `\r` (which parsers would otherwise turn into `\n`). */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

/** Escape an attribute value for double quotes; tabs and line breaks become references so parsers keep them. */
export function escapeXmlAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/**
 * A CDATA section; a `]]>` inside the text is split across two sections so it cannot end the first
 * one early. Line breaks are written as `\n`, which is what any XML parser would make of them.
 */
export function escapeCdata(text: string): string {
  const content = stripInvalidXmlChars(text).replace(/\r\n?/g, "\n").replaceAll("]]>", "]]]]><![CDATA[>");
  return `<![CDATA[${content}]]>`;
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
};

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/;

/** `node` written once, at the indentation of `depth`, to be placed as a child at that depth in any number of documents. */
export function written(node: XmlElement, depth: number): XmlWritten {
  const lines: string[] = [];
  writeElement(node, depth, lines);
  return { kind: "written", depth, lines };
}

/** Serialise a document: the XML declaration, then the root element indented two spaces a level, ending with a newline. */
export function renderXmlDocument(root: XmlElement): string {
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  writeElement(root, 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeElement(node: XmlElement, depth: number, lines: string[]): void {
  if (!NAME.test(node.name)) throw new Error(`not an XML name: ${node.name}`);
  const indent = "  ".repeat(depth);
  let open = `<${node.name}`;
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value === undefined) continue;
    if (!NAME.test(name)) throw new Error(`not an XML attribute name: ${name}`);
    open += ` ${name}="${escapeXmlAttribute(value)}"`;
  }
  const children = flatten(node.children);
  if (children.length === 0) {
    lines.push(`${indent}${open}/>`);
  } else if (children.every((child) => child.kind === "text" || child.kind === "cdata")) {
    // Text-only content stays on the element's line: whitespace around it would change its value.
    const content = children.map((child) => (child.kind === "cdata" ? escapeCdata(child.text) : escapeXmlText(child.text))).join("");
    lines.push(`${indent}${open}>${content}</${node.name}>`);
  } else if (children.every((child) => child.kind === "element" || child.kind === "written")) {
    lines.push(`${indent}${open}>`);
    for (const child of children) {
      if (child.kind === "element") writeElement(child, depth + 1, lines);
      else if (child.depth === depth + 1) lines.push(...child.lines);
      else throw new Error(`an element written at depth ${child.depth} is placed at depth ${depth + 1}`);
    }
    lines.push(`${indent}</${node.name}>`);
  } else {
    throw new Error(`<${node.name}> mixes text and elements, which this writer does not indent safely`);
  }
}

type FlatChild = XmlElement | XmlCdata | XmlWritten | { kind: "text"; text: string };

function flatten(children: readonly XmlChild[]): FlatChild[] {
  const flat: FlatChild[] = [];
  for (const child of children) {
    if (child === undefined || child === false) continue;
    if (typeof child === "string") flat.push({ kind: "text", text: child });
    else if (Array.isArray(child)) flat.push(...flatten(child));
    else flat.push(child as XmlElement | XmlCdata | XmlWritten);
  }
  return flat;
}
