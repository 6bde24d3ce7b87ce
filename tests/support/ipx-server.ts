import { createIPX, createIPXNodeServer, ipxFSStorage } from "ipx";
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
