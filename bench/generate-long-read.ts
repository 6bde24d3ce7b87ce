import { createRandom } from "./generate-site.ts";

const SPEAKERS = ["THE COURT", "MS OKAFOR", "MR BRENNAN", "THE WITNESS", "MR JUSTICE HALE"];
const WORDS = (
  "the council said that planning officers had not seen the report before the meeting on the river wall and " +
  "residents of the east bank asked why the flood study was delayed for nine months while the contract was signed " +
  "witness evidence shows the ferry operator knew of the strike ballot in advance of the timetable change"
).split(" ");

/**
 * The Markdown body of a long read of about `bytes` bytes, shaped like a court transcript: a
 * subhead every forty exchanges, speakers in bold, now and then a quoted exhibit and a list. The
 * same seed gives the same text.
 */
export function longReadBody(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 18) }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  };
  const parts: string[] = [];
  let size = 0;
  for (let exchange = 0; size < bytes; exchange++) {
    let part: string;
    if (exchange % 40 === 0) part = `## Day ${exchange / 40 + 1}, morning session`;
    else if (exchange % 17 === 0) part = `> Exhibit ${exchange}: ${sentence()} ${sentence()}`;
    else if (exchange % 29 === 0) part = `- ${sentence()}\n- ${sentence()}\n- ${sentence()}`;
    else part = `**${pick(SPEAKERS)}:** ${Array.from({ length: 1 + Math.floor(random() * 4) }, sentence).join(" ")}`;
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join("\n\n");
}
