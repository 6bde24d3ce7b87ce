import type { Root } from "hast";
import type { VFile } from "vfile";
import { walk } from "../walk.ts";

/** Options for `rehypeSafeExternalLinks`. */
export interface RehypeSafeExternalLinksOptions {
  /** Host names of the site itself, whose links stay internal; the per-render `file.data.siteHosts` are added. */
  siteHosts?: readonly string[];
  /** `rel` for links to other hosts (default: `noopener noreferrer`). */
  rel?: readonly string[];
}

/**
 * Mark links to other hosts (absolute `http:` or `https:` links in any case, and protocol-relative
 * `//host/` ones) with `rel="noopener noreferrer"`. No `target="_blank"`: opening new windows
 * unasked is an accessibility problem. The site's own hosts arrive per render on `file.data`.
 *
 * This was rehype-external-links, which walks the tree with unist-util-visit: renaming a function
 * on every node for its stack traces, that walk was a fifth of the pipeline's plugin time. This one
 * uses the pipeline's own walk, marks what it marked with these options, and, unlike it, an
 * upper-case `HTTPS:` link too.
 */
export function rehypeSafeExternalLinks(options: RehypeSafeExternalLinksOptions = {}) {
  const rel = [...(options.rel ?? ["noopener", "noreferrer"])];
  return function (tree: Root, file: VFile): undefined {
    const hosts = new Set([...(options.siteHosts ?? []), ...(file.data.siteHosts ?? [])].map((host) => host.toLowerCase()));
    walk(tree, (node) => {
      if (node.type !== "element" || node.tagName !== "a") return undefined;
      const href = node.properties.href;
      if (typeof href === "string" && mayLeaveTheSite(href) && !isSiteLink(href, hosts)) node.properties.rel = [...rel];
      return undefined;
    });
  };
}

// An absolute http(s) address, or a protocol-relative one (`//host/path`): the links that can lead to another host.
const OTHER_HOST = /^(?:https?:|\/\/)/i;

function mayLeaveTheSite(href: string): boolean {
  return OTHER_HOST.test(href);
}

/** True when the link's host is one of the site's own. */
function isSiteLink(href: string, hosts: ReadonlySet<string>): boolean {
  if (hosts.size === 0) return false;
  try {
    // The base only matters for protocol-relative `//host/path` links.
    return hosts.has(new URL(href, "https://base.invalid").hostname.toLowerCase());
  } catch {
    return false;
  }
}
