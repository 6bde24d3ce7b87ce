import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { codeFingerprint, DRAWING_CODE } from "../cache/code-fingerprint.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ImageReference, SitePath } from "../model/types.ts";
import { writeFileAtomically } from "../core/files.ts";
import { cleanSvg } from "./clean-svg.ts";

/** The cache folder of cleaned drawings: one file per cleaned text, one record per source text and cleaning code. */
const FOLDER = path.join("images", "drawings");

/** The part of a published image this step changes: where its original comes from. */
export interface PublishedDrawing {
  original: { format: string };
  files: { from: string; to: SitePath; version?: string }[];
}

/** The most removed parts a warning names one by one. */
const NAMED = 6;

/**
 * Publish every SVG drawing the site uses from a cleaned copy in the cache (see cleanSvg) instead
 * of the editor's file: a warning on every use names what was removed; a drawing that cannot be
 * cleaned is an error on every use and its file is not published at all.
 */
export async function publishCleanDrawings(
  references: readonly ImageReference[],
  published: ReadonlyMap<string, PublishedDrawing>,
  options: { root: string; cacheDir: string },
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  let fingerprint: string | undefined;
  for (const reference of references) {
    const image = published.get(reference.sourcePath);
    if (image?.original.format !== "svg") continue;
    const original = image.files.findIndex((file) => file.to === reference.url);
    if (original < 0) continue;
    const file = path.relative(options.root, reference.sourcePath).split(path.sep).join("/");
    let source: string;
    try {
      source = await readFile(reference.sourcePath, "utf8");
    } catch {
      source = "";
    }
    fingerprint ??= codeFingerprint(DRAWING_CODE);
    const cleaned = cleanedDrawing(source, fingerprint, path.join(options.cacheDir, FOLDER));
    if (!cleaned.ok) {
      // Never the original: better no picture than one that runs script on the site.
      image.files.splice(original, 1);
      diagnostics.push(...reference.uses.map((use) => error("content/image-svg-refused", use.file, `the drawing ${file} cannot be published safely: ${cleaned.problem}`, { line: use.line, field: use.field, fix: "Export it again as a plain SVG (or as a PNG) from the drawing or chart tool, then save it over this file." })));
      continue;
    }
    image.files[original] = { from: cleaned.copy, to: reference.url, version: cleaned.version };
    if (cleaned.removed.length === 0) continue;
    const named = cleaned.removed.slice(0, NAMED).join("; ");
    const more = cleaned.removed.length > NAMED ? `; and ${cleaned.removed.length - NAMED} more` : "";
    diagnostics.push(
      ...reference.uses.map((use) =>
        warning(
          "content/image-svg-cleaned",
          use.file,
          `the drawing ${file} held parts that could run script or load files from elsewhere when it is opened, and was published without them: ${named}${more}`,
          { line: use.line, field: use.field, fix: "Check the published drawing still looks right; to silence this, export it again as a plain SVG without scripts, links or embedded HTML and save it over this file." },
        ),
      ),
    );
  }
  return diagnostics;
}

/** What cleaning a drawing's text gave, as the cache remembers it: the cleaned copy's file and hash, or the problem. */
type CleanedDrawing = { ok: true; copy: string; version: string; removed: string[] } | { ok: false; problem: string };

/**
 * The cleaned copy of the drawing `source` in `folder`, cleaned once per text and cleaning code
 * (`fingerprint`: cleaning a large chart takes a second): a record named by both says what came of it.
 */
function cleanedDrawing(source: string, fingerprint: string, folder: string): CleanedDrawing {
  const key = createHash("sha256").update(fingerprint).update("\0").update(source).digest("hex").slice(0, 24);
  const record = path.join(folder, `${key}.json`);
  try {
    const known = JSON.parse(readFileSync(record, "utf8")) as CleanedDrawing;
    if (!known.ok) return known;
    // The copy is used only with the bytes it was written with (its name is their hash), and from
    // this folder: a copy changed since, or a record naming another file, is cleaned again.
    const copy = path.join(folder, `${known.version}.svg`);
    if (copy === known.copy && versionOf(readFileSync(copy, "utf8")) === known.version) return known;
  } catch {
    // Not cleaned yet (or the record or its copy is damaged): clean it now.
  }
  const cleaned = cleanSvg(source);
  const result: CleanedDrawing = cleaned.ok ? { ok: true, ...writeCopy(folder, cleaned.svg), removed: cleaned.removed } : cleaned;
  // A record not written only costs the next build the cleaning.
  writeFileAtomically(record, JSON.stringify(result));
  return result;
}

// The cleaned text under its own hash, so every build and every page that uses it shares one file.
function writeCopy(folder: string, svg: string): { copy: string; version: string } {
  const version = versionOf(svg);
  const copy = path.join(folder, `${version}.svg`);
  if (!writeFileAtomically(copy, svg)) throw new Error(`the cleaned drawing could not be written to ${copy}`);
  return { copy, version };
}

function versionOf(svg: string): string {
  return createHash("sha256").update(svg).digest("hex").slice(0, 24);
}
