import { DateTime } from "luxon";
import { CONFIG_FILE } from "../content/config-file.ts";
import { toSlug } from "../core/slugs.ts";
import type { SetupAnswers } from "./answers.ts";
import { DONATE_PATH, newsroomConfig, yamlValue } from "./newsroom-config.ts";
import { fillSlots, STARTER_PAGES, starterWords } from "./starter-words.ts";

/** What setup writes for a newsroom: every file by project path, and the language its starter pages are in. */
export interface NewsroomFiles {
  files: Record<string, string>;
  /** The starters' language folder (`fr`); `en` for a language Tidings has no starters in. */
  startersLanguage: string;
}

/**
 * The files of a new newsroom (pure: answers and a time in, texts out): the config, a welcome
 * article dated `now` in its time zone and signed by its first author, the author's file, and an
 * about page, a donate page and a corrections policy in its language, all published, with
 * placeholder text between ⟦ and ⟧ where only the newsroom can say what goes, which the deploy
 * build refuses until it is replaced.
 */
export function newsroomFiles(answers: SetupAnswers, now: number): NewsroomFiles {
  const words = starterWords(answers.language);
  const authorSlug = toSlug(answers.author) || "editor";
  const slots = { name: answers.name, author: answers.author, about: "/about/", donate: DONATE_PATH, corrections: "/corrections-policy/" };
  const moment = DateTime.fromMillis(now, { zone: answers.timeZone });
  const welcome = words.pages.welcome;
  const files: Record<string, string> = {
    [CONFIG_FILE]: newsroomConfig(answers, words),
    [`content/articles/${moment.toFormat("yyyy")}/welcome.md`]: entry(
      {
        title: fillSlots(welcome.title, slots),
        date: moment.toFormat("yyyy-MM-dd HH:mm"),
        byline: answers.author,
        summary: fillSlots(welcome.summary, slots),
      },
      fillSlots(words.bodies["welcome"] ?? "", slots),
    ),
    [`content/authors/${authorSlug}.md`]: entry({ name: answers.author }, fillSlots(words.bodies["author"] ?? "", slots)),
  };
  for (const page of STARTER_PAGES) {
    const { title, summary } = words.pages[page];
    files[`content/pages/${page}.md`] = entry(
      { title: fillSlots(title, slots), summary: fillSlots(summary, slots) },
      fillSlots(words.bodies[page] ?? "", slots),
    );
  }
  return { files, startersLanguage: words.language };
}

// A content file: its front matter, then its body.
function entry(fields: Record<string, string>, body: string): string {
  const frontMatter = Object.entries(fields).map(([key, value]) => `${key}: ${yamlValue(value)}`);
  return `---\n${frontMatter.join("\n")}\n---\n${body.endsWith("\n") ? body : `${body}\n`}`;
}
