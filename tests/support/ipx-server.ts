import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { createIPX, createIPXNodeServer, ipxFSStorage } from "ipx";
import { build } from "../../src/build.ts";
import { copySampleSite } from "./fixture-site.ts";
import { headersFor, parseHeadersFile } from "./headers-file.ts";
import { SAMPLE_SITE_NOW } from "./sample-site.ts";
import { listen, staticHandler, type StaticServer } from "./static-server.ts";

/** Where IPX answers on the test server, as `images.url` names it (after the origin). */
export const IPX_PREFIX = "/_ipx";

/**
 * A built site and a real IPX image server (npm `ipx`) on one origin, as a host that runs IPX
 * beside the site serves them: `/_ipx/<modifiers>/<path>` is answered by IPX reading the originals
 * from `folder` (the published site), everything else by the static host with `headersFor`'s
 * headers. One origin keeps the site's Content-Security-Policy (`img-src 'self' https:`) as it is.
 * Listens before the site is built, since the site's `images.url` must name the port; `folder` is
 * read on each request.
 */
export async function serveSiteWithIpx(folder: string, headersFor: (sitePath: string) => [string, string][]): Promise<StaticServer> {
  const ipx = createIPXNodeServer(createIPX({ storage: ipxFSStorage({ dir: folder }) }));
  const site = staticHandler(folder, headersFor);
  return listen((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(`${IPX_PREFIX}/`)) return site(request, response);
    // IPX reads the modifiers and the path from the URL it is given, without the prefix it is mounted at.
    request.url = url.slice(IPX_PREFIX.length);
    return ipx(request, response);
  });
}

/**
 * The sample site built with `images.provider: ipx` and served with its own headers beside a real
 * IPX server (serveSiteWithIpx), as a newsroom on an image CDN publishes it. The caller closes the server.
 */
export async function sampleSiteOnIpx(): Promise<{ server: StaticServer; root: string; outputDir: string }> {
  const root = copySampleSite();
  const outputDir = path.join(root, "_site");
  const rules = parseHeadersFile(readFileSync(path.join(root, "public", "_headers"), "utf8"));
  // The server listens first: the site's images.url must name its port.
  const server = await serveSiteWithIpx(outputDir, (sitePath) => headersFor(rules, sitePath));
  appendFileSync(path.join(root, "tidings.config.yml"), `\nimages:\n  provider: ipx\n  url: ${server.origin}${IPX_PREFIX}\n`);
  const result = await build({ root, now: SAMPLE_SITE_NOW });
  if (!result.ok) {
    await server.close();
    throw new Error(JSON.stringify(result.diagnostics));
  }
  const probe = await fetch(`${server.origin}/`);
  if (!probe.ok) throw new Error(`the test server did not serve the site (status ${probe.status})`);
  return { server, root, outputDir };
}
