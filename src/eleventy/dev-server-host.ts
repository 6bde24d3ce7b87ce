import type { Server } from "node:http";
import type Eleventy from "@11ty/eleventy";

/** The address the preview listens on unless `--host` says otherwise: this machine only, since it shows drafts, embargoed articles and /admin/. */
export const DEFAULT_PREVIEW_HOST = "127.0.0.1";

// The parts of Eleventy 3's EleventyServe and @11ty/eleventy-dev-server 2 used here.
interface DevServer {
  server: Server;
  _serverListen(port: number): void;
}
interface EleventyServe {
  initServerInstance(): Promise<void>;
  server: DevServer;
}

/**
 * Make Eleventy's dev server, before it starts, listen on `host` only: it has no option for it
 * and calls `listen({ port })`, which takes every interface. `setServerOptions({ module })` cannot
 * carry a replacement, as Eleventy loads that module only from the site's own node_modules and
 * silently falls back to its own server (on every interface) when it cannot; so the instance
 * Eleventy will use is created now and its one listening method told the host. Throws, rather
 * than listen everywhere, if a new Eleventy no longer has that method.
 */
export async function listenOnHost(eleventy: Eleventy, host: string): Promise<void> {
  const serve = (eleventy as unknown as { eleventyServe?: EleventyServe }).eleventyServe;
  if (typeof serve?.initServerInstance !== "function") throw new Error("this Eleventy has no dev server to bind: check src/eleventy/dev-server-host.ts");
  await serve.initServerInstance();
  const devServer = serve.server;
  if (typeof devServer._serverListen !== "function") throw new Error("this Eleventy dev server cannot be bound to one address: check src/eleventy/dev-server-host.ts");
  // Also used for the next port when one is taken.
  devServer._serverListen = (port: number) => {
    devServer.server.listen({ port, host });
  };
}
