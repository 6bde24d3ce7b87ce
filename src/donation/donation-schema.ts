import { z } from "zod";
import type { FieldHelp } from "../content/report-issues.ts";
import { isHttpUrl, linkUrl, text } from "../content/schemas.ts";
import { FREQUENCIES, PROVIDER_FREQUENCIES, type Frequency } from "./providers.ts";

const httpsUrl = text.refine(isHttpUrl, { message: "must be a web address starting with https://" });

// A calendar day as an editor writes it; read in the site's time zone when the site is built.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a day like 2026-12-01" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: "must be a real day like 2026-12-01",
  });

const amount = z.number().positive().max(1_000_000);

// An amount is a number, or a number with what it pays for (shown on the donate page).
const amountChoice = z.union([amount.transform((value): { amount: number; pays?: string } => ({ amount: value })), z.strictObject({ amount, pays: text.optional() })]);

const frequencyChoices = z
  .strictObject({
    amounts: z.array(amountChoice).min(1).max(6),
    default: amount.optional(),
  })
  .superRefine((choices, context) => {
    const values = choices.amounts.map((choice) => choice.amount);
    if (new Set(values).size !== values.length) {
      context.addIssue({ code: "custom", path: ["amounts"], message: `must list each amount once, got [${values.join(", ")}]`, params: { crossField: true } });
    }
    if (choices.default !== undefined && !values.includes(choices.default)) {
      context.addIssue({
        code: "custom",
        path: ["default"],
        message: `must be one of the amounts (${values.join(", ")}), got ${choices.default}`,
        params: { fix: `Set \`default\` to one of ${values.join(", ")}, or add ${choices.default} to \`amounts\`.` },
      });
    }
  });

const providerSchema = z.discriminatedUnion("name", [
  z.strictObject({
    name: z.literal("stripe"),
    // Stripe Payment Links carry no amount: one link per tier, by frequency then amount (and `other`).
    links: z.partialRecord(z.enum(FREQUENCIES), z.record(z.string(), httpsUrl)),
  }),
  z.strictObject({ name: z.literal("paypal"), business: text.optional(), hostedButtonId: text.optional() }),
  z.strictObject({ name: z.literal("liberapay"), account: text }),
  z.strictObject({ name: z.literal("opencollective"), collective: text }),
  z.strictObject({ name: z.literal("givebutter"), campaign: httpsUrl }),
  z.strictObject({ name: z.literal("custom"), template: httpsUrl, other: httpsUrl.optional() }),
]);

/** The copy of an ask: what a variant may change. */
const askCopy = {
  heading: text.optional(),
  text: text.optional(),
  short: text.optional(),
  button: text.optional(),
};

const variantSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "must be a short name in lowercase letters, digits and hyphens" }),
    // Rules: tags, types, live pages (or not) and a date range.
    tags: z.array(text).default([]),
    types: z.array(text).default([]),
    live: z.boolean().optional(),
    from: day.optional(),
    until: day.optional(),
    ...askCopy,
  })
  .superRefine((variant, context) => {
    if (variant.from !== undefined && variant.until !== undefined && variant.until < variant.from) {
      context.addIssue({ code: "custom", path: ["until"], message: `must not be before \`from\` (${variant.from}), got ${variant.until}`, params: { crossField: true } });
    }
  });

/** The donation ask's settings (docs/features/donation.md, docs/configuration.md); the old heading/text/button/url block is still a complete ask. */
export const donationSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    heading: text,
    text: text,
    button: text,
    url: linkUrl,
    short: text.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: "must be a three-letter currency code such as GBP, EUR or USD" })
      .refine((code) => Intl.supportedValuesOf("currency").includes(code), { message: "must be a currency code Intl knows, such as GBP, EUR or USD" })
      .optional(),
    provider: providerSchema.optional(),
    frequencies: z
      .strictObject({
        default: z.enum(FREQUENCIES).optional(),
        once: frequencyChoices.optional(),
        monthly: frequencyChoices.optional(),
        annual: frequencyChoices.optional(),
      })
      .optional(),
    other: z.boolean().default(true),
    cap: z
      .strictObject({
        closeDays: z.number().int().min(0).max(365).default(7),
        supporterDays: z.number().int().min(0).max(3650).default(90),
      })
      .default({ closeDays: 7, supporterDays: 90 }),
    variants: z.array(variantSchema).default([]),
    exclude: z
      .strictObject({
        types: z.array(text).default([]),
        tags: z.array(text).default([]),
      })
      .default({ types: [], tags: [] }),
  })
  .superRefine((donation, context) => {
    // Choice cards need a provider, the frequencies and a currency; a campaign alone needs only the currency.
    const cards = (["provider", "frequencies"] as const).filter((field) => donation[field] !== undefined);
    const needed = cards.length === 0 ? [] : (["provider", "frequencies", "currency"] as const).filter((field) => donation[field] === undefined);
    for (const field of needed) {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `is required for choice cards, since \`${cards.join("` and `")}\` ${cards.length === 1 ? "is" : "are"} set`,
        params: { fix: `Add \`${field}\` under \`donation\` (docs/features/donation.md), or remove \`${cards.join("`, `")}\` for a plain button.`, crossField: true },
      });
    }
    if (needed.length > 0) return;
    const { provider, frequencies } = donation;
    if (provider === undefined || frequencies === undefined) return;
    const offered = FREQUENCIES.filter((frequency) => frequencies[frequency] !== undefined);
    if (offered.length === 0) {
      context.addIssue({ code: "custom", path: ["frequencies"], message: "must offer at least one of `once`, `monthly` and `annual`", params: { fix: "Add e.g. `monthly: { amounts: [5, 10, 20], default: 10 }`.", crossField: true } });
      return;
    }
    if (frequencies.default !== undefined && !offered.includes(frequencies.default)) {
      context.addIssue({ code: "custom", path: ["frequencies", "default"], message: `must be one of the frequencies offered (${offered.join(", ")}), got ${frequencies.default}`, params: { crossField: true } });
    }
    const supported = PROVIDER_FREQUENCIES[provider.name];
    for (const frequency of offered) {
      if (!supported.includes(frequency)) {
        context.addIssue({
          code: "custom",
          path: ["frequencies", frequency],
          message: `cannot be offered with \`provider: ${provider.name}\`, whose links take only ${supported.join(" and ")} gifts`,
          params: { fix: `Remove \`${frequency}\`, or choose a provider that takes ${frequency} gifts (docs/features/donation.md lists them).`, crossField: true },
        });
      }
    }
    if (provider.name === "paypal" && (provider.business === undefined) === (provider.hostedButtonId === undefined)) {
      context.addIssue({ code: "custom", path: ["provider"], message: "needs exactly one of `business` (the PayPal account's email or merchant ID) and `hostedButtonId`", params: { fix: "Add `business: donations@example.org`, or the `hostedButtonId` of a Donate button made at paypal.com/donate/buttons.", crossField: true } });
    }
    if (provider.name === "custom") {
      if (!provider.template.includes("{amount}") && !provider.template.includes("{amountMinor}")) {
        context.addIssue({ code: "custom", path: ["provider", "template"], message: "must contain `{amount}` or `{amountMinor}` where the chosen amount goes", params: { crossField: true } });
      }
      if (donation.other && provider.other === undefined) {
        context.addIssue({ code: "custom", path: ["provider", "other"], message: "is required while `other` is on: the address where a reader types their own amount", params: { fix: "Add `other: https://…` under `provider`, or set `other: false` under `donation`.", crossField: true } });
      }
    }
    if (provider.name === "stripe") {
      for (const frequency of offered) {
        const links = provider.links[frequency] ?? {};
        const needed = [...(frequencies[frequency]?.amounts ?? []).map((choice) => String(choice.amount)), ...(donation.other ? ["other"] : [])];
        const missing = needed.filter((key) => links[key] === undefined);
        if (missing.length > 0) {
          context.addIssue({
            code: "custom",
            path: ["provider", "links", frequency],
            message: `needs a Stripe Payment Link for every ${frequency} choice: missing ${missing.join(", ")}`,
            params: { fix: `Add \`${missing[0]}: https://buy.stripe.com/…\` under \`links.${frequency}\` (one Payment Link per tier, made in the Stripe Dashboard).`, crossField: true },
          });
        }
      }
    }
  });

/** The validated donation settings. */
export type DonationConfig = z.output<typeof donationSchema>;

/** One ask variant as configured. */
export type DonationVariant = DonationConfig["variants"][number];

/** The frequencies a config offers, in the order readers see them. */
export function offeredFrequencies(donation: DonationConfig): Frequency[] {
  return FREQUENCIES.filter((frequency) => donation.frequencies?.[frequency] !== undefined);
}

/** Editor help for every donation field, keyed like CONFIG_HELP. */
export const DONATION_HELP: Record<string, FieldHelp> = {
  donation: { expected: "the donation ask settings", example: "donation: { heading: …, text: …, button: Donate, url: /donate/ }" },
  "donation.enabled": { expected: "`true` or `false`", example: "enabled: true" },
  "donation.heading": { expected: "a heading as text", example: "heading: Keep local news free" },
  "donation.text": { expected: "a short paragraph", example: "text: We are funded by readers like you." },
  "donation.short": { expected: "one sentence for the short ask inside the story", example: "short: Reporting like this is paid for by readers." },
  "donation.button": { expected: "the button text", example: "button: Donate" },
  "donation.url": { expected: "the donation page address", example: "url: /donate/" },
  "donation.currency": { expected: "a three-letter currency code", example: "currency: GBP" },
  "donation.provider": { expected: "the payment provider", example: "provider: { name: liberapay, account: Lantern }" },
  "donation.provider.name": { expected: "one of stripe, paypal, liberapay, opencollective, givebutter, custom", example: "name: stripe" },
  "donation.frequencies": { expected: "the amounts offered per frequency", example: "frequencies: { default: monthly, monthly: { amounts: [5, 10, 20], default: 10 } }" },
  "donation.frequencies.once.amounts": { expected: "a list of amounts", example: "amounts: [10, 25, 50]" },
  "donation.frequencies.monthly.amounts": { expected: "a list of amounts", example: "amounts: [5, 10, 20]" },
  "donation.frequencies.annual.amounts": { expected: "a list of amounts", example: "amounts: [50, 100, 200]" },
  "donation.other": { expected: "`true` or `false`", example: "other: true" },
  "donation.cap.closeDays": { expected: "a whole number of days from 0 to 365", example: "closeDays: 7" },
  "donation.cap.supporterDays": { expected: "a whole number of days from 0 to 3650", example: "supporterDays: 90" },
  "donation.variants": { expected: "a list of asks with the articles they are for", example: "- { name: river, tags: [River], heading: … }" },
  "donation.variants.name": { expected: "a short name in lowercase letters, digits and hyphens", example: "name: winter-appeal" },
  "donation.variants.live": { expected: "`true` for live pages only, `false` for every other article", example: "live: true" },
  "donation.variants.from": { expected: "a day like 2026-12-01", example: "from: 2026-12-01" },
  "donation.variants.until": { expected: "a day like 2026-12-31", example: "until: 2026-12-31" },
  "donation.exclude.types": { expected: "a list of article types", example: "types: [sponsored]" },
  "donation.exclude.tags": { expected: "a list of tags", example: "tags: [Corrections]" },
};

/** Known donation field names by parent path, for "did you mean" on unknown fields. */
export const DONATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  donation: ["enabled", "heading", "text", "short", "button", "url", "currency", "provider", "frequencies", "other", "cap", "variants", "exclude"],
  "donation.provider": ["name", "links", "business", "hostedButtonId", "account", "collective", "campaign", "template", "other"],
  "donation.frequencies": ["default", ...FREQUENCIES],
  "donation.frequencies.once": ["amounts", "default"],
  "donation.frequencies.monthly": ["amounts", "default"],
  "donation.frequencies.annual": ["amounts", "default"],
  "donation.frequencies.once.amounts": ["amount", "pays"],
  "donation.frequencies.monthly.amounts": ["amount", "pays"],
  "donation.frequencies.annual.amounts": ["amount", "pays"],
  "donation.cap": ["closeDays", "supporterDays"],
  "donation.variants": ["name", "tags", "types", "live", "from", "until", "heading", "text", "short", "button"],
  "donation.exclude": ["types", "tags"],
};
