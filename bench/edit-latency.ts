import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PREVIEW_INDEX_DELAY_MS } from "../src/search/deferred-search-index.ts";
import { median } from "./measure.ts";

/** How quickly the preview server shows an editor's change. */
export interface EditLatency {
  /** Milliseconds from `npm start` until the article page is served. */
  startupMs: number;
  /** Median milliseconds from saving the file until the edited article page is served with the change, saving as soon as the last save shows on the home page. */
  pageMs: number;
  /** The same, saving a few seconds after the last rebuild, while the preview writes its search index (an editor who paused). */
  pageWhileIndexingMs: number;
  /** Median milliseconds from saving until the home page lists the new headline (the whole preview is current). */
  listsMs: number;
  edits: number;
}

/** Where and how to run the preview server. */
export interface EditLatencyOptions {
  repo: string;
  siteRoot: string;
  /** The article file to edit, relative to the site root, and its slug. */
  file: string;
  slug: string;
  port: number;
  edits: number;
}

/**
 * Start the preview server on a site, save an edit to one article several times (headline and
 * first sentence), and time how long each takes to appear: first on the article's own page,
 * then on the home page. Half the saves follow the last one at once, half come after a pause long
 * enough for the preview to be writing its search index.
 */
export async function measureEditLatency(options: EditLatencyOptions): Promise<EditLatency> {
  const { siteRoot, port } = options;
  const server = spawn(process.execPath, ["--import", "tsx", path.join(options.repo, "src", "cli.ts"), "serve", "--port", String(port), "--editor-port", "0"], {
    cwd: siteRoot,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) => server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${stderr.slice(-3000)}`))));
  try {
    const started = performance.now();
    const previewDir = path.join(siteRoot, ".tidings-preview");
    const articleUrl = await Promise.race([waitFor(() => findArticleUrl(previewDir, options.slug), 600_000), exited]);
    const base = `http://127.0.0.1:${port}`;
    await Promise.race([waitFor(async () => ((await fetchText(`${base}${articleUrl}`)) ?? undefined), 600_000), exited]);
    const startupMs = performance.now() - started;
    // Let the server's file watchers finish their initial scan, as they have by the time an editor saves.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const source = path.join(siteRoot, options.file);
    const original = readFileSync(source, "utf8");
    const pageTimes: number[] = [];
    const pausedTimes: number[] = [];
    const listTimes: number[] = [];
    // Every other save waits until the preview has started writing its search index.
    for (let edit = 1; edit <= options.edits * 2; edit++) {
      const paused = edit % 2 === 0;
      if (paused) await new Promise((resolve) => setTimeout(resolve, PREVIEW_INDEX_DELAY_MS + 1000));
      const marker = `Edited${edit}x${Date.now().toString(36)}`;
      const changed = original.replace(/^title: "/m, `title: "${marker} `).replace(/^---\n([A-Z])/m, `---\n${marker} $1`);
      const saved = performance.now();
      writeFileSync(source, changed);
      const contains = async (url: string) => ((await fetchText(url))?.includes(marker) ? true : undefined);
      await Promise.race([waitFor(() => contains(`${base}${articleUrl}`), 120_000, 2), exited]);
      (paused ? pausedTimes : pageTimes).push(performance.now() - saved);
      await Promise.race([waitFor(() => contains(`${base}/`), 300_000, 10), exited]);
      listTimes.push(performance.now() - saved);
    }
    writeFileSync(source, original);
    return { startupMs, pageMs: median(pageTimes), pageWhileIndexingMs: median(pausedTimes), listsMs: median(listTimes), edits: options.edits };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
  }
}

// The edited article's site path, once the preview has written it.
function findArticleUrl(previewDir: string, slug: string): string | undefined {
  try {
    for (const year of readdirSync(previewDir)) {
      if (!/^\d{4}$/.test(year)) continue;
      for (const month of readdirSync(path.join(previewDir, year))) {
        for (const day of readdirSync(path.join(previewDir, year, month))) {
          if (readdirSync(path.join(previewDir, year, month, day)).includes(slug)) return `/${year}/${month}/${day}/${slug}/`;
        }
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { headers: { "cache-control": "no-cache" } });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

// Poll until `check` gives a value; throws after `timeoutMs`.
async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
