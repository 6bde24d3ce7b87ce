import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

const COMPRESSED = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/** A running static server. */
export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Answer requests for a built site the way a static host does (folders as their index.html, 404.html
 * for anything missing, text gzipped for clients that accept it), adding the headers `headersFor`
 * gives for each path.
 */
export function staticHandler(folder: string, headersFor: (sitePath: string) => [string, string][] = () => []): RequestListener {
  return (request, response) => {
    const sitePath = decodeURIComponent(new URL(request.url ?? "/", "http://host").pathname);
    let file = path.join(folder, ...sitePath.split("/").filter((part) => part !== "" && part !== ".."));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = existsSync(file) && statSync(file).isFile();
    const served = found ? file : path.join(folder, "404.html");
    for (const [name, value] of headersFor(sitePath)) response.appendHeader(name, value);
    const type = TYPES[path.extname(served)] ?? "application/octet-stream";
    const body = existsSync(served) ? readFileSync(served) : Buffer.alloc(0);
    // Text goes out gzipped, as every static host and CDN sends it (Lighthouse measures what travels).
    if (COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      response.writeHead(found ? 200 : 404, { "Content-Type": type, "Content-Encoding": "gzip", Vary: "Accept-Encoding" });
      response.end(gzipSync(body));
      return;
    }
    response.writeHead(found ? 200 : 404, { "Content-Type": type });
    response.end(body);
  };
}

/** Listen with `handler` on a free port of 127.0.0.1; resolves to the origin and a way to close. */
export async function listen(handler: RequestListener): Promise<StaticServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))) };
}

/**
 * Serve a built site the way a static host does (see staticHandler). Listens on a free port
 * and answers a first request before returning, so a leftover server can never be tested instead.
 */
export async function serveFolder(folder: string, headersFor: (sitePath: string) => [string, string][] = () => []): Promise<StaticServer> {
  const served = await listen(staticHandler(folder, headersFor));
  const probe = await fetch(`${served.origin}/`);
  if (!probe.ok) throw new Error(`the static server at ${served.origin} did not serve the site (status ${probe.status})`);
  return served;
}
