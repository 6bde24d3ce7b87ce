import { lstatSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import path from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** The three kinds of content file, each in its own folder under `content/`. */
export type EntryKind = "article" | "author" | "page";

/** A content file as read from disk, before anything is parsed. */
export interface RawEntry {
  kind: EntryKind;
  /** Path relative to the project root, with forward slashes (used in every message). */
  file: string;
  /** Absolute path on disk. */
  absolutePath: string;
  source: string;
}

/** Folders under `content/` for each kind of entry. */
export const CONTENT_FOLDERS: Readonly<Record<EntryKind, string>> = {
  article: "articles",
  author: "authors",
  page: "pages",
};

/** Files larger than this are refused: no real article is this long, and a runaway file would stall the build. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Read every Markdown file under `content/articles`, `content/authors` and `content/pages`, in a stable order. */
export function loadEntries(root: string): { entries: RawEntry[]; diagnostics: Diagnostic[] } {
  const entries: RawEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of ["article", "author", "page"] as const) {
    const folder = path.join(root, "content", CONTENT_FOLDERS[kind]);
    for (const absolutePath of listMarkdownFiles(folder, root, diagnostics)) {
      const file = toProjectPath(root, absolutePath);
      const size = lstatSync(absolutePath).size;
      if (size > MAX_FILE_BYTES) {
        diagnostics.push(
          error("content/too-large", file, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB`, {
            fix: "Split it into several articles, or move large data out of the Markdown file.",
          }),
        );
        continue;
      }
      entries.push({ kind, file, absolutePath, source: readFileSync(absolutePath, "utf8") });
    }
  }
  return { entries, diagnostics };
}

/** A path relative to the project root with forward slashes, as editors see it in their editor. */
export function toProjectPath(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join("/");
}

function listMarkdownFiles(folder: string, root: string, diagnostics: Diagnostic[]): string[] {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const dirent of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const absolutePath = path.join(folder, dirent.name);
    if (dirent.name.startsWith(".")) continue;
    if (dirent.isSymbolicLink()) {
      // A link could point anywhere on the machine; publishing its target is never what an editor meant.
      diagnostics.push(
        error("content/symlink", toProjectPath(root, absolutePath), "symbolic links are not allowed in content/", {
          fix: "Replace the link with a copy of the file.",
        }),
      );
    } else if (dirent.isDirectory()) {
      files.push(...listMarkdownFiles(absolutePath, root, diagnostics));
    } else if (dirent.isFile() && dirent.name.endsWith(".md")) {
      files.push(absolutePath);
    }
  }
  return files;
}
