import type { Readable, Writable } from "node:stream";
import { cancel, confirm, intro, isCancel, note, select, text } from "@clack/prompts";
import {
  ANSWER_FIELDS,
  defaultCurrency,
  parseSections,
  type AnswerField,
  type DonationProvider,
  type NewsletterProvider,
  type SetupAnswers,
} from "./setup/answers.ts";
import { answerProblem } from "./setup/check-answer.ts";
import { starterWords } from "./setup/starter-words.ts";

/** What the questions start from, and where they are asked. */
export interface AskOptions {
  /** Answers already given as flags: not asked again. */
  given: Partial<SetupAnswers>;
  /** What Enter takes for each question that has a default (defaultAnswers). */
  defaults: Omit<SetupAnswers, "name" | "url">;
  /** The terminal's keys (default: standard input); tests hand in a stream. */
  input?: Readable;
  /** Where the questions are drawn (default: standard output). */
  output?: Writable;
}

// The question for each provider's link or account.
const DONATION_ACCOUNT: Readonly<Record<Exclude<DonationProvider, "none">, string>> = {
  paypal: "Your PayPal account's email address or merchant ID",
  liberapay: "Your Liberapay account name (or its address)",
  opencollective: "Your Open Collective's name (or its address)",
  givebutter: "Your Givebutter campaign's address (https://…)",
  custom: "Your payment page's address, with {amount} where the amount goes (and {frequency}, {currency} if it reads them)",
};
const NEWSLETTER_ACCOUNT: Readonly<Record<Exclude<NewsletterProvider, "none">, string>> = {
  buttondown: "Your Buttondown username",
  mailchimp: "The address your Mailchimp embedded form posts to (Audience → Signup forms → Embedded forms)",
  custom: "The address your signup form posts to (https://…)",
};

/**
 * Ask in the terminal for every answer not given yet, in order, each checked as it is typed with
 * the messages `check` gives for the config it makes; then ask to go ahead. Undefined when the
 * person cancels (Ctrl+C, Escape) or says no. The terminal glue: setup itself is setUpNewsroom.
 */
export async function askAnswers(options: AskOptions): Promise<SetupAnswers | undefined> {
  const streams = { ...(options.input ? { input: options.input } : {}), ...(options.output ? { output: options.output } : {}) };
  const answers: SetupAnswers = { name: "", url: "", ...options.defaults, ...options.given };
  const asked = (field: AnswerField) => options.given[field] === undefined;
  const check = (field: AnswerField, change: Partial<SetupAnswers>) => answerProblem({ ...answers, ...change }, field);
  // One text question: Enter alone takes the default; the answer is checked before it is taken.
  const ask = async (
    field: AnswerField,
    message: string,
    fallback: string,
    toAnswer: (value: string) => Partial<SetupAnswers>,
    hint?: string,
  ) => {
    const value = await text({
      message,
      ...(hint !== undefined ? { placeholder: hint } : fallback === "" ? {} : { placeholder: fallback }),
      ...(fallback === "" ? {} : { defaultValue: fallback }),
      validate: (typed) => check(field, toAnswer(typed?.trim() || fallback)),
      ...streams,
    });
    if (isCancel(value)) return false;
    Object.assign(answers, toAnswer(value.trim() || fallback));
    return true;
  };

  intro("Your own newsroom: a few questions, then the sample newsroom is replaced by yours", streams);
  for (const field of ANSWER_FIELDS) {
    if (!asked(field)) continue;
    let answered = true;
    switch (field) {
      case "name":
        answered = await ask(field, "The newsroom's name", "", (name) => ({ name }));
        break;
      case "url":
        answered = await ask(
          field,
          "The address the site will have (a custom domain, or https://<owner>.github.io/<repository>)",
          "",
          (url) => ({ url }),
          "https://…",
        );
        break;
      case "language":
        answered = await ask(
          field,
          "Its language, as a language tag (en, en-GB, fr, de, es, cy, pt-BR …)",
          answers.language,
          (language) => ({ language }),
        );
        // The currency follows the language's country unless it was given.
        if (answered && options.given.currency === undefined) answers.currency = defaultCurrency(answers.language);
        break;
      case "timeZone":
        answered = await ask(field, "Its time zone: every date is read and shown in it", answers.timeZone, (timeZone) => ({ timeZone }));
        break;
      case "currency":
        answered = await ask(field, "The currency readers give in (a three-letter code)", answers.currency, (currency) => ({
          currency: currency.toUpperCase(),
        }));
        break;
      case "donation":
        answered = await askDonation(answers, check, streams);
        break;
      case "newsletter":
        answered = await askNewsletter(answers, check, streams);
        break;
      case "sections": {
        // The default section is in the language just chosen.
        const words = starterWords(answers.language);
        const fallback = words.section;
        answered = await ask(field, `The sections it starts with (${words.sectionsHint})`, fallback, (list) => ({
          sections: parseSections(list),
        }));
        break;
      }
      case "author":
        answered = await ask(field, "The first author's name (the welcome article's byline)", answers.author, (author) => ({ author }));
        break;
    }
    if (!answered) return cancelled(streams);
  }
  note(summary(answers), "Your newsroom", streams);
  const go = await confirm({
    message: "Replace the sample newsroom (its articles, authors, pages and settings) with this one?",
    ...streams,
  });
  if (isCancel(go) || !go) return cancelled(streams);
  return answers;
}

type Streams = { input?: Readable; output?: Writable };
type Check = (field: AnswerField, change: Partial<SetupAnswers>) => string | undefined;

async function askDonation(answers: SetupAnswers, check: Check, streams: Streams): Promise<boolean> {
  const provider = await select<DonationProvider>({
    message: "How readers give",
    initialValue: answers.donation.provider,
    options: [
      { value: "none", label: "Not set up yet", hint: "a plain Donate button to your donate page" },
      { value: "paypal", label: "PayPal" },
      { value: "liberapay", label: "Liberapay", hint: "monthly and yearly gifts" },
      { value: "opencollective", label: "Open Collective" },
      { value: "givebutter", label: "Givebutter" },
      { value: "custom", label: "Another payment page", hint: "its address, with {amount}" },
    ],
    ...streams,
  });
  if (isCancel(provider)) return false;
  if (provider === "none") {
    answers.donation = { provider, account: "" };
    return true;
  }
  const account = await text({
    message: DONATION_ACCOUNT[provider],
    validate: (typed) => check("donation", { donation: { provider, account: typed?.trim() ?? "" } }),
    ...streams,
  });
  if (isCancel(account)) return false;
  answers.donation = { provider, account: account.trim() };
  return true;
}

async function askNewsletter(answers: SetupAnswers, check: Check, streams: Streams): Promise<boolean> {
  const provider = await select<NewsletterProvider>({
    message: "A newsletter signup at the end of articles",
    initialValue: answers.newsletter.provider,
    options: [
      { value: "none", label: "None for now" },
      { value: "buttondown", label: "Buttondown" },
      { value: "mailchimp", label: "Mailchimp" },
      { value: "custom", label: "Another service", hint: "the address its form posts to" },
    ],
    ...streams,
  });
  if (isCancel(provider)) return false;
  if (provider === "none") {
    answers.newsletter = { provider, account: "" };
    return true;
  }
  const account = await text({
    message: NEWSLETTER_ACCOUNT[provider],
    validate: (typed) => check("newsletter", { newsletter: { provider, account: typed?.trim() ?? "" } }),
    ...streams,
  });
  if (isCancel(account)) return false;
  answers.newsletter = { provider, account: account.trim() };
  return true;
}

function summary(answers: SetupAnswers): string {
  const donation =
    answers.donation.provider === "none"
      ? "a Donate button to your donate page"
      : `${answers.donation.provider}: ${answers.donation.account}`;
  const newsletter = answers.newsletter.provider === "none" ? "none" : `${answers.newsletter.provider}: ${answers.newsletter.account}`;
  return [
    `${answers.name}, at ${answers.url}`,
    `in ${answers.language}, ${answers.timeZone}, giving in ${answers.currency}`,
    `donations: ${donation}`,
    `newsletter: ${newsletter}`,
    `sections: ${answers.sections.join(", ") || "none"}`,
    `first author: ${answers.author}`,
  ].join("\n");
}

function cancelled(streams: Streams): undefined {
  cancel("Nothing was changed.", streams);
  return undefined;
}
