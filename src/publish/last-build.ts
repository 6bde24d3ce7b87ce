import { readFileSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { writeFileAtomically } from "../core/files.ts";
import { outputRecordPath } from "./output-manifest.ts";

/** What the last successful build into an output folder was made from, and what it reported. */
export interface LastBuild {
  /** The hash of everything it read (files, code, options): see build.ts buildInputs. */
  inputs: string;
  /** Its reference time, ms since the epoch. */
  builtAt: number;
  /** Until when the same inputs give the same site (stableUntil), ms since the epoch. */
  stableUntil: number;
  /** The key of the output it left (outputKey), which currentOutput checks the folder against. */
  outputKey: string;
  articles: number;
  /** Its warnings, printed again by a build that keeps its output. */
  diagnostics: Diagnostic[];
}

/** Whether a build from `inputs` at `now` would give what `last` left: the same inputs, at a time the site stays the same. */
export function isStillCurrent(last: LastBuild, inputs: string, now: number): boolean {
  return last.inputs === inputs && now >= last.builtAt && now < last.stableUntil;
}

/** The record of the last successful build into `outputDir`, or undefined when there is none (or it cannot be read). */
export function readLastBuild(cacheDir: string, outputDir: string): LastBuild | undefined {
  try {
    const parsed = JSON.parse(readFileSync(outputRecordPath(cacheDir, outputDir, "last-build"), "utf8")) as Partial<LastBuild>;
    const complete =
      typeof parsed.inputs === "string" &&
      typeof parsed.builtAt === "number" &&
      typeof parsed.stableUntil === "number" &&
      typeof parsed.outputKey === "string" &&
      typeof parsed.articles === "number" &&
      Array.isArray(parsed.diagnostics);
    return complete ? (parsed as LastBuild) : undefined;
  } catch {
    return undefined;
  }
}

/** Remember a successful build into `outputDir` (written atomically; a failure to write only costs the next build its shortcut). */
export function writeLastBuild(cacheDir: string, outputDir: string, record: LastBuild): void {
  writeFileAtomically(outputRecordPath(cacheDir, outputDir, "last-build"), JSON.stringify(record));
}
