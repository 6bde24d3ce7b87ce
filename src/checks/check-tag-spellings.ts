import { lineOf } from "../content/yaml-document.ts";
import { compareText, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteInput } from "../site/site-input.ts";
import { matchKey } from "../core/slugs.ts";

/** One article's use of a tag, as the editor spelt it. */
interface TagUse {
  spelling: string;
  file: string;
  line: number;
}

/**
 * Warn about tags that differ only in case or spacing (`housing`, `Housing`): they already share
 * one page, since tags are matched that way, but the odd spellings are usually slips. Each article
 * using a spelling other than the most common one is named, with the spelling to use.
 */
export function checkTagSpellings(input: SiteInput): Diagnostic[] {
  const usesByKey = new Map<string, TagUse[]>();
  for (const entry of input.articles) {
    (entry.frontMatter.tags ?? []).forEach((spelling, index) => {
      const key = matchKey(spelling);
      const uses = usesByKey.get(key) ?? [];
      uses.push({ spelling, file: entry.file, line: lineOf(entry.lines, ["tags", index]) });
      usesByKey.set(key, uses);
    });
  }
  const diagnostics: Diagnostic[] = [];
  for (const uses of usesByKey.values()) {
    const counts = new Map<string, number>();
    for (const use of uses) counts.set(use.spelling, (counts.get(use.spelling) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The same rule as the tag's display name: the most used spelling, ties to code-point order.
    const [preferred = "", preferredCount = 0] = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0] ?? [];
    const example = uses.find((use) => use.spelling === preferred)?.file ?? "";
    for (const use of uses) {
      if (use.spelling === preferred) continue;
      diagnostics.push(
        warning(
          "site/tag-case",
          use.file,
          `the tag "${use.spelling}" is spelt "${preferred}" in ${preferredCount === 1 ? "another article" : `${preferredCount} other articles`} (e.g. ${example})`,
          {
            line: use.line,
            field: "tags",
            fix: `Write "${preferred}" here too. Both spellings already share one topic page, but one spelling keeps the site consistent.`,
          },
        ),
      );
    }
  }
  return diagnostics;
}
