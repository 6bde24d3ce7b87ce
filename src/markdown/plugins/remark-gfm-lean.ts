import type { Nodes, Root } from "mdast";
import type { Extension as FromMarkdownExtension, Transform } from "mdast-util-from-markdown";
import type { Construct, Extension } from "micromark-util-types";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Processor } from "unified";

// The name micromark-extension-gfm-autolink-literal gives its email construct.
const EMAIL_AUTOLINK = "emailAutolink";

// Where the email construct stays: `w`, `W` and `_` can start an email whose local part holds a
// `www.` autolink (`www.desk@…`, `_www.desk@…`); micromark tries the email first and wins.
const EMAIL_FIRST = new Set(["w", "W", "_"].map((character) => character.charCodeAt(0)));

/**
 * GFM's constructs that micromark tries often, and whether a text can hold each (gfmConstructsFor):
 * one a text cannot hold is left out of its parse, which gives the same tree for less work.
 */
export interface GfmConstructs {
  /** A table: tried at the start of every line. */
  tables: boolean;
  /** A `www.` autolink literal: tried at every word starting with `w` or `W`. */
  wwwAutolinks: boolean;
  /** An `http://` or `https://` autolink literal: tried at every word starting with `h` or `H`. */
  protocolAutolinks: boolean;
  /** An email autolink literal (kept only where a `www.` one could take its place): tried at every word starting with `w`, `W` or `_`. */
  emailAutolinks: boolean;
}

/** How remarkGfmLean parses: every construct unless one is turned off (false) for a text that cannot hold it. */
export type GfmLeanOptions = Partial<GfmConstructs>;

/**
 * remark-gfm for parsing only (tables, strikethrough, autolink literals, footnotes, task lists),
 * with email autolink literals found by mdast-util-gfm's text transform instead of by micromark.
 * micromark tries its email construct at the start of every word (its own source calls this a
 * to-do), which nearly doubles the cost of parsing prose; the transform that mdast-util-gfm runs
 * after parsing already links `name@example.org` in text, so real addresses give the same tree
 * (tests/markdown/remark-gfm-lean.test.ts compares the two and pins the odd addresses where they
 * differ) for about a quarter less parse time than remark-gfm. That transform runs only on a
 * tree where it can link something (onlyWhereLinkable); the constructs a text cannot hold can be
 * left out of its parse (GfmLeanOptions, gfmConstructsFor).
 */
export function remarkGfmLean(this: Processor, options: GfmLeanOptions = {}): undefined {
  const data = this.data();
  const left = new Set(
    Object.entries(CONSTRUCT_NAMES).flatMap(([construct, name]) => (options[construct as keyof GfmConstructs] === false ? [name] : [])),
  );
  (data.micromarkExtensions ??= []).push(withoutConstructs(withoutEmailAutolinks(gfm()), left));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown().map(onlyWhereLinkable));
}

// What each kind of autolink literal needs in the text, in any case: micromark's constructs (read
// in its tokenizers) and mdast-util-gfm's transform alike (its web pattern starts with `http://`,
// `https://` or `www.`; its email one, `mailto:` and `xmpp:` included, holds an `@`).
const WWW = /www\./i;
const PROTOCOL = /https?:\/\//i;
const EMAIL = /@/;

// Text in which the transform may link something: any of the three.
const LINKABLE = new RegExp([WWW, PROTOCOL, EMAIL].map((pattern) => pattern.source).join("|"), "i");

/**
 * mdast-util-gfm's extension for autolink literals with its transform run only on a tree that has
 * a text node holding an `@`, `http://`, `https://` or `www.`: without one none of its four
 * patterns can match, and most articles have none. The transform walks every text node with four
 * patterns (one of them Unicode-aware behind a lookbehind): a tenth of a body's render time.
 * Other extensions are returned as they are.
 */
export function onlyWhereLinkable(extension: FromMarkdownExtension): FromMarkdownExtension {
  if (extension.enter?.["literalAutolink"] === undefined || !extension.transforms) return extension;
  const transforms = extension.transforms.map(
    (transform): Transform =>
      (tree) =>
        hasLinkableText(tree) ? transform(tree) : undefined,
  );
  return { ...extension, transforms };
}

// Every text node is looked at, even inside links (which the transform skips): looking at more only runs it more often.
function hasLinkableText(node: Nodes | Root): boolean {
  if (node.type === "text") return LINKABLE.test(node.value);
  if (!("children" in node)) return false;
  for (const child of node.children) if (hasLinkableText(child)) return true;
  return false;
}

/** A micromark extension with the email autolink literal construct taken out of its text constructs, except where a `www.` autolink could take its place. */
export function withoutEmailAutolinks(extension: Extension): Extension {
  const text: NonNullable<Extension["text"]> = {};
  for (const [code, value] of Object.entries(extension.text ?? {})) {
    const all = (Array.isArray(value) ? value : [value]).filter((construct): construct is Construct => construct !== undefined);
    const constructs = EMAIL_FIRST.has(Number(code)) ? all : all.filter((construct) => construct.name !== EMAIL_AUTOLINK);
    if (constructs.length > 0) text[Number(code)] = constructs;
  }
  return { ...extension, text };
}

/**
 * Which of GFM's often-tried constructs a text can hold; each needs characters in the text that
 * every match of it has (read in micromark-extension-gfm-table's and -autolink-literal's
 * tokenizers), so a text without them parses to the same tree without the construct:
 * - a table's delimiter row needs a `|`, or a `:` against a `-` (`a` over `:--` is a table of one
 *   column); micromark tries a table at the start of every line, about a sixth of parsing prose;
 * - a `www.` autolink needs `www.` (in any case), an `http://` or `https://` one those (in any
 *   case), and an email one an `@`: each is tried at every word starting with its letters.
 */
export function gfmConstructsFor(text: string): GfmConstructs {
  return {
    tables: mayHoldTable(text),
    wwwAutolinks: WWW.test(text),
    protocolAutolinks: PROTOCOL.test(text),
    emailAutolinks: EMAIL.test(text),
  };
}

/** Whether a text can hold a GFM table (see gfmConstructsFor). */
export function mayHoldTable(text: string): boolean {
  return TABLE_DELIMITER.test(text);
}

const TABLE_DELIMITER = /\||:-|-:/;

// The names micromark's GFM extensions give the constructs of GfmConstructs.
const CONSTRUCT_NAMES: Record<keyof GfmConstructs, string> = {
  tables: "table",
  wwwAutolinks: "wwwAutolink",
  protocolAutolinks: "protocolAutolink",
  emailAutolinks: EMAIL_AUTOLINK,
};

/** A micromark extension without the constructs of these names (for a text gfmConstructsFor says cannot hold them). */
export function withoutConstructs(extension: Extension, names: ReadonlySet<string>): Extension {
  if (names.size === 0) return extension;
  const kept = (record: Extension["flow"]) => {
    const result: NonNullable<Extension["flow"]> = {};
    for (const [code, value] of Object.entries(record ?? {})) {
      const constructs = (Array.isArray(value) ? value : [value]).filter(
        (construct): construct is Construct => construct !== undefined && (construct.name === undefined || !names.has(construct.name)),
      );
      if (constructs.length > 0) result[code === "null" ? "null" : Number(code)] = constructs;
    }
    return result;
  };
  return { ...extension, flow: kept(extension.flow), text: kept(extension.text) };
}
