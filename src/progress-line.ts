import type { BuildProgress } from "./build.ts";

/** Where progress goes: a terminal (one line, redrawn) or a log (CI: a line now and then). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

// A step shorter than this never shows; a log gets a line at most this often.
const QUIET_MS = 1000;
const LOG_EVERY_MS = 5000;
const REDRAW_EVERY_MS = 100;

/**
 * "Rendering pages: 1,200 of 6,072 (20%), about 12 s left": what is being done, how far, and the
 * time left at the rate since the step began (none until the rate means something). A step that
 * cannot count its progress (nothing done yet) says how long it has been running instead.
 */
export function formatProgress(progress: BuildProgress, elapsedMs: number): string {
  const { task, done, total } = progress;
  const count = (value: number) => value.toLocaleString("en");
  if (done === 0) return `${task} (${count(total)}): ${duration(elapsedMs)} so far`;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  let line = `${task}: ${count(done)} of ${count(total)} (${percent}%)`;
  if (done < total && elapsedMs >= QUIET_MS) line += `, about ${duration(((total - done) * elapsedMs) / done)} left`;
  return line;
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** What progressLine gives: the build's callback, and `finish()` to call when the build ends. */
export interface ProgressLine {
  onProgress: (progress: BuildProgress) => void;
  finish: () => void;
}

/**
 * A progress callback for a build (BuildOptions.onProgress). In a terminal it keeps one line up to
 * date and clears it at `finish()`, before the build's own summary; in a log (CI) it prints a line
 * every few seconds, so a long build shows it is alive without flooding the log. Steps that end
 * within a second print nothing. A step that reports nothing for a while (Pagefind indexing) is
 * shown again by a timer, so the line never looks stuck.
 */
export function progressLine(output: ProgressOutput, now: () => number = () => performance.now()): ProgressLine {
  const every = output.isTTY ? REDRAW_EVERY_MS : LOG_EVERY_MS;
  let current: BuildProgress | undefined;
  let startedAt = 0;
  let shownAt = -Infinity;
  let drawn = false;
  let timer: NodeJS.Timeout | undefined;

  const show = (force: boolean) => {
    if (!current) return;
    const time = now();
    const elapsed = time - startedAt;
    if (elapsed < QUIET_MS || (!force && time - shownAt < every)) return;
    const text = formatProgress(current, elapsed);
    if (output.isTTY) output.write(`\r\x1b[K${text}`);
    else output.write(`${text}\n`);
    drawn = output.isTTY === true;
    shownAt = time;
  };
  const finish = () => {
    clearInterval(timer);
    timer = undefined;
    if (drawn) output.write("\r\x1b[K");
    drawn = false;
    current = undefined;
  };
  const onProgress = (progress: BuildProgress) => {
    if (progress.task !== current?.task) {
      finish();
      startedAt = now();
      shownAt = -Infinity;
      timer = setInterval(() => show(false), Math.max(every, QUIET_MS));
      timer.unref();
    }
    current = progress;
    // A terminal shows the last count of a step; a log has its own pace.
    show(output.isTTY === true && progress.done === progress.total);
  };
  return { onProgress, finish };
}
