import { createServer, request as forward, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { requestPaths } from "./backend-request.ts";
import { contentPathProblem, EDITOR_FOLDER } from "./content-path.ts";

/** The largest request passed on: decap-server's own limit, which a picture upload (base64) can approach. */
export const MAX_REQUEST_BYTES = 50 * 1024 * 1024;

/** Where the guard listens, what it lets through and to where. */
export interface BackendGuardOptions {
  /** Absolute path of the project root, as decap-server was given it. */
  root: string;
  /** The port on 127.0.0.1 the guard listens on (the one config.yml's `local_backend` names); 0 asks the system for one. */
  port: number;
  /** decap-server's own port on 127.0.0.1, known only to the guard. */
  targetPort: number;
  /** The origins whose pages may call it: the preview's own (`http://localhost:8080`, `http://127.0.0.1:8080`). */
  origins: readonly string[];
}

/** A running guard in front of decap-server. */
export interface BackendGuard {
  port: number;
  close(): Promise<void>;
}

/**
 * Why a request with these headers is refused (pure), or undefined: its `Host` must be the
 * loopback name and port the guard listens on, so a page elsewhere cannot reach it by DNS
 * rebinding, and an `Origin`, when a browser sends one, must be the preview's.
 */
export function headerProblem(headers: Pick<IncomingHttpHeaders, "host" | "origin">, port: number, origins: readonly string[]): string | undefined {
  const host = headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return `the request's Host is ${JSON.stringify(headers.host ?? "")}, not 127.0.0.1:${port} or localhost:${port}: the editor backend answers only pages on this machine`;
  }
  if (headers.origin !== undefined && !origins.includes(headers.origin)) {
    return `a page at ${headers.origin} may not use the editor backend: only the preview (${origins.join(" or ")}) may`;
  }
  return undefined;
}

/**
 * Start the layer between the web editor and decap-server, which would read and write any file of
 * the project (package.json, templates/, .git/): it passes on only requests from the preview whose
 * every path is inside content/, and answers every other with a JSON `error` saying why, before
 * decap-server sees it. Bound to 127.0.0.1 only.
 */
export async function startBackendGuard(options: BackendGuardOptions): Promise<BackendGuard> {
  const server = createServer((request, response) => {
    handle(request, response, options, () => (server.address() as AddressInfo).port).catch((cause: unknown) => {
      refuse(response, request, options, 500, `the editor backend failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: BackendGuardOptions, port: () => number): Promise<void> {
  const problem = headerProblem(request.headers, port(), options.origins);
  if (problem) return refuse(response, request, options, 403, problem);
  if (new URL(request.url ?? "/", "http://guard").pathname !== "/api/v1") return refuse(response, request, options, 404, "the editor backend answers only /api/v1");
  // A browser asks before its first POST from another port (CORS preflight): decap-server answers that.
  if (request.method === "OPTIONS") return pass(request, response, options, undefined);
  if (request.method !== "POST") return refuse(response, request, options, 405, "the editor backend answers only POST requests");
  const text = await readBody(request);
  if (text === undefined) return refuse(response, request, options, 413, `the request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(response, request, options, 400, "the request is not JSON");
  }
  const asked = requestPaths(body);
  if (!asked.ok) return refuse(response, request, options, 422, asked.problem);
  for (const { field, value } of asked.paths) {
    const outside = await contentPathProblem(options.root, value);
    if (outside) {
      return refuse(response, request, options, 403, `${asked.action} refused: \`${field}\` ${JSON.stringify(value)} ${outside}; the web editor reads and writes only files in ${EDITOR_FOLDER}/`);
    }
  }
  // What was judged is what decap-server gets: the parsed body, written out again.
  return pass(request, response, options, JSON.stringify(body));
}

function pass(request: IncomingMessage, response: ServerResponse, options: BackendGuardOptions, body: string | undefined): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of ["origin", "access-control-request-method", "access-control-request-headers"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve) => {
    const upstream = forward({ host: "127.0.0.1", port: options.targetPort, method: request.method, path: "/api/v1", headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      answer.once("end", resolve);
    });
    upstream.once("error", (cause) => {
      refuse(response, request, options, 502, `decap-server did not answer: ${cause.message}`);
      resolve();
    });
    upstream.end(body);
  });
}

// The answer's JSON `error` is what Decap CMS shows; the preview's pages may read it, no other page.
function refuse(response: ServerResponse, request: IncomingMessage, options: BackendGuardOptions, status: number, message: string): void {
  if (response.headersSent) return void response.end();
  const origin = request.headers.origin;
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", vary: "Origin" };
  if (origin !== undefined && options.origins.includes(origin)) headers["access-control-allow-origin"] = origin;
  response.writeHead(status, headers);
  response.end(JSON.stringify({ error: message }));
}

// The body as text, or undefined once it passes MAX_REQUEST_BYTES.
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
