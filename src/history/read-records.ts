import path from "node:path";
import type { ContentCache } from "../cache/content-cache.ts";
import { cacheKey } from "../cache/content-cache.ts";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { articleRecord, type ArticleRecord, type RecordOptions } from "./article-history.ts";
import { readGitHistory } from "./git-log.ts";

/** Where articles live, as a project path: the folder whose git history makes their records. */
const ARTICLES_FOLDER = path.posix.join("content", "articles");

/**
 * The record of changes of every article in `files` that has one, read from the git history of
 * the repository holding `root`: one `git log` pass over the articles' folder, and the texts of
 * the versions of the articles committed more than once, in one batch. Outside a repository, or
 * without git: none, and no problem. In a shallow clone, an article whose history reaches the
 * clone's edge could be cut short, so it gets none, and one warning says how to fetch the rest.
 * A record is kept in `cache` by its versions (commits, times and blobs) and the options: a push
 * reads and compares the versions of the articles it changed only.
 */
export function readArticleRecords(
  root: string,
  files: readonly string[],
  options: RecordOptions,
  cache?: Pick<ContentCache, "get" | "set">,
): { records: Map<string, ArticleRecord>; diagnostics: Diagnostic[] } {
  const records = new Map<string, ArticleRecord>();
  const history = readGitHistory(root, ARTICLES_FOLDER);
  if (history === undefined) return { records, diagnostics: [] };
  let cut = 0;
  const changed: [string, { commit: string; time: number; blob: string }[], string][] = [];
  for (const file of files) {
    const versions = history.versions.get(file);
    if (versions === undefined) continue;
    // Its oldest version we have is at the clone's edge: older ones may be missing.
    if (history.shallow.has(versions[0]?.commit ?? "")) {
      cut++;
      continue;
    }
    if (versions.length < 2) continue;
    const key = `history:${cacheKey(options.timeZone, (options.exclude ?? []).join(" "), ...versions.map((version) => `${version.commit} ${version.time} ${version.blob}`))}`;
    const kept = cache?.get<ArticleRecord | null>(key);
    if (kept === undefined) changed.push([file, versions, key]);
    else if (kept !== null) records.set(file, kept);
  }
  const texts = history.read(changed.flatMap(([, versions]) => versions.map((version) => version.blob)));
  for (const [file, versions, key] of changed) {
    const record = articleRecord(
      versions.map((version) => ({ commit: version.commit, time: version.time, text: texts.get(version.blob) ?? "" })),
      options,
    );
    const shown = record !== undefined && record.changes.length > 0 ? record : null;
    cache?.set(key, shown);
    if (shown !== null) records.set(file, shown);
  }
  const diagnostics =
    cut === 0
      ? []
      : [
          warning("history/shallow-clone", ARTICLES_FOLDER, `this is a shallow clone, so the history of ${cut === 1 ? "1 article" : `${cut} articles`} could be cut short; ${cut === 1 ? "it gets" : "they get"} no history page`, {
            fix: "Fetch the whole history (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0` on actions/checkout), or turn history pages off with `history: { enabled: false }`.",
          }),
        ];
  return { records, diagnostics };
}
