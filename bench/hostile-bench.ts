// `npm run bench -- --hostile`: what the nesting scan (src/markdown/scan-nesting.ts) costs on a
// real long read, per MB, and how long each hostile body of issue 25's review takes to be
// refused (it ran for minutes before the scan). In this process, no build; a few seconds.
import { renderMarkdown } from "../src/render/render-markdown.ts";
import { scanNesting } from "../src/markdown/scan-nesting.ts";
import { longReadBody } from "./generate-long-read.ts";
import { HOSTILE_BODIES } from "./hostile-bodies.ts";
import { median } from "./measure.ts";

/** The scan's cost on an ordinary long read, and the time to refuse each hostile body. */
export interface HostileBench {
  /** Size of the long read scanned, in MB. */
  longReadMb: number;
  /** Median milliseconds to scan it, and per MB. */
  scanMs: number;
  scanMsPerMb: number;
  /** Milliseconds to render the same long read (the scan is a small part of it). */
  renderMs: number;
  /** Each hostile body: its size and the milliseconds `renderMarkdown` took to refuse it, with the code it gave. */
  refused: { body: string; bytes: number; ms: number; code: string }[];
}

/** Run the measurements; `log` reports progress. */
export function runHostileBench(seed: number, log: (line: string) => void): HostileBench {
  const bytes = 8 * 1024 * 1024;
  const longRead = longReadBody(bytes, seed);
  if (scanNesting(longRead) !== undefined) throw new Error("the scan refused the generated long read: a false positive");
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    scanNesting(longRead);
    return performance.now() - started;
  });
  const scanMs = median(times);
  log(`scan: ${scanMs.toFixed(1)} ms for ${(longRead.length / 2 ** 20).toFixed(1)} MB`);
  const oneMb = longReadBody(2 ** 20, seed);
  const renderStarted = performance.now();
  renderMarkdown(oneMb, { file: "bench.md", bodyLine: 1 });
  const renderMs = performance.now() - renderStarted;
  const refused = Object.entries(HOSTILE_BODIES).map(([body, source]) => {
    const started = performance.now();
    const result = renderMarkdown(source, { file: "bench.md", bodyLine: 1 });
    const ms = performance.now() - started;
    log(`${body}: ${ms.toFixed(1)} ms`);
    return { body, bytes: Buffer.byteLength(source), ms, code: result.diagnostics[0]?.code ?? "(not refused)" };
  });
  const longReadMb = longRead.length / 2 ** 20;
  return { longReadMb, scanMs, scanMsPerMb: scanMs / longReadMb, renderMs, refused };
}

/** The results as a Markdown table for the terminal, beside the JSON (docs/performance.md). */
export function hostileTable(bench: HostileBench): string {
  const lines = [
    `Nesting scan: ${bench.scanMsPerMb.toFixed(1)} ms a MB (${bench.scanMs.toFixed(1)} ms for a ${bench.longReadMb.toFixed(1)} MB long read; rendering 1 MB of it takes ${(bench.renderMs / 1000).toFixed(2)} s)`,
    "",
    "| hostile body | size | refused in | code |",
    "|---|---:|---:|---|",
    ...bench.refused.map((row) => `| ${row.body} | ${(row.bytes / 1024).toFixed(0)} KB | ${row.ms.toFixed(1)} ms | \`${row.code}\` |`),
  ];
  return lines.join("\n");
}
