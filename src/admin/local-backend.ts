import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { startBackendGuard } from "./backend-guard.ts";

/** A running decap-server behind its guard. */
export interface LocalBackend {
  /** The guard's API address, as config.yml's `local_backend.url` names it. */
  url: string;
  process: ChildProcess;
  /** Stop it; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Where decap-server's entry is, or undefined when it is not installed (it is a development dependency). */
export function decapServerEntry(): string | undefined {
  try {
    const entry = path.join(path.dirname(createRequire(import.meta.url).resolve("decap-server/package.json")), "dist", "index.js");
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The origins of a preview served on `port`: the pages that may use the editor backend. */
export function previewOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/**
 * Start decap-server, Decap CMS's local backend, reading and writing the files of `root` directly
 * (its `fs` mode: a save in the editor writes content/… at once, so the preview rebuilds and shows
 * it; nothing is committed), behind a guard on `port` that lets through only requests from
 * `origins` for files in content/ (see startBackendGuard): decap-server itself would read and
 * write anywhere in `root`, so it listens on a loopback port the system chose that only the guard
 * is told. Resolves once it answers; rejects when it cannot start (the port is taken, the package
 * is missing).
 */
export async function startLocalBackend(root: string, port: number, options: { origins: readonly string[] }): Promise<LocalBackend> {
  const entry = decapServerEntry();
  if (!entry) throw new Error("decap-server is not installed: run `npm ci` (it is a development dependency)");
  const internalPort = await freeLoopbackPort();
  // decap-server runs under a small guard that exits when its stdin closes, which happens however
  // this process ends (a signal handler does not run on SIGKILL, nor when a wrapper such as
  // `tsx watch` kills it), so no server is ever left holding the port and the folder.
  const guard = "process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); require(process.argv[1]);";
  const child = spawn(process.execPath, ["-e", guard, entry], {
    env: { ...process.env, PORT: String(internalPort), GIT_REPO_DIRECTORY: root, MODE: "fs", LOG_LEVEL: "warn", BIND_HOST: "127.0.0.1" },
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const internalUrl = `http://127.0.0.1:${internalPort}/api/v1`;
  const stopServer = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`decap-server stopped at once: ${stderr.trim()}`);
    let answered = false;
    try {
      const response = await fetch(internalUrl, { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"info"}' });
      // Another program may have taken the port between the system offering it and decap-server
      // asking for it: only ours names this folder, and ours exits once it finds the port taken.
      const info = response.ok ? ((await response.json()) as { repo?: unknown }) : {};
      answered = info.repo === path.basename(path.resolve(root)) && child.exitCode === null;
    } catch {
      // Not listening yet.
    }
    if (answered) return guarded(root, port, internalPort, options.origins, child, stopServer);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopServer();
  throw new Error(`decap-server did not answer within 15 s: ${stderr.trim()}`);
}

// The guard on `port` in front of the running decap-server; when the port is taken, decap-server is stopped too.
async function guarded(
  root: string,
  port: number,
  internalPort: number,
  origins: readonly string[],
  child: ChildProcess,
  stopServer: () => Promise<void>,
): Promise<LocalBackend> {
  try {
    const guard = await startBackendGuard({ root, port, targetPort: internalPort, origins });
    const stop = async () => {
      await guard.close();
      await stopServer();
    };
    return { url: `http://127.0.0.1:${guard.port}/api/v1`, process: child, stop };
  } catch (cause) {
    await stopServer();
    const taken = (cause as NodeJS.ErrnoException).code === "EADDRINUSE";
    throw taken ? new Error(`port ${port} is taken (another preview running?)`) : cause;
  }
}

/** A port on 127.0.0.1 that nothing listens on now, as the system chooses it. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
