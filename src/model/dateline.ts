import { changedBody, type BodyHtml, type BodyParts } from "./body-html.ts";
import { escapeHtml } from "./lede.ts";

/** The class of the dateline Tidings prints at the start of a story (`MILLBROOK —`). */
export const DATELINE_CLASS = "place-dateline";

/**
 * An article's opening with its dateline (`label`, plain text such as `Millbrook —`) printed before
 * the story as newspapers print it: run into the body's first paragraph; as a line of its own when
 * the body opens with something else (a subhead, a picture); and before the standfirst when the
 * body is all standfirst (its one paragraph became the standfirst), so every story that has one shows it.
 */
export function withDateline(opening: { body: BodyParts; standfirst: string }, label: string): { body: BodyParts; standfirst: string } {
  const mark = `<span class="${DATELINE_CLASS}">${escapeHtml(label)}</span>`;
  const [first, ...rest] = opening.body;
  const start = first.search(/\S/);
  if (start === -1) return { body: opening.body, standfirst: `${mark} ${opening.standfirst}` };
  const opened = first.startsWith("<p>", start)
    ? `${first.slice(0, start + 3)}${mark} ${first.slice(start + 3)}`
    : `${first.slice(0, start)}<p class="${DATELINE_CLASS}-line">${mark}</p>\n${first.slice(start)}`;
  return { body: [opened, ...rest] as [string] | [string, string], standfirst: opening.standfirst };
}

/** withDateline for a body known by its facts: the standfirst changes at once, the body when its HTML is asked for. */
export function bodyWithDateline(opening: { body: BodyHtml; standfirst: string }, label: string): { body: BodyHtml; standfirst: string } {
  const { body, standfirst } = opening;
  // A blank opening (the body was all standfirst) is all withDateline looks at: it then changes only the standfirst.
  if (body.opensBlank) return { body, standfirst: withDateline({ body: [""], standfirst }, label).standfirst };
  return { body: changedBody(body, `dateline\0${label}`, (parts) => withDateline({ body: parts, standfirst }, label).body), standfirst };
}
