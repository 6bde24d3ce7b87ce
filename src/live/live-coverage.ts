import { parseContentDate, type ContentDate } from "../content/dates.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { BuildMode, DateInfo, KeyEvent, LiveCoverage, LiveUpdate } from "../model/types.ts";
import { UPDATE_EXAMPLE } from "./update-directive.ts";

/** One update of a live page as the body gives it: the `::update` line's time text and headline, its file line and its HTML. */
export interface LiveUpdateSource {
  time: string;
  title?: string;
  /** Marked `key="true"`: listed among the key events. */
  key?: true;
  line: number;
  html: string;
  /** The plain text of the update's first paragraph, which names a key event that has no title. */
  opening: string;
}

/** One article file as far as live coverage is concerned. */
export interface LiveCoverageInput {
  file: string;
  /** `live: true` in front matter. */
  live: boolean;
  /** When coverage started: the article's `date`. */
  date: ContentDate;
  /** `ended` in front matter, with the line of the key. */
  ended?: ContentDate | undefined;
  endedLine?: number | undefined;
  /** The body's `::update` parts, top to bottom. */
  updates: readonly LiveUpdateSource[];
  /** Ids already on the page (headings, footnotes, the template's), which an update's anchor must not take. */
  takenIds: readonly string[];
  now: number;
  mode: BuildMode;
  timeZone: string;
  /** Formats a date for the page in the site's zone and language. */
  toDateInfo: (date: ContentDate) => DateInfo;
}

/** What a live page's front matter and updates give: the coverage (for a live page), its newest shown update, and every problem. */
export interface LiveCoverageResult {
  coverage?: LiveCoverage;
  /** The newest update readers see, which is when the page last changed (feeds, sitemaps, `dateModified`). */
  newest?: ContentDate;
  diagnostics: Diagnostic[];
}

/**
 * Check a file's update lines and build its live coverage. Updates must be written newest first
 * (new ones go on top, as readers see them), each with a real date and time of day inside the
 * coverage (not before `date`, not after `ended`); each problem is an error on the update's line.
 * An update timed after the build is held back until then, like a scheduled article (the preview
 * shows it, marked); the "Live" label shows until `ended` has passed. Both comparisons with the
 * build's time are in stableUntil, through `updateInstants` and `ended`.
 */
export function buildLiveCoverage(input: LiveCoverageInput): LiveCoverageResult {
  const diagnostics: Diagnostic[] = [];
  const { file, updates } = input;
  if (!input.live) {
    const first = updates[0];
    if (first !== undefined) {
      diagnostics.push(
        error(
          "site/live-not-live",
          file,
          `this article has ${updates.length === 1 ? "an ::update line" : `${updates.length} ::update lines`}, but is not a live page`,
          {
            line: first.line,
            fix: "Add `live: true` to the front matter, or remove the ::update lines.",
          },
        ),
      );
    }
    return { diagnostics };
  }
  const taken = new Set(input.takenIds);
  const shown: LiveUpdate[] = [];
  const keyEvents: KeyEvent[] = [];
  let newest: ContentDate | undefined;
  let above: { time: ContentDate; line: number } | undefined;
  for (const update of updates) {
    const time = readUpdateTime(update, input, diagnostics);
    if (time === undefined) continue;
    if (above !== undefined && time.epochMs > above.time.epochMs) {
      diagnostics.push(
        error(
          "site/live-update-order",
          file,
          `this update (${update.time}) is later than the one above it (line ${above.line}): updates go newest first`,
          {
            line: update.line,
            fix: "Move it above the later updates (new updates go at the top), or correct its time.",
          },
        ),
      );
    }
    above = { time, line: update.line };
    const scheduled = time.epochMs > input.now;
    const id = uniqueId(updateId(time), taken);
    if (scheduled && input.mode === "production") continue;
    const entry: LiveUpdate = { id, time: input.toDateInfo(time), html: update.html, scheduled, key: update.key === true };
    if (update.title !== undefined) entry.title = update.title;
    shown.push(entry);
    if (entry.key) keyEvents.push({ id, time: entry.time, title: update.title ?? openingWords(update.opening) });
    if (!scheduled && (newest === undefined || time.epochMs > newest.epochMs)) newest = time;
  }
  const coverage: LiveCoverage = { open: input.ended === undefined || input.ended.epochMs > input.now, updates: shown, keyEvents };
  if (input.ended !== undefined) coverage.ended = input.toDateInfo(input.ended);
  const result: LiveCoverageResult = { coverage, diagnostics };
  if (newest !== undefined) result.newest = newest;
  return result;
}

/** A key event without a title is named by the start of its text: the first dozen words, cut at a word ("" for an update of no words, which the page names by the words for a key event). */
export function openingWords(text: string, limit = 12): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length <= limit) return words.join(" ");
  return `${words
    .slice(0, limit)
    .join(" ")
    .replace(/[,;:.–—-]+$/, "")}…`;
}

/** The instants of a file's update lines that can be read, for stableUntil (an update goes live at its time). */
export function updateInstants(updates: readonly LiveUpdateSource[], timeZone: string): number[] {
  const instants: number[] = [];
  for (const update of updates) {
    const parsed = parseContentDate(update.time, timeZone);
    if (parsed.ok) instants.push(parsed.value.epochMs);
  }
  return instants;
}

/** The anchor of an update: its minute in the site's time zone, e.g. `update-20261202-1405`. */
export function updateId(time: Pick<ContentDate, "iso">): string {
  const digits = time.iso.slice(0, 16).replace(/\D/g, "");
  return `update-${digits.slice(0, 8)}-${digits.slice(8, 12)}`;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}

/** The update's time, or undefined after reporting why it cannot be used. */
function readUpdateTime(update: LiveUpdateSource, input: LiveCoverageInput, diagnostics: Diagnostic[]): ContentDate | undefined {
  const report = (code: string, message: string, fix: string) =>
    diagnostics.push(error(code, input.file, message, { line: update.line, fix }));
  const parsed = parseContentDate(update.time, input.timeZone);
  if (!parsed.ok) {
    report(
      "site/live-update-time",
      `the update's time ${parsed.problem}`,
      `Write the date and time in the site's time (${input.timeZone}): ${UPDATE_EXAMPLE}.`,
    );
    return undefined;
  }
  const time = parsed.value;
  if (!time.hasTime) {
    report(
      "site/live-update-time",
      `the update's time "${update.time}" gives a day but no time of day`,
      `Add the time: ${UPDATE_EXAMPLE}.`,
    );
    return undefined;
  }
  if (time.epochMs < input.date.epochMs) {
    report(
      "site/live-update-early",
      `this update (${update.time}) is before the page's \`date\`, when coverage started`,
      "Correct the update's time, or move `date` back to when coverage began.",
    );
    return undefined;
  }
  if (input.ended !== undefined && time.epochMs > input.ended.epochMs) {
    report(
      "site/live-update-late",
      `this update (${update.time}) is after \`ended\`${input.endedLine === undefined ? "" : ` (line ${input.endedLine})`}, when coverage closed`,
      "Correct the update's time, or move `ended` to after the last update.",
    );
    return undefined;
  }
  return time;
}
