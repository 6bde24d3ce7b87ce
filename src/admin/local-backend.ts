import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A running decap-server. */
export interface LocalBackend {
  /** Its API address, as config.yml's `local_backend.url` names it. */
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

/**
 * Start decap-server, Decap CMS's local backend, on `port`, reading and writing the files of
 * `root` directly (its `fs` mode: a save in the editor writes content/… at once, so the preview
 * rebuilds and shows it; nothing is committed). Resolves once it answers; rejects when it cannot
 * start (the port is taken, the package is missing).
 */
export async function startLocalBackend(root: string, port: number): Promise<LocalBackend> {
  const entry = decapServerEntry();
  if (!entry) throw new Error("decap-server is not installed: run `npm ci` (it is a development dependency)");
  // decap-server runs under a small guard that exits when its stdin closes, which happens however
  // this process ends (a signal handler does not run on SIGKILL, nor when a wrapper such as
  // `tsx watch` kills it), so no server is ever left holding the port and the folder.
  const guard = "process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); require(process.argv[1]);";
  const child = spawn(process.execPath, ["-e", guard, entry], {
    env: { ...process.env, PORT: String(port), GIT_REPO_DIRECTORY: root, MODE: "fs", LOG_LEVEL: "warn", BIND_HOST: "127.0.0.1" },
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}/api/v1`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`decap-server stopped at once (port ${port} taken?): ${stderr.trim()}`);
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"info"}' });
      // Another decap-server already on the port (a preview left running) answers too, for another folder:
      // only ours names this one, and ours exits once it finds the port taken.
      const info = response.ok ? ((await response.json()) as { repo?: unknown }) : {};
      if (info.repo === path.basename(path.resolve(root)) && child.exitCode === null) return { url, process: child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`decap-server did not answer on port ${port} within 15 s: ${stderr.trim()}`);
}
