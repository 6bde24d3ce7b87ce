import { parseConfig } from "../config/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { AnswerField, SetupAnswers } from "./answers.ts";
import { newsroomConfig } from "./newsroom-config.ts";
import { starterWords } from "./starter-words.ts";

// The config fields each answer writes, as diagnostics name them.
const ANSWER_CONFIG_FIELDS: Readonly<Record<AnswerField, readonly string[]>> = {
  name: ["name"],
  url: ["url"],
  language: ["language"],
  timeZone: ["timeZone"],
  currency: ["donation.currency"],
  donation: ["donation.provider", "donation.frequencies"],
  newsletter: ["newsletter"],
  sections: ["sections"],
  author: [],
};

/**
 * What is wrong with one answer, in the words `check` would use for the config it writes (the
 * message and its fix), or undefined when it is fine. The answer is checked in the whole config
 * setup would write, so the same schema judges it as judges the file later.
 */
export function answerProblem(answers: SetupAnswers, field: AnswerField): string | undefined {
  if (field === "author") {
    return answers.author.trim() === ""
      ? "the first author's name is missing: it is the welcome article's byline — Give the name of the person who writes first (you can add more authors later)."
      : undefined;
  }
  const problems = configProblems(answers).filter((problem) =>
    ANSWER_CONFIG_FIELDS[field].some(
      (prefix) => problem.field === prefix || problem.field?.startsWith(`${prefix}.`) || problem.field?.startsWith(`${prefix}[`),
    ),
  );
  const [first] = problems;
  return first === undefined ? undefined : describe(first);
}

/** Every problem of the config the answers make, as `check` reports them. */
export function configProblems(answers: SetupAnswers): Diagnostic[] {
  const result = parseConfig(newsroomConfig(answers, starterWords(answers.language)));
  return result.ok ? [] : result.diagnostics;
}

/** A problem on one line: what is wrong, then what to do. */
export function describe(problem: Diagnostic): string {
  return problem.fix === undefined ? problem.message : `${problem.message} — ${problem.fix}`;
}
