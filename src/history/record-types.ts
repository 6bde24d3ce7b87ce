// The record's types, apart from the code that reads it, so the pages' code (and its fingerprint) does not reach the Markdown parser.

/** One committed version of an article file: its commit, the commit's time and the file's text. */
export interface ArticleVersion {
  commit: string;
  time: number;
  text: string;
}

/** A change to a field a reader sees, in words the history page prints (see the `history.` messages). */
export type FieldChange =
  | { field: "title" | "summary" | "type" | "section"; from: string; to: string }
  | { field: "byline"; from: string[]; to: string[] }
  | { field: "tags" | "sources"; added: string[]; removed: string[] }
  | { field: "corrections"; added: string[] }
  | { field: "image" };

/** A run of the body's words: unchanged, added or removed; `gap` stands for unchanged words left out between changes. */
export interface DiffPart {
  kind: "same" | "added" | "removed" | "gap";
  text: string;
}

/** One change on an article's record: when, in which commit, what changed in its fields and its text. */
export interface RecordedChange {
  commit: string;
  time: number;
  fields: FieldChange[];
  /** The text's changes with a little of the unchanged text around each, when the words changed. */
  body?: DiffPart[];
}

/** An article's record: when it was first published (the first version readers could see) and every visible change since, newest first. */
export interface ArticleRecord {
  published: { commit: string; time: number };
  changes: RecordedChange[];
}
