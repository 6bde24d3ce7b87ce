/**
 * The absolute, percent-encoded address of a site path (`/2026/11/24/flood-wall/`) on a site
 * published at `siteUrl` (which may include a sub-folder, e.g. `https://example.github.io/news`),
 * or of a web address as given. WHATWG URL parsing percent-encodes non-ASCII paths and queries and
 * turns non-ASCII host names into punycode, as sitemaps and feeds require.
 */
export function toAbsoluteUrl(pathOrUrl: string, siteUrl: string): string {
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  // A site path is relative to the site's own folder, not to the host's root.
  const relative = pathOrUrl.startsWith("/") && !pathOrUrl.startsWith("//") ? pathOrUrl.slice(1) : pathOrUrl;
  return new URL(relative, base).href;
}
