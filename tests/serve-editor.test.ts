import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { copyFixture } from "./support/fixture-site.ts";
import { freePorts } from "./support/free-port.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");

/** Poll `url` until it answers (any status), or give up after `timeoutMs`. */
async function fetchWhenUp(url: string, init: RequestInit | undefined, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url, init);
    } catch (cause) {
      if (Date.now() > deadline) throw cause;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("npm start with the web editor", () => {
  it("serves /admin/ against the working copy through decap-server, which writes into content/ and stops with the preview", { timeout: 120_000 }, async () => {
    const root = copyFixture("newsroom");
    const [port, editorPort] = await freePorts(2);
    const server = spawn(path.join(REPOSITORY, "node_modules", ".bin", "tsx"), [path.join(REPOSITORY, "src", "cli.ts"), "serve", "--port", String(port), "--editor-port", String(editorPort)], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    const api = `http://127.0.0.1:${editorPort}/api/v1`;
    try {
      const config = parse(await (await fetchWhenUp(`http://127.0.0.1:${port}/admin/config.yml`, undefined, 90_000)).text()) as { local_backend: { url: string } };
      expect(config.local_backend).toEqual({ url: api });
      expect((await fetch(`http://127.0.0.1:${port}/admin/`)).status).toBe(200);
      expect(stderr).toContain(`✔ Web editor: http://localhost:${port}/admin/`);
      // What the CMS does on save: decap-server writes the file into the working copy.
      const raw = "---\ntitle: Saved from the editor\ndate: 2026-11-25 09:30\nbyline: [Priya Raman]\n---\nText.\n";
      const saved = await fetch(api, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          action: "persistEntry",
          params: { branch: "main", entry: { slug: "saved", path: "content/articles/2026/saved.md", raw }, assets: [], options: { collectionName: "articles", commitMessage: "Create", useWorkflow: false, status: "draft" } },
        }),
      });
      expect(saved.status).toBe(200);
      expect(readFileSync(path.join(root, "content/articles/2026/saved.md"), "utf8")).toBe(raw);
    } catch (cause) {
      throw new Error(`${String(cause)}\n${stderr.slice(-3000)}`);
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
    // The backend went with the preview: nothing is left holding its port.
    await expect(fetch(api, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
