import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { localBackendUrl } from "../../src/admin/editor-files.ts";
import { listFiles } from "../../src/core/files.ts";
import { embedsFixture } from "../support/embed-fixture.ts";
import { freePorts } from "../support/free-port.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/** Run the preview (`npm start`'s command) on the site at `root` until `use` is done with its address. */
async function withPreview(root: string, use: (origin: string) => Promise<void>): Promise<void> {
  const [port = 0] = await freePorts(1);
  const server = spawn(
    path.join(REPOSITORY, "node_modules", ".bin", "tsx"),
    [path.join(REPOSITORY, "src", "cli.ts"), "serve", "--port", String(port), "--editor-port", "0"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 90_000;
    // Ready once the first run has written what comes after the pages (the feed is one of those files).
    while ((await fetch(`${origin}/feed.xml`).catch(() => undefined))?.status !== 200) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the preview did not start: ${stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await use(origin);
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
}

describe("what a site publishes besides its pages", () => {
  it(
    "is the same in the preview server as in a preview build: public/, the stylesheet and scripts, pictures, _headers with the embeds' frame sources, feeds and sitemaps",
    { timeout: 180_000 },
    async () => {
      // A preview build (`build --preview`): the preview server shows what it shows (robots.txt keeps crawlers out, drafts are listed).
      // The editor's config names its backend: the one the preview below is given (--editor-port 0: none).
      const built = await build({ root: embedsFixture(), mode: "preview", editorBackendUrl: localBackendUrl(0) });
      expect(built.ok).toBe(true);
      // Everything but the pages (HTML), which the preview renders with drafts, and the search index, which it writes later.
      const files = listFiles(built.outputDir)
        .map((file) => `/${path.relative(built.outputDir, file).split(path.sep).join("/")}`)
        .filter((file) => !file.endsWith(".html") && !file.startsWith("/pagefind/"));
      expect(files).toEqual(expect.arrayContaining(["/_headers", "/feed.xml", "/sitemap.xml", "/robots.txt"]));
      expect(files.some((file) => /^\/assets\/site\.[0-9a-f]+\.css$/.test(file))).toBe(true);
      expect(readFileSync(path.join(built.outputDir, "_headers"), "utf8")).toContain("frame-src");
      const differing: string[] = [];
      await withPreview(embedsFixture(), async (origin) => {
        for (const file of files) {
          const response = await fetch(`${origin}${file}`);
          const served = response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
          if (!served?.equals(readFileSync(path.join(built.outputDir, file.slice(1))))) differing.push(`${file} (${response.status})`);
        }
      });
      expect(differing).toEqual([]);
    },
  );
});
