import { directiveProblem, isLeafDirective, parseLeafDirective, quoted, type DirectiveProblem } from "../markdown/leaf-directive.ts";
import { RATIOS, type Ratio } from "./providers.ts";

/** The attributes of one `::embed{…}` line, as written. */
export interface EmbedDirective {
  url?: string;
  title?: string;
  ratio?: Ratio;
  text?: string;
}

const EXAMPLE = '::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The council meeting, 3 March" ratio="16x9"}';

/** True when a paragraph's text is meant as an embed directive (so a mistake in it is reported, not printed). */
export function isEmbedDirective(line: string): boolean {
  return isLeafDirective("embed", line);
}

/** Parse `::embed{url="…" title="…" ratio="…" text="…"}` (the syntax is read by src/markdown/leaf-directive.ts). */
export function parseEmbedDirective(line: string): { ok: true; directive: EmbedDirective } | { ok: false; problem: DirectiveProblem } {
  const parsed = parseLeafDirective("embed", line, "the embed", EXAMPLE);
  if (!parsed.ok) return parsed;
  const directive: EmbedDirective = {};
  for (const [name, value] of parsed.attributes) {
    if (name === "url" || name === "title" || name === "text") {
      if (value === "") return directiveProblem(`the embed's \`${name}\` is empty`, `Give it a value or leave it out: ${EXAMPLE}.`);
      directive[name] = value;
    } else if (name === "ratio") {
      const ratio = value.replace(":", "x");
      if (!(RATIOS as readonly string[]).includes(ratio)) return directiveProblem(`the embed's ratio ${quoted(value)} is not one Tidings knows`, `Use one of ${RATIOS.join(", ")} (16:9 also works).`);
      directive.ratio = ratio as Ratio;
    } else {
      return directiveProblem(`the embed has an attribute \`${name}\` that Tidings does not know`, "Use url, title, ratio or text.");
    }
  }
  if (directive.url === undefined) return directiveProblem("the embed has no `url`", `Add the address: ${EXAMPLE}.`);
  return { ok: true, directive };
}
