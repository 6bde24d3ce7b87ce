import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";

/** What is wrong with a directive line, in an editor's words. */
export interface DirectiveProblem {
  message: string;
  fix: string;
}

/** A directive line's attributes as written, in order, or what is wrong with it. */
export type LeafDirectiveResult = { ok: true; attributes: [name: string, value: string][] } | { ok: false; problem: DirectiveProblem };

/** True when a line is meant as the `::name` directive (so a mistake in it is reported, not printed). */
export function isLeafDirective(name: string, line: string): boolean {
  return line.trimStart().startsWith(`::${name}`);
}

/**
 * Read `::name{a="…" b='…' c=…}`: remark-directive's leaf syntax, for one directive only.
 * Tidings reads its directives itself rather than adding remark-directive, which would also turn
 * `:word` inside any sentence into a text directive and change existing articles. `noun` names
 * the thing in messages ("the embed", "the update"); `example` is a correct line for the fixes.
 * Values are trimmed; an attribute given twice is a problem, which attributes are allowed is the
 * caller's to check.
 */
export function parseLeafDirective(name: string, line: string, noun: string, example: string): LeafDirectiveResult {
  const match = new RegExp(`^::${name}\\s*\\{([\\s\\S]*)\\}$`).exec(line.trim());
  if (!match) return directiveProblem(`${noun} line ${quoted(line)} is not of the form ::${name}{…="…"}`, `Write it on one line like ${example}.`);
  const body = match[1] ?? "";
  const attributes: [string, string][] = [];
  const attribute = /\s*([a-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))\s*/y;
  let at = 0;
  while (at < body.length) {
    attribute.lastIndex = at;
    const found = attribute.exec(body);
    if (!found) {
      if (body.slice(at).trim() === "") break;
      return directiveProblem(`${possessive(noun)} attributes ${quoted(body.slice(at))} are not name="value" pairs`, `Quote each value: ${example}.`);
    }
    at = attribute.lastIndex;
    const key = found[1] ?? "";
    if (attributes.some(([seen]) => seen === key)) return directiveProblem(`${noun} sets \`${key}\` twice`, `Keep one \`${key}\`.`);
    attributes.push([key, (found[2] ?? found[3] ?? found[4] ?? "").trim()]);
  }
  return { ok: true, attributes };
}

/** A failed directive result. */
export function directiveProblem(message: string, fix: string): { ok: false; problem: DirectiveProblem } {
  return { ok: false, problem: { message, fix } };
}

/** `the embed` → `the embed's`. */
export function possessive(noun: string): string {
  return `${noun}'s`;
}

/** A value quoted in a message, shortened to 60 characters. */
export function quoted(value: string): string {
  const trimmed = value.trim();
  return `“${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}”`;
}

/** A paragraph's source text, read from the file so that autolinks or emphasis inside a directive line do not matter. */
export function paragraphSource(paragraph: Element, file: VFile): string {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  return start !== undefined && end !== undefined ? String(file.value).slice(start, end) : toString(paragraph);
}
