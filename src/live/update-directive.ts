import { directiveProblem, isLeafDirective, parseLeafDirective, quoted, type DirectiveProblem } from "../markdown/leaf-directive.ts";

/**
 * One `::update{…}` line of a live page, as written: the time text (read in the site's time zone
 * later, by src/live/live-coverage.ts, which knows the zone) and an optional headline.
 *
 * Why a directive line rather than `## 14:05` headings: a heading is also a subhead, so the
 * build could not tell an update from a section of the introduction, and a bare time cannot say
 * which day an update of a coverage that runs past midnight belongs to. A line of its own is
 * what an editor types in the web editor's Markdown field just as in a text editor, it matches
 * the `::embed{…}` lines editors already know, and a full date-time there is unambiguous.
 */
export interface UpdateDirective {
  time: string;
  title?: string;
  /** `key="true"`: a key event, listed at the top of the page. */
  key?: true;
}

/** A correct update line, for the messages' fixes. */
export const UPDATE_EXAMPLE = '::update{time="2026-12-02 14:05" title="Council votes 9–4"}';

/** True when a paragraph's text is meant as an update line (so a mistake in it is reported, not printed). */
export function isUpdateDirective(line: string): boolean {
  return isLeafDirective("update", line);
}

/** A key event's update line, for the messages' fixes. */
export const KEY_EVENT_EXAMPLE = '::update{time="2026-12-02 14:05" title="Council votes 9–4" key="true"}';

/** Parse `::update{time="…" title="…" key="true"}`: `time` is required, `title` and `key` optional, nothing else. */
export function parseUpdateDirective(line: string): { ok: true; directive: UpdateDirective } | { ok: false; problem: DirectiveProblem } {
  const parsed = parseLeafDirective("update", line, "the update", UPDATE_EXAMPLE);
  if (!parsed.ok) return parsed;
  const directive: Partial<UpdateDirective> = {};
  for (const [name, value] of parsed.attributes) {
    if (name !== "time" && name !== "title" && name !== "key") return directiveProblem(`the update has an attribute \`${name}\` that Tidings does not know`, `Use time, title and key: ${KEY_EVENT_EXAMPLE}.`);
    if (value === "") return directiveProblem(`the update's \`${name}\` is empty`, `Give it a value: ${name === "key" ? KEY_EVENT_EXAMPLE : UPDATE_EXAMPLE}.`);
    if (name === "key") {
      // Only the two words: "yes" or "1" could be read either way by the next editor.
      if (value !== "true" && value !== "false") return directiveProblem(`the update's \`key\` is ${quoted(value)}, but it can only be "true" or "false"`, `Write key="true" to list the update among the key events at the top of the page, or leave key out: ${KEY_EVENT_EXAMPLE}.`);
      if (value === "true") directive.key = true;
    } else directive[name] = value;
  }
  if (directive.time === undefined) return directiveProblem("the update has no `time`", `Add when it was posted, in the site's time: ${UPDATE_EXAMPLE}.`);
  return { ok: true, directive: { ...directive, time: directive.time } };
}
