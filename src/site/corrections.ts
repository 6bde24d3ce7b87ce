import { compareText } from "../diagnostics/diagnostic.ts";
import { toArticleLink } from "../model/article-link.ts";
import type { Article, CorrectionEntry } from "../model/types.ts";
import { newestFirst } from "./pagination.ts";

/** Every correction on the given articles, newest first (same-day corrections by article, newest first). */
export function listCorrections(articles: readonly Article[]): CorrectionEntry[] {
  const entries: { entry: CorrectionEntry; article: Article }[] = [];
  for (const article of articles) {
    const link = toArticleLink(article);
    for (const correction of article.corrections) entries.push({ entry: { ...correction, article: link }, article });
  }
  return entries
    .sort(
      (a, b) => b.entry.date.epochMs - a.entry.date.epochMs || newestFirst(a.article, b.article) || compareText(a.entry.text, b.entry.text),
    )
    .map(({ entry }) => entry);
}
