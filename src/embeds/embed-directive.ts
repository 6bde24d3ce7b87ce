import { directiveProblem, isLeafDirective, parseLeafDirective, quoted, type DirectiveProblem } from "../markdown/leaf-directive.ts";
import { RATIOS, type Ratio } from "./providers.ts";

/** The attributes of one `::embed{…}` line, as written. */
export interface EmbedDirective {
  url?: string;
  title?: string;
  ratio?: Ratio;
  text?: string;
  /** A local picture shown on the facade, written as the article's other pictures are (relative to the article, or a site path). */
  poster?: string;
}

const EXAMPLE = '::embed{url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" title="The council meeting, 3 March" ratio="16x9"}';

const POSTER_EXAMPLE = 'poster="images/council-meeting.jpg"';

/** True when a paragraph's text is meant as an embed directive (so a mistake in it is reported, not printed). */
export function isEmbedDirective(line: string): boolean {
  return isLeafDirective("embed", line);
}

/** Parse `::embed{url="…" title="…" ratio="…" text="…" poster="…"}` (the syntax is read by src/markdown/leaf-directive.ts). */
export function parseEmbedDirective(line: string): { ok: true; directive: EmbedDirective } | { ok: false; problem: DirectiveProblem } {
  const parsed = parseLeafDirective("embed", line, "the embed", EXAMPLE);
  if (!parsed.ok) return parsed;
  const directive: EmbedDirective = {};
  for (const [name, value] of parsed.attributes) {
    if (name === "url" || name === "title" || name === "text") {
      if (value === "") return directiveProblem(`the embed's \`${name}\` is empty`, `Give it a value or leave it out: ${EXAMPLE}.`);
      directive[name] = value;
    } else if (name === "poster") {
      if (value === "") return directiveProblem("the embed's `poster` is empty", `Give the picture's path or leave it out: ${POSTER_EXAMPLE}.`);
      const problem = posterProblem(value);
      if (problem !== undefined) return problem;
      directive.poster = value;
    } else if (name === "ratio") {
      const ratio = value.replace(":", "x");
      if (!(RATIOS as readonly string[]).includes(ratio)) return directiveProblem(`the embed's ratio ${quoted(value)} is not one Tidings knows`, `Use one of ${RATIOS.join(", ")} (16:9 also works).`);
      directive.ratio = ratio as Ratio;
    } else {
      return directiveProblem(`the embed has an attribute \`${name}\` that Tidings does not know`, "Use url, title, ratio, text or poster.");
    }
  }
  if (directive.url === undefined) return directiveProblem("the embed has no `url`", `Add the address: ${EXAMPLE}.`);
  return { ok: true, directive };
}

/** Why a poster cannot be used, when it is an address rather than a picture file's path. */
function posterProblem(value: string): { ok: false; problem: DirectiveProblem } | undefined {
  // Only the site's own files: a picture from another site would be fetched before the reader
  // asks, telling that site who reads the page, and a provider's thumbnail is that, always.
  const fix = `Save the picture next to the article (for example in images/) and give its path from there: ${POSTER_EXAMPLE}. Never use the provider's own thumbnail.`;
  // Browsers skip control characters in an address (so `\t//host` is a host): no file name has them.
  if (/[\u0000-\u001f\u007f]/.test(value)) return directiveProblem(`the embed's \`poster\` ${quoted(value)} is not the path of a picture file: it has a tab or another control character in it`, fix);
  // As a browser reads an address: `\` is `/`, so `\\host` is a host too.
  const address = value.replace(/\\/g, "/");
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(address)) return directiveProblem(`the embed's \`poster\` ${quoted(value)} is on another website, which readers' browsers would contact before they choose to load anything`, fix);
  if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return directiveProblem(`the embed's \`poster\` ${quoted(value)} is not the path of a picture file`, fix);
  return undefined;
}
