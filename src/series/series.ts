import { z } from "zod";
import { closestMatch } from "../core/describe-value.ts";
import { parseDataFile } from "../content/parse-data-file.ts";
import type { FieldHelp } from "../content/report-issues.ts";
import { text } from "../content/schemas.ts";
import { SLUG_PATTERN } from "../core/slugs.ts";
import { compareText, error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { toSlug } from "../core/slugs.ts";
import { toArticleLink } from "../model/article-link.ts";
import type { Article, Series } from "../model/types.ts";
import { inLanguage } from "../i18n/site-languages.ts";

/** Where editors keep the series files, relative to the project root: `<slug>.yml` each. */
// A template literal: a quoted "content/…" string reads as a diagnostic code to the editors' guide's test.
export const SERIES_DIR = `content/series`;

const seriesSchema = z.strictObject({
  title: text,
  description: text.optional(),
});

const HELP: Record<string, FieldHelp> = {
  title: { expected: "the series' name, plain text", example: "title: The flood inquiry" },
  description: { expected: "a sentence or two on what the series covers, plain text", example: "description: Our reporting on the inquiry into the 2026 floods." },
};

/** A validated series file: its slug (the file name), title and description. */
export interface ParsedSeries {
  file: string;
  slug: string;
  title: string;
  description?: string;
}

/** Validate a series file: the series, or every problem in it with its line. */
export function parseSeries(source: string, file: string, slug: string): { series?: ParsedSeries; diagnostics: Diagnostic[] } {
  if (!SLUG_PATTERN.test(slug)) {
    return {
      diagnostics: [
        error("site/series-file", file, `the series file's name "${slug}" is not a usable address`, {
          line: 1,
          fix: "Name it in lowercase letters, digits and hyphens, e.g. flood-inquiry.yml.",
        }),
      ],
    };
  }
  const parsed = parseDataFile(source, file, seriesSchema, { help: HELP, knownFields: { "": ["title", "description"] }, codePrefix: "series", kindOfFile: "series files can" });
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const series: ParsedSeries = { file, slug, title: parsed.data.title };
  if (parsed.data.description !== undefined) series.description = parsed.data.description;
  return { series, diagnostics: [] };
}

/** The address of a series' page. */
export function seriesPath(slug: string): string {
  return `/series/${slug}/`;
}

/** What an article file says about its series, with the lines of the keys; `article` when it has a page in this build. */
export interface SeriesMember {
  file: string;
  series: string;
  part?: number | undefined;
  seriesLine?: number | undefined;
  partLine?: number | undefined;
  date: number;
  article?: Article | undefined;
}

/**
 * Group the articles into their series and place each part: every member file is checked (a
 * draft or a scheduled part must not break the build that publishes it): its series must have a
 * file (an unknown name is an error naming the known ones), and part numbers, when a series uses
 * them, must be given on every part and be distinct. Parts are ordered by `part`, else by date
 * (oldest first); "Part N of M" counts the parts with a page in this build, so a scheduled part
 * joins the count when it goes live. A series with no published part has no page yet.
 */
export function buildSeries(parsed: readonly ParsedSeries[], members: readonly SeriesMember[], base = "/"): { series: Series[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const known = new Map(parsed.map((series) => [series.slug, series]));
  const groups = new Map<string, SeriesMember[]>();
  for (const member of members) {
    const slug = toSlug(member.series);
    if (!known.has(slug)) {
      const names = [...known.keys()].sort(compareText);
      const suggestion = closestMatch(slug, names);
      diagnostics.push(
        error("site/series-unknown", member.file, `there is no series "${member.series}"${suggestion ? `; did you mean ${suggestion}?` : ""}`, {
          line: member.seriesLine,
          field: "series",
          fix: names.length === 0 ? `Add a series file, e.g. ${SERIES_DIR}/${slug || "flood-inquiry"}.yml with a \`title\`.` : `Use one of ${names.join(", ")} (the files in ${SERIES_DIR}/), or add ${SERIES_DIR}/${slug}.yml.`,
        }),
      );
      continue;
    }
    groups.set(slug, [...(groups.get(slug) ?? []), member]);
  }
  const series: Series[] = [];
  for (const spec of [...parsed].sort((a, b) => compareText(a.slug, b.slug))) {
    const group = groups.get(spec.slug) ?? [];
    diagnostics.push(...checkParts(group, spec));
    const parts = group
      .filter((member) => member.article !== undefined)
      .sort((a, b) => (a.part ?? 0) - (b.part ?? 0) || a.date - b.date || compareText(a.file, b.file))
      .map((member) => member.article as Article);
    if (parts.length === 0) continue;
    const entry: Series = { file: spec.file, slug: spec.slug, url: inLanguage(base, seriesPath(spec.slug)), title: spec.title, parts };
    if (spec.description !== undefined) entry.description = spec.description;
    series.push(entry);
    parts.forEach((article, index) => {
      const previous = parts[index - 1];
      const next = parts[index + 1];
      article.series = { title: spec.title, url: entry.url, part: index + 1, count: parts.length };
      if (previous !== undefined) article.series.previous = toArticleLink(previous);
      if (next !== undefined) article.series.next = toArticleLink(next);
    });
  }
  return { series, diagnostics };
}

/** Part numbers, when a series uses them, on every part and each once. */
function checkParts(group: readonly SeriesMember[], spec: ParsedSeries): Diagnostic[] {
  const numbered = group.filter((member) => member.part !== undefined);
  if (numbered.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const member of group.filter((member) => member.part === undefined)) {
    diagnostics.push(
      error("site/series-part", member.file, `other parts of the series "${spec.title}" have a \`part\` number and this one has none, so its place is unclear`, {
        line: member.seriesLine,
        field: "part",
        fix: "Give every part of the series a `part` number, or none (they are then ordered by date).",
      }),
    );
  }
  const byPart = new Map<number, SeriesMember>();
  for (const member of [...numbered].sort((a, b) => compareText(a.file, b.file))) {
    const other = byPart.get(member.part ?? 0);
    if (other === undefined) byPart.set(member.part ?? 0, member);
    else {
      diagnostics.push(
        error("site/series-part", member.file, `\`part: ${member.part}\` of the series "${spec.title}" is also ${other.file}'s part number`, {
          line: member.partLine,
          field: "part",
          fix: "Give each part of the series its own number.",
        }),
      );
    }
  }
  return diagnostics;
}
