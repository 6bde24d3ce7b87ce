import type { BuildProgress } from "./build.ts";

/**
 * The line the command line shows for a long step: `Resizing photos 12/134 (9 %), about 1 min 40 s
 * left`. Time left is the pace so far (`elapsedMs` since the step reported 0 done) applied to
 * what remains; it is left out until one item is done, since there is no pace to go on before.
 */
export function progressLine(progress: BuildProgress, elapsedMs: number): string {
  const { task, done, total } = progress;
  const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
  const line = `${task} ${done}/${total} (${percent} %)`;
  if (done === 0 || done >= total) return line;
  return `${line}, about ${formatDuration((elapsedMs / done) * (total - done))} left`;
}

/** A duration as people say it: `under 1 s`, `40 s`, `3 min 20 s`, `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return "under 1 s";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/**
 * Whether a log that is not a terminal (CI) should get a line for `progress`, the last printed
 * being `last` at `lastAt`: at the start, at the end, and at most every ten seconds between, so
 * 5,000 photos make a few dozen lines, not 5,000.
 */
export function isWorthALine(progress: BuildProgress, now: number, last: { task: string; at: number } | undefined): boolean {
  if (progress.done === 0 || progress.done >= progress.total) return true;
  return last === undefined || last.task !== progress.task || now - last.at >= 10_000;
}
