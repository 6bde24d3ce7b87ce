import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { localBackendUrl } from "../../src/admin/editor-files.ts";
import { listFiles } from "../../src/core/files.ts";
import { embedsFixture } from "../support/embed-fixture.ts";
import { withPreview } from "../support/preview-server.ts";

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
      // Ready once the first run has written what comes after the pages (the feed is one of those files).
      const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/feed.xml`).catch(() => undefined))?.status === 200;
      await withPreview(embedsFixture(), [], ready, async (port) => {
        const origin = `http://127.0.0.1:${port}`;
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
