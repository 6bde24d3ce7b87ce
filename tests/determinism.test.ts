import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture } from "./support/fixture-site.ts";

const NOW = String(Date.UTC(2026, 10, 27, 12));
const script = path.join(import.meta.dirname, "support", "build-and-hash.ts");

function buildIn(timeZone: string, root: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", script, root, NOW], {
    env: { ...process.env, TZ: timeZone },
    encoding: "utf8",
  }).trim();
}

describe("determinism", () => {
  it("writes byte-identical output whatever the build machine's time zone, build after build", () => {
    // Two copies, so images are encoded from scratch twice (as on two machines) before a warm build reuses them.
    const kiritimati = buildIn("Pacific/Kiritimati", copyFixture("newsroom"));
    const root = copyFixture("newsroom");
    const pagoPago = buildIn("Pacific/Pago_Pago", root);
    const again = buildIn("Pacific/Pago_Pago", root);
    expect(kiritimati).toMatch(/^\d+ [0-9a-f]{64}$/);
    expect(pagoPago).toBe(kiritimati);
    expect(again).toBe(kiritimati);
  });
});
