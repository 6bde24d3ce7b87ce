import { spawn } from "node:child_process";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePorts } from "../support/free-port.ts";
import { copyFixture } from "../support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
// This machine's first address on a network (not loopback), if it has one.
const NETWORK_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && !address.internal && address.family === "IPv4")?.address;

/** Whether a TCP connection to `host`:`port` is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Run `npm start`'s command with `args` until `use` is done with the port it serves on, then stop it. */
async function withPreview(args: string[], use: (port: number) => Promise<void>): Promise<void> {
  const root = copyFixture("newsroom");
  const [port = 0] = await freePorts(1);
  const server = spawn(path.join(REPOSITORY, "node_modules", ".bin", "tsx"), [path.join(REPOSITORY, "src", "cli.ts"), "serve", "--port", String(port), "--editor-port", "0", ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 90_000;
    while (!(await accepts("127.0.0.1", port))) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the preview did not start: ${stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await use(port);
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
}

// Reviewer item 2: the preview (drafts, embargoed articles, /admin/) listened on every interface.
describe("the preview's address", () => {
  it("listens on 127.0.0.1 only by default: this machine's network address is refused", { timeout: 120_000 }, async () => {
    await withPreview([], async (port) => {
      expect(await accepts("127.0.0.1", port)).toBe(true);
      if (NETWORK_ADDRESS) expect(await accepts(NETWORK_ADDRESS, port)).toBe(false);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    });
  });

  it.runIf(NETWORK_ADDRESS !== undefined)("is reachable on the network with --host 0.0.0.0", { timeout: 120_000 }, async () => {
    await withPreview(["--host", "0.0.0.0"], async (port) => {
      expect(await accepts(NETWORK_ADDRESS ?? "", port)).toBe(true);
      expect((await fetch(`http://${NETWORK_ADDRESS}:${port}/`)).status).toBe(200);
    });
  });
});
