import { EMBED_SRC_ATTRIBUTE } from "./embed-html.ts";

// Rendered bodies are serialised by hast-util-to-html, which writes every attribute as
// ` name="value"` and escapes `"` inside values, so this reads back exactly what the embed
// plugin wrote. The sanitiser drops every data-* attribute an editor writes, so no article
// can add an origin here by itself.
const FRAME_SOURCE = new RegExp(` ${EMBED_SRC_ATTRIBUTE}="(https://[^/"]+)/`, "g");

/** True when a rendered body (in its parts) has a click-to-load embed, so its page needs embed.js. */
export function hasEmbeds(parts: readonly string[]): boolean {
  return parts.some((part) => part.includes(` ${EMBED_SRC_ATTRIBUTE}="`));
}

/** The origins the facades in these rendered bodies would frame, sorted and without repeats. */
export function frameOrigins(bodies: Iterable<readonly string[]>): string[] {
  const origins = new Set<string>();
  for (const parts of bodies) for (const part of parts) for (const match of part.matchAll(FRAME_SOURCE)) if (match[1]) origins.add(match[1]);
  return [...origins].sort();
}

/**
 * The `_headers` file with `frame-src` set to exactly `origins` in every Content-Security-Policy
 * that does not already name `frame-src` (the site's pages; /admin/'s policy frames nothing and
 * says so with `default-src 'none'`, so it is left alone only if it sets frame-src itself).
 * With no origins the file is returned unchanged: `default-src 'none'` already forbids frames.
 */
export function withFrameSources(headers: string, origins: readonly string[]): string {
  if (origins.length === 0) return headers;
  let first = true;
  return headers
    .split("\n")
    .map((line) => {
      const match = /^(\s+Content-Security-Policy:\s*)(.*)$/.exec(line);
      if (!match || /(^|;)\s*frame-src\s/.test(match[2] ?? "") || !first) return line;
      // Only the first policy (the site-wide `/*` rule): later ones are narrower paths (the web
      // editor) that must not gain frames.
      first = false;
      return `${match[1]}${match[2]}; frame-src ${origins.join(" ")}`;
    })
    .join("\n");
}
