import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "./config/config.ts";
import { findPlaceholders } from "./checks/placeholders.ts";
import { CONTENT_DIR, readSampleRecord, siteFiles } from "./checks/sample-record.ts";
import { CONFIG_FILE } from "./content/config-file.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import type { SetupAnswers } from "./setup/answers.ts";
import { withFormAction } from "./setup/form-action.ts";
import { newsletterOrigin } from "./setup/newsroom-config.ts";
import { newsroomFiles } from "./setup/newsroom-files.ts";
import { differencesFromSample, type SampleDifference } from "./setup/sample-content.ts";

/** How to turn the sample into a newsroom. */
export interface SetupOptions {
  /** Absolute path of the project root. */
  root: string;
  answers: SetupAnswers;
  /** Replace the content even when it is no longer the sample's (`--force`); files that are not the sample's are kept all the same. */
  force?: boolean;
  /** The welcome article's date, ms since the epoch (tests pass a fixed clock); default: now. */
  now?: number;
}

/** What setup did, or why it did nothing. */
export type SetupResult =
  | {
      ok: true;
      /** Files written, project paths, sorted. */
      written: string[];
      /** The sample's files removed. */
      removed: string[];
      /** Files in content/ that are not the sample's, left as they were (only with `force`). */
      kept: string[];
      /** The starters' language (`en` where Tidings has none in the newsroom's). */
      startersLanguage: string;
      /** Each written file with placeholder text, and how many it has: the deploy refuses them until replaced. */
      toWrite: { file: string; placeholders: number }[];
    }
  | { ok: false; reason: "not-the-sample"; differences: SampleDifference[] }
  | { ok: false; reason: "config"; diagnostics: Diagnostic[] };

/**
 * The ways the content and config differ from the sample: setup replaces them only when there is
 * none, or when told to (`force`). The command line asks this before asking any question.
 */
export function sampleDifferences(root: string): SampleDifference[] {
  return differencesFromSample(root, readSampleRecord());
}

/**
 * Turn the sample newsroom into the one the answers describe: check the config they make with
 * the same schema as `check`, refuse content that is no longer the sample's (unless `force`),
 * remove the sample's articles, authors, fronts, series, campaign and pages, and write the
 * config and the starter files; `public/_headers` lets the newsletter form go to its service.
 */
export function setUpNewsroom(options: SetupOptions): SetupResult {
  const { root } = options;
  const { files, startersLanguage } = newsroomFiles(options.answers, options.now ?? Date.now());
  const config = parseConfig(files[CONFIG_FILE] ?? "");
  if (!config.ok) return { ok: false, reason: "config", diagnostics: config.diagnostics };
  const record = readSampleRecord();
  const differences = differencesFromSample(root, record);
  if (differences.length > 0 && options.force !== true) return { ok: false, reason: "not-the-sample", differences };

  const removed: string[] = [];
  for (const file of Object.keys(record.files)) {
    if (file === CONFIG_FILE || files[file] !== undefined || !existsSync(path.join(root, file))) continue;
    rmSync(path.join(root, file));
    removed.push(file);
  }
  removeEmptyFolders(path.join(root, CONTENT_DIR));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const headers = path.join(root, "public", "_headers");
  const written = Object.keys(files);
  if (existsSync(headers)) {
    const before = readFileSync(headers, "utf8");
    const after = withFormAction(before, newsletterOrigin(options.answers));
    if (after !== before) {
      writeFileSync(headers, after);
      written.push("public/_headers");
    }
  }
  const kept = siteFiles(root).filter((file) => files[file] === undefined && record.files[file] === undefined);
  const toWrite = Object.entries(files)
    .map(([file, text]) => ({ file, placeholders: findPlaceholders(text).length }))
    .filter((file) => file.placeholders > 0)
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  return { ok: true, written: written.sort(), removed: removed.sort(), kept, startersLanguage, toWrite };
}

// Folders the sample's files leave empty (content/articles/2025/, content/fronts/) go with them.
function removeEmptyFolders(folder: string): boolean {
  if (!existsSync(folder)) return true;
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || !removeEmptyFolders(path.join(folder, entry.name))) empty = false;
  }
  if (empty) rmdirSync(folder);
  return empty;
}
