import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { withPreview } from "../support/preview-server.ts";
import { copyFixture } from "../support/fixture-site.ts";

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

/** Run the preview of a fresh copy of the fixture with `args` until `use` is done with its port. */
function withFixturePreview(args: string[], use: (port: number) => Promise<void>): Promise<void> {
  return withPreview(copyFixture("newsroom"), args, (port) => accepts("127.0.0.1", port), use);
}

// Reviewer item 2: the preview (drafts, embargoed articles, /admin/) listened on every interface.
describe("the preview's address", () => {
  it("listens on 127.0.0.1 only by default: this machine's network address is refused", { timeout: 120_000 }, async () => {
    await withFixturePreview([], async (port) => {
      expect(await accepts("127.0.0.1", port)).toBe(true);
      if (NETWORK_ADDRESS) expect(await accepts(NETWORK_ADDRESS, port)).toBe(false);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    });
  });

  it.runIf(NETWORK_ADDRESS !== undefined)("is reachable on the network with --host 0.0.0.0", { timeout: 120_000 }, async () => {
    await withFixturePreview(["--host", "0.0.0.0"], async (port) => {
      expect(await accepts(NETWORK_ADDRESS ?? "", port)).toBe(true);
      expect((await fetch(`http://${NETWORK_ADDRESS}:${port}/`)).status).toBe(200);
    });
  });
});
