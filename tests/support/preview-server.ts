import { spawn } from "node:child_process";
import path from "node:path";
import { freePorts } from "./free-port.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/**
 * Run the preview (`npm start`'s command) on the site at `root` with `args`, wait until `ready`
 * says it serves on its port, hand the port to `use`, then stop it (also when `use` throws).
 */
export async function withPreview(
  root: string,
  args: readonly string[],
  ready: (port: number) => Promise<boolean>,
  use: (port: number) => Promise<void>,
): Promise<void> {
  const [port = 0] = await freePorts(1);
  const server = spawn(
    path.join(REPOSITORY, "node_modules", ".bin", "tsx"),
    [path.join(REPOSITORY, "src", "cli.ts"), "serve", "--port", String(port), "--editor-port", "0", ...args],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 90_000;
    while (!(await ready(port))) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the preview did not start: ${stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await use(port);
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
}
