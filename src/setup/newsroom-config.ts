import { stringify } from "yaml";
import { PROVIDER_FREQUENCIES, type Frequency } from "../donation/providers.ts";
import type { SetupAnswers } from "./answers.ts";
import { fillSlots, type StarterWords } from "./starter-words.ts";

// Amounts a newsroom starts with, by frequency; the config says to change them.
const AMOUNTS: Readonly<Record<Frequency, { amounts: number[]; default: number }>> = {
  once: { amounts: [10, 25, 50], default: 25 },
  monthly: { amounts: [5, 10, 20], default: 10 },
  annual: { amounts: [50, 100, 200], default: 100 },
};

/** The address of the donate page setup writes (content/pages/donate.md), which the ask's button leads to. */
export const DONATE_PATH = "/donate/";

/**
 * The text of tidings.config.yml for a new newsroom: its answers, with a note on each part and
 * the words of its language. Not validated here: parseConfig does that, as for any config.
 */
export function newsroomConfig(answers: SetupAnswers, words: StarterWords): string {
  const name = { name: answers.name };
  const nav = words.navigation;
  const lines = [
    `# ${answers.name}: site settings, written by \`npm run setup\`. Every field is explained in docs/configuration.md.`,
    `name: ${yamlValue(answers.name)}`,
    "# The address the site will have. The deploy workflow builds with the address GitHub Pages reports.",
    `url: ${yamlValue(answers.url)}`,
    `language: ${yamlValue(answers.language)}`,
    `timeZone: ${yamlValue(answers.timeZone)}`,
    "# A line under the name, and a sentence on what the site is (search engines and feeds show it):",
    "# tagline: …",
    "# description: …",
    "# The publisher logo for search engines and feed readers: square, at least 112 pixels, in public/.",
    "# logo: /logo.png",
    "",
    "navigation:",
    ...[
      [nav.topics, "/tags/"],
      [nav.search, "/search/"],
      [nav.about, "/about/"],
      [nav.donate, DONATE_PATH],
    ].map(([label, url]) => `  - { label: ${yamlValue(label)}, url: ${url} }`),
    "",
    "# Sections (docs/features/fronts-and-sections.md): each has a page at /<slug>/, an RSS feed and a",
    "# link in the navigation; `tags:` files an article with one of them in the section.",
    ...(answers.sections.length === 0
      ? ["sections: []"]
      : ["sections:", ...answers.sections.map((section) => `  - name: ${yamlValue(section)}`)]),
    "",
    "types:",
    ...Object.entries(words.types).map(([key, label]) => `  ${key}: ${yamlValue(label)}`),
    "",
    "# The donation ask (docs/features/donation.md): at the end of every article, and shorter where",
    "# an article has the <!-- donate --> marker.",
    "donation:",
    `  heading: ${yamlValue(fillSlots(words.donation.heading, name))}`,
    `  text: ${yamlValue(fillSlots(words.donation.text, name))}`,
    `  short: ${yamlValue(fillSlots(words.donation.short, name))}`,
    `  button: ${yamlValue(words.donation.button)}`,
    `  url: ${DONATE_PATH}`,
    `  currency: ${yamlValue(answers.currency)}`,
    ...donationProvider(answers),
    "",
    ...newsletter(answers, words),
    "",
    "# The newsroom's standards (docs/configuration.md): named on every article's publisher in its",
    "# structured data and listed in the footer. Add the others (ethicsPolicy, masthead, diversityPolicy…)",
    "# as you publish them, and where readers report an error, which every article then links to.",
    "standards:",
    "  publishingPrinciples: /about/",
    "  ownershipFundingInfo: /about/",
    "  correctionsPolicy: /corrections-policy/",
    "  actionableFeedbackPolicy: /corrections-policy/",
    "  # reportError: mailto:corrections@example.org",
  ];
  return `${lines.join("\n")}\n`;
}

// The provider and its choice cards, or a note on adding them.
function donationProvider(answers: SetupAnswers): string[] {
  const { provider, account } = answers.donation;
  if (provider === "none") {
    return [
      "  # A plain button to the donate page. For choice cards (amounts and frequencies that lead",
      "  # straight to the payment page), add `provider` and `frequencies` (docs/features/donation.md).",
    ];
  }
  const value = account.trim();
  const settings: Record<string, string> =
    provider === "paypal"
      ? { business: value }
      : provider === "liberapay"
        ? { account: lastSegment(value, "liberapay.com") }
        : provider === "opencollective"
          ? { collective: lastSegment(value, "opencollective.com") }
          : provider === "givebutter"
            ? { campaign: value }
            : { template: value };
  const frequencies = PROVIDER_FREQUENCIES[provider];
  const preferred: Frequency = frequencies.includes("monthly") ? "monthly" : (frequencies[0] ?? "once");
  return [
    "  # Choice cards: each amount is a link to the provider's payment page. Change the amounts to suit your readers.",
    "  provider:",
    `    name: ${provider}`,
    ...Object.entries(settings).map(([key, setting]) => `    ${key}: ${yamlValue(setting)}`),
    "  frequencies:",
    `    default: ${preferred}`,
    ...frequencies.map(
      (frequency) => `    ${frequency}: { amounts: [${AMOUNTS[frequency].amounts.join(", ")}], default: ${AMOUNTS[frequency].default} }`,
    ),
    // A custom template has no address for an amount the reader types, so no "other amount" card.
    ...(provider === "custom" ? ["  other: false"] : []),
  ];
}

function newsletter(answers: SetupAnswers, words: StarterWords): string[] {
  const { provider, account } = answers.newsletter;
  if (provider === "none") return ["# A newsletter signup at the end of articles: see `newsletter` in docs/configuration.md."];
  return [
    "# A newsletter signup at the end of articles: a plain form posting to the service.",
    "# public/_headers allows the form to go there (form-action).",
    "newsletter:",
    `  heading: ${yamlValue(fillSlots(words.newsletter.heading, { name: answers.name }))}`,
    `  text: ${yamlValue(words.newsletter.text)}`,
    `  provider: ${provider}`,
    provider === "buttondown"
      ? `  username: ${yamlValue(lastSegment(account.trim(), "buttondown.com"))}`
      : `  action: ${yamlValue(account.trim())}`,
  ];
}

/** The address a newsletter answer sends the form to, for public/_headers: undefined for none. */
export function newsletterOrigin(answers: SetupAnswers): string | undefined {
  const { provider, account } = answers.newsletter;
  if (provider === "none") return undefined;
  if (provider === "buttondown") return "https://buttondown.com";
  try {
    return new URL(account.trim()).origin;
  } catch {
    return undefined;
  }
}

// An account pasted as its page's address (https://liberapay.com/Harbour/) is its last part.
function lastSegment(value: string, host: string): string {
  try {
    const url = new URL(value);
    if (url.hostname === host || url.hostname.endsWith(`.${host}`)) return url.pathname.split("/").filter(Boolean).at(-1) ?? value;
  } catch {
    // Not an address: the account as written.
  }
  return value;
}

/** A YAML value on one line, quoted only when it must be. */
export function yamlValue(value: unknown): string {
  return stringify(value, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", collectionStyle: "flow" }).trimEnd();
}
