// `npm run bench -- --long-reads`: a small generated site (20 articles) with one long read of
// 1, 2, 4 and 8 MB, each built cold (no cache, no output) by exactly what `npm run build` runs,
// beside the same site without it. Shows whether build time stays linear in an article's size
// (issue 11: a 1.1 MB court transcript used to be refused). About half a minute in all.
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { longReadBody } from "./generate-long-read.ts";
import { generateArticles, writeTidingsSite } from "./generate-site.ts";
import { measureProcess, type ProcessCost } from "./measure.ts";

/** What to build. */
export interface LongReadBenchOptions {
  repo: string;
  /** Where the generated sites are written (and removed after). */
  work: string;
  /** Long-read sizes in MB; 0 is added as the baseline. */
  sizesMb: readonly number[];
  seed: number;
  log: (line: string) => void;
}

/** One cold build of the site with a long read of `sizeMb` (0: none). */
export interface LongReadRow extends ProcessCost {
  sizeMb: number;
  /** Bytes of the long read's file. */
  fileBytes: number;
  /** Milliseconds the build reported for loading and rendering the Markdown, and for writing the pages. */
  loadMs: number;
  writeMs: number;
}

/** Build the site once per size, cold, and return a row each (the baseline first). */
export async function runLongReadBench(options: LongReadBenchOptions): Promise<LongReadRow[]> {
  const rows: LongReadRow[] = [];
  for (const sizeMb of [0, ...options.sizesMb]) {
    const root = path.join(options.work, `long-read-${sizeMb}`);
    writeTidingsSite(root, generateArticles({ articles: 20, seed: options.seed }));
    const file = path.join(root, "content", "articles", "2026", "inquiry-transcript.md");
    let fileBytes = 0;
    if (sizeMb > 0) {
      mkdirSync(path.dirname(file), { recursive: true });
      const front = "---\ntitle: The ferry strike inquiry, in full\ndate: 2026-11-25 09:00\nbyline: Priya Raman\ntags: [Courts]\n---\n";
      writeFileSync(file, `${front}${longReadBody(sizeMb * 1024 * 1024 - front.length, options.seed)}\n`);
      fileBytes = statSync(file).size;
    }
    const measured = await measureProcess(process.execPath, [path.join(options.repo, "bin", "tidings.mjs"), "build", "--json"], root);
    const { timings } = JSON.parse(measured.stdout) as { timings: { load: number; write: number } };
    const row = { sizeMb, fileBytes, wallMs: measured.wallMs, cpuMs: measured.cpuMs, peakRssMb: measured.peakRssMb, loadMs: timings.load, writeMs: timings.write };
    options.log(`  long read ${sizeMb} MB: ${(row.wallMs / 1000).toFixed(2)} s wall, ${row.peakRssMb.toFixed(0)} MB`);
    rows.push(row);
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

/**
 * The rows as a Markdown table; "per MB" is the time above the baseline divided by the size, flat
 * when growth is linear. CPU time (all threads and the search indexer) is the steadier measure on
 * a shared machine; wall time also counts waiting for the cores.
 */
export function longReadTable(rows: readonly LongReadRow[]): string {
  const base = rows.find((row) => row.sizeMb === 0);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const lines = [
    "| long read | file | build (wall) | CPU | load + render Markdown | write pages | peak RSS | Markdown, per MB | CPU above baseline, per MB |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const perMb = (measure: (row: LongReadRow) => number) => (base && row.sizeMb > 0 ? `${seconds((measure(row) - measure(base)) / row.sizeMb)} s` : "–");
    const file = row.sizeMb === 0 ? "none" : `${(row.fileBytes / 1024 / 1024).toFixed(1)} MB`;
    lines.push(
      `| ${row.sizeMb === 0 ? "baseline" : `${row.sizeMb} MB`} | ${file} | ${seconds(row.wallMs)} s | ${seconds(row.cpuMs)} s | ${seconds(row.loadMs)} s | ${seconds(row.writeMs)} s | ${row.peakRssMb.toFixed(0)} MB | ${perMb((r) => r.loadMs)} | ${perMb((r) => r.cpuMs)} |`,
    );
  }
  return lines.join("\n");
}
