import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { readTextFile } from "../content/read-text-file.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseSeries, SERIES_DIR, type ParsedSeries } from "./series.ts";

/** Read content/series/*.yml: every series file, validated, with every problem and how many files were read. */
export function loadSeries(root: string): { series: ParsedSeries[]; diagnostics: Diagnostic[]; files: number } {
  const loaded: { series: ParsedSeries[]; diagnostics: Diagnostic[]; files: number } = { series: [], diagnostics: [], files: 0 };
  const folder = path.join(root, SERIES_DIR);
  if (!existsSync(folder)) return loaded;
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort();
  for (const name of names) {
    loaded.files++;
    const file = `${SERIES_DIR}/${name}`;
    const read = readTextFile(path.join(folder, name), file);
    if (!read.ok) {
      loaded.diagnostics.push(...read.diagnostics);
      continue;
    }
    const parsed = parseSeries(read.text, file, name.replace(/\.ya?ml$/, ""));
    loaded.diagnostics.push(...parsed.diagnostics);
    if (parsed.series !== undefined) loaded.series.push(parsed.series);
  }
  return loaded;
}
