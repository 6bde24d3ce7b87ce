/** One block of a Netlify / Cloudflare Pages `_headers` file: a path pattern, its headers, and the headers it detaches from broader rules (`! Name`). */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
  detached: string[];
}

/**
 * Parse a `_headers` file: a line starting with `/` (or `https://`) opens a rule, indented
 * `Name: value` lines belong to it, `#` lines are comments. `onMalformed` is told of any other
 * line (with its 1-based number); by default such a line is passed over, as hosts do.
 */
export function parseHeadersFile(text: string, onMalformed: (line: number, text: string) => void = () => undefined): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (/^\S/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [], detached: [] });
      return;
    }
    const rule = rules.at(-1);
    const detach = /^\s+!\s*([A-Za-z0-9-]+)\s*$/.exec(line);
    if (detach && rule) {
      rule.detached.push((detach[1] ?? "").toLowerCase());
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    if (!header || !rule) return onMalformed(index + 1, line);
    rule.headers.push([header[1] ?? "", (header[2] ?? "").trim()]);
  });
  return rules;
}

/** True when a rule's pattern matches a site path: `*` matches anything, slashes included. */
export function patternMatches(pattern: string, sitePath: string): boolean {
  const expression = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${expression}$`).test(sitePath);
}

/** The headers a host sends for a path: those of every matching rule, in file order, less those a later matching rule detaches (Cloudflare Pages' `! Name`). */
export function headersFor(rules: readonly HeaderRule[], sitePath: string): [string, string][] {
  const headers: [string, string][] = [];
  for (const rule of rules.filter((candidate) => patternMatches(candidate.pattern, sitePath))) {
    const kept = headers.filter(([name]) => !rule.detached.includes(name.toLowerCase()));
    headers.length = 0;
    headers.push(...kept, ...rule.headers);
  }
  return headers;
}
