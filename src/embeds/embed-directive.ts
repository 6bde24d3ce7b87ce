import { RATIOS, type Ratio } from "./providers.ts";

/** The attributes of one `::embed{…}` line, as written. */
export interface EmbedDirective {
  url?: string;
  title?: string;
  ratio?: Ratio;
  text?: string;
}

/** What is wrong with a directive line, in an editor's words. */
export interface DirectiveProblem {
  message: string;
  fix: string;
}

const EXAMPLE = '::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The council meeting, 3 March" ratio="16x9"}';

/** True when a paragraph's text is meant as an embed directive (so a mistake in it is reported, not printed). */
export function isEmbedDirective(line: string): boolean {
  return line.trimStart().startsWith("::embed");
}

/**
 * Parse `::embed{url="…" title="…" ratio="…" text="…"}`: remark-directive's leaf syntax, for this
 * one directive only. Tidings reads it itself rather than adding remark-directive, which would
 * also turn `:word` inside any sentence into a text directive and change existing articles.
 */
export function parseEmbedDirective(line: string): { ok: true; directive: EmbedDirective } | { ok: false; problem: DirectiveProblem } {
  const match = /^::embed\s*\{([\s\S]*)\}$/.exec(line.trim());
  if (!match) return fail(`the embed line ${quoted(line)} is not of the form ::embed{url="…"}`, `Write it on one line like ${EXAMPLE}.`);
  const body = match[1] ?? "";
  const directive: EmbedDirective = {};
  const attribute = /\s*([a-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))\s*/y;
  let at = 0;
  while (at < body.length) {
    attribute.lastIndex = at;
    const found = attribute.exec(body);
    if (!found) {
      if (body.slice(at).trim() === "") break;
      return fail(`the embed's attributes ${quoted(body.slice(at))} are not name="value" pairs`, `Quote each value: ${EXAMPLE}.`);
    }
    at = attribute.lastIndex;
    const name = found[1] ?? "";
    const value = (found[2] ?? found[3] ?? found[4] ?? "").trim();
    if (name in directive) return fail(`the embed sets \`${name}\` twice`, `Keep one \`${name}\`.`);
    if (name === "url" || name === "title" || name === "text") {
      if (value === "") return fail(`the embed's \`${name}\` is empty`, `Give it a value or leave it out: ${EXAMPLE}.`);
      directive[name] = value;
    } else if (name === "ratio") {
      const ratio = value.replace(":", "x");
      if (!(RATIOS as readonly string[]).includes(ratio)) return fail(`the embed's ratio ${quoted(value)} is not one Tidings knows`, `Use one of ${RATIOS.join(", ")} (16:9 also works).`);
      directive.ratio = ratio as Ratio;
    } else {
      return fail(`the embed has an attribute \`${name}\` that Tidings does not know`, "Use url, title, ratio or text.");
    }
  }
  if (directive.url === undefined) return fail("the embed has no `url`", `Add the address: ${EXAMPLE}.`);
  return { ok: true, directive };
}

function fail(message: string, fix: string): { ok: false; problem: DirectiveProblem } {
  return { ok: false, problem: { message, fix } };
}

function quoted(value: string): string {
  const trimmed = value.trim();
  return `“${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}”`;
}
