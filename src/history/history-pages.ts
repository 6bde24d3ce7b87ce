import type { Article, DateInfo, SitePath } from "../model/types.ts";
import type { ArticleRecord, DiffPart, FieldChange } from "./record-types.ts";

/** One change as the history page shows it: when, the commit (short), what changed in the fields and in the text. */
export interface HistoryChangeView {
  date: DateInfo;
  commit: string;
  fields: FieldChange[];
  body?: DiffPart[];
}

/** An article's history page: the article, when it was first published, and every change since, newest first. */
export interface HistoryPage {
  url: SitePath;
  article: { title: string; url: SitePath };
  published: DateInfo;
  changes: HistoryChangeView[];
}

declare module "../model/types.ts" {
  interface Article {
    /** The address of its history page, when its text or fields changed after publication. */
    history?: SitePath;
  }
}

/** The address of an article's history page: `history/` below it. */
export function historyPath(article: Pick<Article, "url">): SitePath {
  return `${article.url}history/`;
}

/**
 * The history pages of the articles whose record (by file) has changes, and each such article's
 * `history` set to its page. `toDate` gives a time as the site shows dates (in its zone and language).
 */
export function buildHistoryPages(articles: readonly Article[], records: ReadonlyMap<string, ArticleRecord>, toDate: (epochMs: number) => DateInfo): HistoryPage[] {
  const pages: HistoryPage[] = [];
  for (const article of articles) {
    const record = records.get(article.file);
    if (record === undefined || record.changes.length === 0) continue;
    const url = historyPath(article);
    article.history = url;
    pages.push({
      url,
      article: { title: article.title, url: article.url },
      published: toDate(record.published.time),
      changes: record.changes.map((change) => {
        const view: HistoryChangeView = { date: toDate(change.time), commit: change.commit.slice(0, 7), fields: change.fields };
        if (change.body !== undefined) view.body = change.body;
        return view;
      }),
    });
  }
  return pages;
}
