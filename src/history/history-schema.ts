import { z } from "zod";
import type { FieldHelp } from "../content/report-issues.ts";

/**
 * The `history` section of the config: whether articles get a page of their changes from git, and
 * the commits kept out of every record (a legal removal), by id (at least seven characters).
 */
export const historySchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    exclude: z
      .array(z.string().regex(/^[0-9a-fA-F]{7,40}$/, { message: "must be a commit id of 7 to 40 hexadecimal characters, as `git log` shows it" }))
      .default([]),
  })
  .default({ enabled: true, exclude: [] });

/** Editor help for the history fields. */
export const HISTORY_HELP: Record<string, FieldHelp> = {
  history: { expected: "the change history settings", example: "history: { exclude: [3f9a2c1] }" },
  "history.enabled": { expected: "`true` or `false`", example: "enabled: false" },
  "history.exclude": { expected: "a list of commit ids to keep out of every article's history", example: "exclude: [3f9a2c1]" },
};

/** Known history field names. */
export const HISTORY_FIELDS: readonly string[] = ["enabled", "exclude"];
