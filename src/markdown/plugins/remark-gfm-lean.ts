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

/** How remarkGfmLean parses. */
export interface GfmLeanOptions {
  /** false: no tables, for a text that cannot hold one (see mayHoldTable); by default they are parsed. */
  tables?: boolean;
}

/**
 * remark-gfm for parsing only (tables, strikethrough, autolink literals, footnotes, task lists),
 * with email autolink literals found by mdast-util-gfm's text transform instead of by micromark.
 * micromark tries its email construct at the start of every word (its own source calls this a
 * to-do), which nearly doubles the cost of parsing prose; the transform that mdast-util-gfm runs
 * after parsing already links `name@example.org` in text, so real addresses give the same tree
 * (tests/markdown/remark-gfm-lean.test.ts compares the two and pins the odd addresses where they
 * differ) for about a quarter less parse time than remark-gfm. That transform runs only on a
 * tree where it can link something (onlyWhereLinkable).
 */
export function remarkGfmLean(this: Processor, options: GfmLeanOptions = {}): undefined {
  const data = this.data();
  const syntax = withoutEmailAutolinks(gfm());
  (data.micromarkExtensions ??= []).push(options.tables === false ? withoutTables(syntax) : syntax);
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown().map(onlyWhereLinkable));
}

// Every address mdast-util-gfm's autolink transform links holds an `@` (an email, `mailto:`,
// `xmpp:`) or starts with `http://`, `https://` or `www.` in any case (its web pattern).
const LINKABLE = /@|https?:\/\/|www\./i;

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
 * Whether a text can hold a GFM table: its delimiter row needs a `|`, or a `:` against a `-`
 * (`a` over `:--` is a table of one column). micromark tries the table construct at the start of
 * every line, about a sixth of parsing prose, so a text with none of these is parsed without it
 * (withoutTables), to the same tree.
 */
export function mayHoldTable(text: string): boolean {
  return TABLE_DELIMITER.test(text);
}

const TABLE_DELIMITER = /\||:-|-:/;

/** A micromark extension without GFM's table construct (for a text mayHoldTable says has none). */
export function withoutTables(extension: Extension): Extension {
  const flow: NonNullable<Extension["flow"]> = {};
  for (const [code, value] of Object.entries(extension.flow ?? {})) {
    const constructs = (Array.isArray(value) ? value : [value]).filter(
      (construct): construct is Construct => construct !== undefined && construct.name !== "table",
    );
    if (constructs.length > 0) flow[code === "null" ? "null" : Number(code)] = constructs;
  }
  return { ...extension, flow };
}
