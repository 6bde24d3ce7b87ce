/** How often a gift repeats, in the order choice cards show them. */
export const FREQUENCIES = ["once", "monthly", "annual"] as const;

/** One of `FREQUENCIES`. */
export type Frequency = (typeof FREQUENCIES)[number];

/** The payment providers with built-in URL templates (docs/features/donation.md, "Providers"). */
export const PROVIDER_NAMES = ["stripe", "paypal", "liberapay", "opencollective", "givebutter", "custom"] as const;

/** One of `PROVIDER_NAMES`. */
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/**
 * The frequencies each provider's links can preset. PayPal's donate link cannot preset a
 * recurring gift (the donor ticks "monthly" on PayPal's page); Liberapay takes only recurring
 * gifts.
 */
export const PROVIDER_FREQUENCIES: Readonly<Record<ProviderName, readonly Frequency[]>> = {
  stripe: FREQUENCIES,
  paypal: ["once"],
  liberapay: ["monthly", "annual"],
  opencollective: FREQUENCIES,
  givebutter: FREQUENCIES,
  custom: FREQUENCIES,
};

/** A provider's settings, as the config validates them. */
export type ProviderSettings =
  | { name: "stripe"; links: Partial<Record<Frequency, Record<string, string>>> }
  | { name: "paypal"; business?: string | undefined; hostedButtonId?: string | undefined }
  | { name: "liberapay"; account: string }
  | { name: "opencollective"; collective: string }
  | { name: "givebutter"; campaign: string }
  | { name: "custom"; template: string; other?: string | undefined };

/** What the reader chose: a frequency and an amount in major units (10 is £10), or no amount for "other". */
export interface DonationChoice {
  frequency: Frequency;
  amount?: number;
  currency: string;
}

/** An amount as payment pages read it: `10`, or `7.50` when it has pence. */
export function amountParameter(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/**
 * The provider's address for a choice, with the choice filled in where the provider reads it
 * from the address. Every address is built here and nowhere else, so each is tested exactly.
 */
export function providerUrl(provider: ProviderSettings, choice: DonationChoice): string {
  const amount = choice.amount === undefined ? undefined : amountParameter(choice.amount);
  switch (provider.name) {
    case "stripe": {
      // A Payment Link is one fixed price (or "customer chooses"), so each tier has its own link.
      const link = provider.links[choice.frequency]?.[amount ?? "other"];
      if (link === undefined) throw new Error(`no Stripe Payment Link for ${choice.frequency} ${amount ?? "other"}`);
      return link;
    }
    case "paypal":
      // PayPal's donate link (developer.paypal.com, "URL code for Donate email payment links").
      return withQuery("https://www.paypal.com/donate/", [
        provider.hostedButtonId === undefined ? ["business", provider.business ?? ""] : ["hosted_button_id", provider.hostedButtonId],
        ["amount", amount],
        ["currency_code", choice.currency],
      ]);
    case "liberapay":
      return withQuery(`https://liberapay.com/${encodeURIComponent(provider.account)}/donate`, [
        ["currency", choice.currency],
        ["period", choice.frequency === "annual" ? "yearly" : "monthly"],
        ["amount", amount],
      ]);
    case "opencollective":
      return withQuery(`https://opencollective.com/${encodeURIComponent(provider.collective)}/donate`, [
        ["amount", amount],
        ["interval", choice.frequency === "monthly" ? "month" : choice.frequency === "annual" ? "year" : undefined],
      ]);
    case "givebutter":
      // Givebutter's URL prefill: `amount` in major units, `frequency` monthly or yearly (docs.givebutter.com).
      return withQuery(provider.campaign, [
        ["amount", amount],
        ["frequency", choice.frequency === "monthly" ? "monthly" : choice.frequency === "annual" ? "yearly" : undefined],
      ]);
    case "custom":
      if (choice.amount === undefined && provider.other !== undefined) return provider.other;
      return provider.template
        .replaceAll("{amount}", encodeURIComponent(amount ?? ""))
        .replaceAll("{amountMinor}", choice.amount === undefined ? "" : String(Math.round(choice.amount * 100)))
        .replaceAll("{currency}", encodeURIComponent(choice.currency))
        .replaceAll("{frequency}", choice.frequency);
  }
}

// Add parameters to an address, leaving out those without a value; an address's own query is kept.
function withQuery(base: string, parameters: readonly (readonly [string, string | undefined])[]): string {
  const url = new URL(base);
  for (const [name, value] of parameters) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}
