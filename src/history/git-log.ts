import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** One version of a content file as git recorded it: the commit, its author time and the file's blob. */
export interface FileVersion {
  commit: string;
  /** The commit's author date, in ms since the epoch: when the change was made. */
  time: number;
  blob: string;
}

/** What the site's git history holds for its articles. */
export interface GitHistory {
  /** The current commit, which stands for the whole history in the build's inputs. */
  head: string;
  /** Each article file (project path) with its versions oldest first, followed through renames. */
  versions: Map<string, FileVersion[]>;
  /** Commits whose parents this clone lacks (a shallow clone's boundary): a history reaching one is cut short. */
  shallow: Set<string>;
  /** The text of a blob (read together, in one process, when first asked). */
  read: (blobs: readonly string[]) => Map<string, string>;
}

const GIT_TIMEOUT_MS = 120_000;

/**
 * The git history of the articles under `folder` (a project path such as `content/articles`) in
 * the repository holding `root`, in one `git log` pass: every commit that touched them, oldest
 * first, with each file's blob, renames followed. Undefined outside a git repository, or where git
 * is missing or the repository has no commit yet.
 */
export function readGitHistory(root: string, folder: string): GitHistory | undefined {
  const top = git(root, ["rev-parse", "--show-toplevel"]);
  const head = git(root, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  if (top === undefined || head === undefined) return undefined;
  const prefix = path.relative(top.trim(), root).split(path.sep).join("/");
  const inRepository = (projectPath: string) => (prefix === "" ? projectPath : `${prefix}/${projectPath}`);
  const toProject = (repositoryPath: string) => (prefix === "" ? repositoryPath : repositoryPath.slice(prefix.length + 1));
  // %x01 starts a commit; %at is the author time in seconds. --raw gives each file's blobs, -M renames.
  const log = git(root, ["-c", "core.quotePath=false", "log", "--reverse", "-M", "--no-abbrev", "--raw", "--format=%x01%H %at", "--", inRepository(folder)]);
  if (log === undefined) return undefined;
  const versions = new Map<string, FileVersion[]>();
  for (const block of log.split("\u0001").slice(1)) {
    const [header = "", ...lines] = block.split("\n");
    const [commit = "", seconds = "0"] = header.split(" ");
    const time = Number(seconds) * 1000;
    for (const line of lines) {
      const change = parseRawLine(line);
      if (change === undefined) continue;
      const file = toProject(change.path);
      if (change.status === "D") {
        versions.delete(file);
        continue;
      }
      const earlier = change.from === undefined ? (versions.get(file) ?? []) : (versions.get(toProject(change.from)) ?? []);
      if (change.from !== undefined) versions.delete(toProject(change.from));
      versions.set(file, [...earlier, { commit, time, blob: change.blob }]);
    }
  }
  // A shallow clone lists the commits it has no parents for in .git/shallow.
  const shallow = new Set<string>();
  if (git(root, ["rev-parse", "--is-shallow-repository"])?.trim() === "true") {
    const file = git(root, ["rev-parse", "--git-path", "shallow"])?.trim();
    const listed = file === undefined || !existsSync(path.resolve(root, file)) ? "" : readFileSync(path.resolve(root, file), "utf8");
    for (const commit of listed.split("\n")) if (commit.trim() !== "") shallow.add(commit.trim());
  }
  return { head: head.trim(), versions, shallow, read: (blobs) => readBlobs(root, blobs) };
}

/**
 * What of the git history a build's output depends on, in one cheap call: the current commit and
 * whether the clone is shallow (null outside a repository). A new commit can change a history page
 * without changing a file.
 */
export function historyStamp(root: string): string | null {
  const head = git(root, ["rev-parse", "--verify", "--quiet", "HEAD", "--is-shallow-repository"]);
  return head === undefined ? null : head.replace(/\s+/g, " ").trim();
}

// `:100644 100644 <old> <new> M\tpath`, or `… R087\tfrom\tto` for a rename.
function parseRawLine(line: string): { status: string; blob: string; path: string; from?: string } | undefined {
  if (!line.startsWith(":")) return undefined;
  const [meta = "", ...paths] = line.split("\t");
  const fields = meta.split(" ");
  const blob = fields[3] ?? "";
  const status = (fields[4] ?? "").charAt(0);
  if (status === "R" && paths.length === 2) return { status, blob, path: paths[1] ?? "", from: paths[0] ?? "" };
  if (paths.length !== 1 || paths[0] === undefined || !paths[0].endsWith(".md")) return undefined;
  return { status, blob, path: paths[0] };
}

/** The texts of blobs, through one `git cat-file --batch`. */
function readBlobs(root: string, blobs: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const wanted = [...new Set(blobs)];
  if (wanted.length === 0) return texts;
  const result = spawnSync("git", ["-C", root, "cat-file", "--batch"], { input: `${wanted.join("\n")}\n`, maxBuffer: 1 << 30, timeout: GIT_TIMEOUT_MS });
  if (result.status !== 0) return texts;
  const output = result.stdout;
  let offset = 0;
  while (offset < output.length) {
    const end = output.indexOf(10, offset);
    if (end < 0) break;
    const [sha = "", type = "", size = "0"] = output.subarray(offset, end).toString("latin1").split(" ");
    offset = end + 1;
    if (type !== "blob") continue;
    const length = Number(size);
    texts.set(sha, output.subarray(offset, offset + length).toString("utf8"));
    offset += length + 1;
  }
  return texts;
}

function git(root: string, args: readonly string[]): string | undefined {
  const result = spawnSync("git", ["-C", root, ...args], { encoding: "utf8", maxBuffer: 1 << 30, timeout: GIT_TIMEOUT_MS });
  return result.status === 0 ? result.stdout : undefined;
}
