import path from "node:path";
import type { SitePath } from "./types.ts";
import { withPathPrefix } from "./urls.ts";

/** Where a link in a content file leads, as far as the site is concerned. */
export type LinkTarget =
  /** Another site, an email address, a phone number: not the site's business. */
  | { kind: "elsewhere" }
  /** A page or file of this site, by site path (without the path prefix), with the `#fragment` if any. */
  | { kind: "site"; path: SitePath; fragment: string; rootRelative: boolean }
  /** Another content file, written as a relative path to its Markdown (`../2025/other.md`), by project path. */
  | { kind: "content"; file: string; fragment: string };

/** Where the linking file is and where the site lives, to make sense of a link. */
export interface LinkContext {
  /** Project path of the file the link is in (`content/articles/2026/x.md`). */
  file: string;
  /** The site path of the page that file becomes, which relative links resolve against. */
  pageUrl: SitePath;
  /** The site's host name, whose absolute links are internal. */
  host: string;
  /** The path the site lives under, `/` at a domain's root. */
  pathPrefix: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BASE = "https://tidings.invalid";

/**
 * Classify a link as written in a content file: site-relative (`/about/#contact`), same-host
 * absolute (`https://news.example.org/about/`), relative to the page (`../`, `#notes`), a relative
 * path to another content file's Markdown (`../2025/other.md`), or elsewhere.
 */
export function classifyLink(href: string, context: LinkContext): LinkTarget {
  if (SCHEME.test(href) || href.startsWith("//")) return classifyAbsolute(href, context);
  const [beforeFragment = "", ...rest] = href.split("#");
  const fragment = decode(rest.join("#"));
  const pathPart = decode(beforeFragment.split("?")[0] ?? "");
  if (pathPart === "") return { kind: "site", path: context.pageUrl, fragment, rootRelative: false };
  if (/\.md$/i.test(pathPart) && !pathPart.startsWith("/")) {
    return { kind: "content", file: path.posix.normalize(path.posix.join(path.posix.dirname(context.file), pathPart)), fragment };
  }
  if (pathPart.startsWith("/")) return { kind: "site", path: pathPart, fragment, rootRelative: true };
  return { kind: "site", path: new URL(pathPart, `${BASE}${context.pageUrl}`).pathname, fragment, rootRelative: false };
}

/**
 * The address to publish for a body link, or undefined to leave it as written: a link to another
 * content file's Markdown becomes that file's page, and site-relative links get the site's path
 * prefix (a site at `https://example.github.io/news/` publishes `/about/` as `/news/about/`).
 * A pure function of the link, the context and the address table, so renders stay cacheable.
 */
export function resolveContentLink(
  href: string,
  context: LinkContext,
  addresses: Pick<ReadonlyMap<string, SitePath>, "get">,
): string | undefined {
  const target = classifyLink(href, context);
  if (target.kind === "content") {
    const address = addresses.get(target.file);
    if (address === undefined) return undefined;
    const hash = href.indexOf("#");
    return withPathPrefix(address, context.pathPrefix) + (hash === -1 ? "" : href.slice(hash));
  }
  if (target.kind === "site" && target.rootRelative && context.pathPrefix !== "/") return withPathPrefix(href, context.pathPrefix);
  return undefined;
}

function classifyAbsolute(href: string, context: LinkContext): LinkTarget {
  let url: URL;
  try {
    url = new URL(href, BASE);
  } catch {
    return { kind: "elsewhere" };
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.hostname.toLowerCase() !== context.host.toLowerCase()) {
    return { kind: "elsewhere" };
  }
  const pathname = decode(url.pathname);
  const prefix = context.pathPrefix;
  // On a shared host (`user.github.io/other-project/`) only addresses under the prefix are this site.
  if (prefix !== "/" && !`${pathname}/`.startsWith(prefix)) return { kind: "elsewhere" };
  const sitePath = prefix === "/" ? pathname : pathname.slice(prefix.length - 1) || "/";
  return { kind: "site", path: sitePath, fragment: decode(url.hash.slice(1)), rootRelative: false };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
