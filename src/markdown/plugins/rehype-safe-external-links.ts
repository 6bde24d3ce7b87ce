import type { Element, Root } from "hast";
import rehypeExternalLinks from "rehype-external-links";
import type { VFile } from "vfile";

/** Options for `rehypeSafeExternalLinks`. */
export interface RehypeSafeExternalLinksOptions {
  /** Host names of the site itself, whose links stay internal; the per-render `file.data.siteHosts` are added. */
  siteHosts?: readonly string[];
  /** `rel` for links to other hosts (default: `noopener noreferrer`). */
  rel?: readonly string[];
}

/**
 * Mark absolute http(s) links to other hosts with `rel="noopener noreferrer"` through
 * rehype-external-links. No `target="_blank"`: opening new windows unasked is an accessibility
 * problem. A thin wrapper because the site's own hosts arrive per render on `file.data`, and
 * rehype-external-links' `test` only sees the element.
 */
export function rehypeSafeExternalLinks(options: RehypeSafeExternalLinksOptions = {}) {
  const rel = [...(options.rel ?? ["noopener", "noreferrer"])];
  return function (tree: Root, file: VFile): undefined {
    const hosts = new Set([...(options.siteHosts ?? []), ...(file.data.siteHosts ?? [])].map((host) => host.toLowerCase()));
    const external = rehypeExternalLinks({ rel, test: (element: Element) => !isSiteLink(element, hosts) });
    external(tree);
  };
}

/** True when the link's host is one of the site's own. */
function isSiteLink(element: Element, hosts: ReadonlySet<string>): boolean {
  if (hosts.size === 0) return false;
  const href = element.properties.href;
  if (typeof href !== "string") return false;
  try {
    // The base only matters for protocol-relative `//host/path` links.
    return hosts.has(new URL(href, "https://base.invalid").hostname.toLowerCase());
  } catch {
    return false;
  }
}
