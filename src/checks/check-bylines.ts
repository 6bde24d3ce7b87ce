import { closestMatch } from "../core/describe-value.ts";
import { lineOf } from "../content/yaml-document.ts";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteInput } from "../site/site-input.ts";
import { matchKey, toSlug } from "../core/slugs.ts";

/**
 * The byline `npm run new` writes when it cannot tell who is writing. It passes validation, so a
 * new draft never blocks anything, and the byline check flags it on every page of the preview
 * (an error once the article is no longer a draft, so it can never be published by mistake).
 */
export const BYLINE_PLACEHOLDER = "BYLINE NEEDED";

/**
 * Warn about a byline that matches no author file but is one typo away from an author's name or
 * alias ("Priya Ramen"): it silently loses the link to the author's page. Other names without an
 * author file ("Staff reporter", a guest writer) are plain-text bylines, which the design allows,
 * so they pass without a word; a warning on correct content would teach editors to ignore warnings.
 */
export function checkBylines(input: SiteInput): Diagnostic[] {
  const names = input.authors.flatMap((entry) => [entry.frontMatter.name, ...(entry.frontMatter.aliases ?? [])]);
  const known = new Set(names.map(matchKey));
  const diagnostics: Diagnostic[] = [];
  for (const entry of input.articles) {
    entry.frontMatter.byline.forEach((name, index) => {
      if (name === BYLINE_PLACEHOLDER) {
        diagnostics.push(placeholderProblem(entry.file, lineOf(entry.lines, ["byline", index]), entry.frontMatter.draft === true));
        return;
      }
      if (known.has(matchKey(name))) return;
      const suggestion = closestMatch(name, names);
      if (suggestion === undefined) return;
      diagnostics.push(
        warning("site/unknown-author", entry.file, `the byline "${name}" matches no author file (did you mean "${suggestion}"?)`, {
          line: lineOf(entry.lines, ["byline", index]),
          field: "byline",
          fix: `Write "${suggestion}" so the byline links to the author's page; if "${name}" is someone else, add an author file content/authors/${toSlug(name)}.md.`,
        }),
      );
    });
  }
  return diagnostics;
}

/**
 * The placeholder `npm run new` writes when it does not know the writer. In a draft it is a
 * warning, so the preview still shows the draft and lists the warning on every page; in an
 * article about to be published it is an error, so the placeholder never reaches readers.
 */
function placeholderProblem(file: string, line: number | undefined, draft: boolean): Diagnostic {
  const make = draft ? warning : error;
  return make("content/byline-placeholder", file, `the byline is still the placeholder ${BYLINE_PLACEHOLDER}`, {
    line,
    field: "byline",
    fix: `Replace ${BYLINE_PLACEHOLDER} with the writer's name, e.g. \`byline: Priya Raman\`.`,
  });
}
