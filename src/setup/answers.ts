import { isValidTimeZone } from "../content/dates.ts";
import { isLanguageTag } from "../i18n/site-languages.ts";

/** How readers give: a provider whose links Tidings writes (docs/features/donation.md), or `none` for a plain button to the donate page. */
export const DONATION_PROVIDERS = ["none", "paypal", "liberapay", "opencollective", "givebutter", "custom"] as const;

/** Where the newsletter signup form goes, or `none` for no signup block. */
export const NEWSLETTER_PROVIDERS = ["none", "buttondown", "mailchimp", "custom"] as const;

/** One of DONATION_PROVIDERS. */
export type DonationProvider = (typeof DONATION_PROVIDERS)[number];

/** One of NEWSLETTER_PROVIDERS. */
export type NewsletterProvider = (typeof NEWSLETTER_PROVIDERS)[number];

/** What a newsroom decides to start with: every answer setup asks for. */
export interface SetupAnswers {
  name: string;
  /** The address the site will have, e.g. `https://harbourcourier.news`. */
  url: string;
  /** The main language, a BCP 47 tag such as `en-GB` or `fr`. */
  language: string;
  /** An IANA time zone such as `Europe/Paris`. */
  timeZone: string;
  /** A three-letter currency code such as `EUR`. */
  currency: string;
  /** The provider, and its link or account (`account` is empty for `none`). */
  donation: { provider: DonationProvider; account: string };
  /** The provider, and its username or form address (`account` is empty for `none`). */
  newsletter: { provider: NewsletterProvider; account: string };
  /** The sections' names, in menu order; none is allowed. */
  sections: string[];
  /** The first author's name: the welcome article's byline. */
  author: string;
}

/** The answers setup asks for one by one, in order. */
export const ANSWER_FIELDS = ["name", "url", "language", "timeZone", "currency", "donation", "newsletter", "sections", "author"] as const;

/** One of ANSWER_FIELDS. */
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** What setup can guess from the computer it runs on. */
export interface SetupEnvironment {
  /** The computer's locale, e.g. `en-GB` (Intl's). */
  locale?: string | undefined;
  /** The computer's time zone, e.g. `Europe/London` (Intl's). */
  timeZone?: string | undefined;
  /** The person's git `user.name`, the first author unless they name another. */
  gitName?: string | undefined;
}

/**
 * The answers a newsroom gets when it gives none (`--yes`, or Enter at a prompt): the computer's
 * language and time zone, the currency of the language's country, no donation provider or
 * newsletter yet, one section and the git name as the first author. `name` and `url` have no
 * default: nobody else's name or address will do.
 */
export function defaultAnswers(environment: SetupEnvironment, sectionName: string, authorName: string): Omit<SetupAnswers, "name" | "url"> {
  const language = environment.locale !== undefined && isLanguageTag(environment.locale) ? environment.locale : "en";
  const timeZone = environment.timeZone !== undefined && isValidTimeZone(environment.timeZone) ? environment.timeZone : "UTC";
  return {
    language,
    timeZone,
    currency: defaultCurrency(language),
    donation: { provider: "none", account: "" },
    newsletter: { provider: "none", account: "" },
    sections: [sectionName],
    author: environment.gitName?.trim() || authorName,
  };
}

// Countries whose currency is the euro, by region code.
const EURO = new Set([
  "AT",
  "BE",
  "CY",
  "DE",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PT",
  "SI",
  "SK",
]);
const CURRENCIES: Readonly<Record<string, string>> = {
  GB: "GBP",
  US: "USD",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  CH: "CHF",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  PL: "PLN",
  CZ: "CZK",
  HU: "HUF",
  RO: "RON",
  JP: "JPY",
  IN: "INR",
  ZA: "ZAR",
  BR: "BRL",
  MX: "MXN",
  AR: "ARS",
  CL: "CLP",
  CO: "COP",
};

/** The currency of the country a language tag names or implies (`fr` → France → EUR, `en-GB` → GBP); USD where none is known. */
export function defaultCurrency(language: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).maximize().region;
  } catch {
    region = undefined;
  }
  if (region === undefined) return "USD";
  return EURO.has(region) ? "EUR" : (CURRENCIES[region] ?? "USD");
}

/** The sections' answer as names: split at commas, trimmed, empty ones dropped. */
export function parseSections(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}
