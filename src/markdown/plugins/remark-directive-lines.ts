import type { Paragraph, PhrasingContent, Root } from "mdast";
import type { Point } from "unist";
import type { VFile } from "vfile";
import { isLeafDirective } from "../leaf-directive.ts";

/** The leaf directives Tidings reads (src/live/update-directive.ts, src/embeds/embed-directive.ts). */
export const DIRECTIVE_NAMES: readonly string[] = ["update", "embed"];

/**
 * Give each `::update{…}` or `::embed{…}` line its own paragraph when text sits right above or
 * below it with no empty line between. Markdown joins such lines into one paragraph, so the
 * directive line would never stand alone and be read as malformed, while editors write an
 * update's text straight under its line, as they do under a heading. Top-level paragraphs only,
 * as the directives are. A line break inside markup (an emphasis or link that runs on to the next
 * line) is not cut, so such a paragraph stays as written and is reported as before.
 */
export function remarkDirectiveLines() {
  return function (tree: Root, file: VFile): undefined {
    const source = String(file.value);
    const children: Root["children"] = [];
    for (const node of tree.children) {
      const pieces = node.type === "paragraph" ? splitAtDirectiveLines(node, source) : undefined;
      if (pieces === undefined) children.push(node);
      else children.push(...pieces);
    }
    tree.children = children;
  };
}

/** The paragraph cut before and after each directive line in it, or undefined when nothing is cut. */
function splitAtDirectiveLines(paragraph: Paragraph, source: string): Paragraph[] | undefined {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const newlines: number[] = [];
  for (let at = source.indexOf("\n", start.offset); at !== -1 && at < end.offset; at = source.indexOf("\n", at + 1)) newlines.push(at);
  if (newlines.length === 0) return undefined;
  // Indexes into `newlines` of the line ends to cut at: above and below every directive line.
  const cuts = new Set<number>();
  for (let line = 0; line <= newlines.length; line++) {
    const from = line === 0 ? start.offset : (newlines[line - 1] ?? 0) + 1;
    const to = newlines[line] ?? end.offset;
    if (!DIRECTIVE_NAMES.some((name) => isLeafDirective(name, source.slice(from, to)))) continue;
    if (line > 0) cuts.add(line - 1);
    if (line < newlines.length) cuts.add(line);
  }
  const pieces: Paragraph[] = [];
  let rest = paragraph.children;
  let from: Point = start;
  for (const index of [...cuts].sort((a, b) => a - b)) {
    const newline = newlines[index] ?? 0;
    let next = newline + 1;
    while (source[next] === " " || source[next] === "\t") next++;
    const nextLine = pointAt(source, next, start.line + index + 1);
    const cut = cutAtNewline(rest, newline, source, nextLine);
    if (cut === undefined) continue;
    const lineEnd = source[newline - 1] === "\r" ? newline - 1 : newline;
    pieces.push({ type: "paragraph", children: cut.head, position: { start: from, end: pointAt(source, lineEnd, start.line + index) } });
    rest = cut.tail;
    from = nextLine;
  }
  if (pieces.length === 0) return undefined;
  pieces.push({ type: "paragraph", children: rest, position: { start: from, end } });
  return pieces;
}

/**
 * The children split at the source line break at offset `newline`, when it is a soft or hard
 * break of the paragraph itself; `nextLine` is where the text after it starts.
 */
function cutAtNewline(children: PhrasingContent[], newline: number, source: string, nextLine: Point): { head: PhrasingContent[]; tail: PhrasingContent[] } | undefined {
  const at = children.findIndex((child) => (child.position?.end.offset ?? 0) > newline);
  const child = children[at];
  const childStart = child?.position?.start.offset;
  if (child === undefined || childStart === undefined || childStart > newline) return undefined;
  if (child.type === "break") return { head: children.slice(0, at), tail: children.slice(at + 1) };
  if (child.type !== "text") return undefined;
  // The text's value drops escapes and indentation but keeps every line break, so line breaks count alike in both.
  let breaks = 0;
  for (let found = source.indexOf("\n", childStart); found !== -1 && found < newline; found = source.indexOf("\n", found + 1)) breaks++;
  let cut = -1;
  for (let seen = 0; seen <= breaks; seen++) {
    cut = child.value.indexOf("\n", cut + 1);
    if (cut === -1) return undefined;
  }
  const head = children.slice(0, at);
  const tail = children.slice(at + 1);
  const before = child.value.slice(0, cut).replace(/[ \t]+$/, "");
  const after = child.value.slice(cut + 1);
  if (before !== "") head.push({ type: "text", value: before });
  // The rest keeps a place starting after the cut, so a later cut in the same text counts from there.
  if (after !== "") tail.unshift(child.position === undefined ? { type: "text", value: after } : { type: "text", value: after, position: { start: nextLine, end: child.position.end } });
  return { head, tail };
}

/** The point at `offset`, which is on `line`. */
function pointAt(source: string, offset: number, line: number): Point {
  return { line, column: offset - source.lastIndexOf("\n", offset - 1), offset };
}
