import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import path from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { decodeText, type TextFileResult } from "./read-text-file.ts";

/** The three kinds of content file, each in its own folder under `content/`. */
export type EntryKind = "article" | "author" | "page";

/** A content file as read from disk, before anything is parsed. */
export interface RawEntry {
  kind: EntryKind;
  /** Path relative to the project root, with forward slashes (used in every message). */
  file: string;
  /** Absolute path on disk. */
  absolutePath: string;
  /** The file's text; undefined when what the build needs of the file is remembered (see KnownFiles), so it was not read. */
  source: string | undefined;
  /** The SHA-256 (hex) of the file's bytes, when the loader was given KnownFiles: what the build remembers the file's work by. */
  digest?: string | undefined;
}

/** What lets the loader leave unchanged files unread: their digests, and whether the work on them is remembered. */
export interface KnownFiles {
  /** The SHA-256 (hex) of files' bytes already known this build (hashing the build's inputs found them), by absolute path. */
  digests: ReadonlyMap<string, string>;
  /** Whether what the build needs of a file of this kind with these bytes (its validated front matter) is remembered. */
  remembered: (kind: EntryKind, digest: string) => boolean;
}

/** Folders under `content/` for each kind of entry. */
export const CONTENT_FOLDERS: Readonly<Record<EntryKind, string>> = {
  article: "articles",
  author: "authors",
  page: "pages",
};

/**
 * Files larger than this (10 MB) are refused: a runaway file (a pasted database dump) would stall
 * every build. Long reads need room: a court transcript of 1–2 MB is a real article, and build
 * time grows linearly with size (under 2 s a MB; bench/long-read-bench.ts).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Read every Markdown file under `content/articles`, `content/authors` and `content/pages`, in a
 * stable order. With `known`, every entry carries its digest, and a file whose digest is known and
 * whose work is remembered is not read at all (its text is read later only if a step needs it:
 * readKnownText).
 */
export function loadEntries(root: string, known?: KnownFiles): { entries: RawEntry[]; diagnostics: Diagnostic[] } {
  const entries: RawEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of ["article", "author", "page"] as const) {
    const folder = path.join(root, "content", CONTENT_FOLDERS[kind]);
    for (const absolutePath of listMarkdownFiles(folder, root, diagnostics)) {
      const file = toProjectPath(root, absolutePath);
      // A file remembered by its bytes was within the size limit when it was read.
      const digest = known?.digests.get(absolutePath);
      if (digest !== undefined && known?.remembered(kind, digest)) {
        entries.push({ kind, file, absolutePath, source: undefined, digest });
        continue;
      }
      const size = lstatSync(absolutePath).size;
      if (size > MAX_FILE_BYTES) {
        diagnostics.push(
          error("content/too-large", file, tooLargeMessage(size, MAX_FILE_BYTES), {
            fix: "Split it into parts published as separate articles (link them to each other), or move large data (tables, raw transcripts) into a file the article links to.",
          }),
        );
        continue;
      }
      const bytes = readFileSync(absolutePath);
      const read = decodeText(bytes, file);
      // The digest of the bytes just read, not the one hashing the inputs saw: the file may have changed since.
      if (read.ok) entries.push({ kind, file, absolutePath, source: read.text, digest: known && sha256(bytes) });
      else diagnostics.push(...read.diagnostics);
    }
  }
  return { entries, diagnostics };
}

/**
 * The text of a file the loader left unread, read now: an error when its bytes no longer have the
 * digest it was known by, as the work remembered for it was for those bytes.
 */
export function readKnownText(entry: Pick<RawEntry, "file" | "absolutePath" | "digest">): TextFileResult {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(entry.absolutePath);
  } catch {
    bytes = undefined;
  }
  if (bytes === undefined || sha256(bytes) !== entry.digest) {
    return {
      ok: false,
      diagnostics: [
        error("content/changed-during-build", entry.file, "the file changed (or was removed) while the site was being built", {
          fix: "Build again once the file is saved.",
        }),
      ],
    };
  }
  return decodeText(bytes, entry.file);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * What is wrong with a file over the limit, exactly: both sizes in MB and in bytes, so a file just
 * over the limit never reads as "10.0 MB; the limit is 10 MB".
 */
export function tooLargeMessage(bytes: number, limit: number): string {
  return `the file is ${formatMegabytes(bytes)} (${formatBytes(bytes)}); the limit is ${formatMegabytes(limit)} (${formatBytes(limit)})`;
}

/** Megabytes of 1,048,576 bytes (as most editors' file managers count them), to one decimal; whole numbers without. */
function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function formatBytes(bytes: number): string {
  // Grouped by hand: toLocaleString would depend on the machine's locale.
  return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, ",")} bytes`;
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
