import { parseHeadersFile as parseLeniently, type HeaderRule } from "../../src/core/headers-file.ts";

export { headersFor, patternMatches, type HeaderRule } from "../../src/core/headers-file.ts";

/** Parse a `_headers` file as hosts do, but throw on a line that is neither a path nor an indented header, so a malformed file fails the test instead of being half read. */
export function parseHeadersFile(text: string): HeaderRule[] {
  return parseLeniently(text, (line, content) => {
    throw new Error(`_headers line ${line} is neither a path nor an indented header: ${content}`);
  });
}

/** A Content-Security-Policy as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name = "", ...sources]) => [name, sources]),
  );
}
