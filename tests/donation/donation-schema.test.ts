import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.ts";

const BASE = "name: Gazette\nurl: https://gazette.example.org\ndonation:\n  heading: Give\n  text: Please.\n  button: Give\n  url: /donate/\n";

function problems(extra: string): [number | undefined, string | undefined, string][] {
  const result = parseConfig(BASE + extra);
  if (result.ok) return [];
  return result.diagnostics.map((d) => [d.line, d.field, d.message]);
}

describe("the donation settings in tidings.config.yml", () => {
  it("accepts the plain ask and a full set of choice cards", () => {
    expect(problems("")).toEqual([]);
    const result = parseConfig(BASE + "  currency: EUR\n  provider: { name: opencollective, collective: gazette }\n  frequencies:\n    default: annual\n    monthly: { amounts: [5, 10], default: 10 }\n    annual: { amounts: [50, { amount: 100, pays: A week of court reporting }] }\n");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.donation.frequencies?.annual?.amounts).toEqual([{ amount: 50 }, { amount: 100, pays: "A week of court reporting" }]);
  });

  it("names what choice cards still need, on the line of the field that asked for them", () => {
    expect(problems("  currency: GBP\n")).toEqual([]);
    expect(problems("  provider: { name: liberapay, account: Gazette }\n")).toEqual([
      [3, "donation.frequencies", "`donation.frequencies` is required for choice cards, since `provider` is set"],
      [3, "donation.currency", "`donation.currency` is required for choice cards, since `provider` is set"],
    ]);
  });

  it("refuses a frequency the provider's links cannot preset, a default that is not an amount and a bad currency", () => {
    const found = problems("  currency: gbp\n  provider: { name: liberapay, account: Gazette }\n  frequencies:\n    once: { amounts: [10] }\n    monthly: { amounts: [5, 10], default: 7 }\n");
    expect(found).toContainEqual([8, "donation.currency", expect.stringContaining("three-letter currency code")]);
    expect(found).toContainEqual([12, "donation.frequencies.monthly.default", "`donation.frequencies.monthly.default` must be one of the amounts (5, 10), got 7"]);
    const liberapay = problems("  currency: GBP\n  provider: { name: liberapay, account: Gazette }\n  frequencies:\n    once: { amounts: [10] }\n");
    expect(liberapay).toEqual([[11, "donation.frequencies.once", "`donation.frequencies.once` cannot be offered with `provider: liberapay`, whose links take only monthly and annual gifts"]]);
  });

  it("asks for a Stripe Payment Link for every tier, and for `{amount}` in a custom template", () => {
    expect(problems("  currency: GBP\n  provider:\n    name: stripe\n    links:\n      monthly: { 5: https://buy.stripe.com/a }\n  frequencies:\n    monthly: { amounts: [5, 10] }\n")).toEqual([
      [12, "donation.provider.links.monthly", "`donation.provider.links.monthly` needs a Stripe Payment Link for every monthly choice: missing 10, other"],
    ]);
    expect(problems("  currency: GBP\n  other: false\n  provider: { name: custom, template: https://give.example.org/ }\n  frequencies:\n    once: { amounts: [5] }\n")[0]?.[2]).toContain("must contain `{amount}` or `{amountMinor}`");
  });

  it("suggests the field an editor meant", () => {
    expect(problems("  currancy: GBP\n")[0]).toEqual([8, "donation.currancy", "`donation.currancy` is not a field the site configuration can have (did you mean `currency`?)"]);
  });

  it("checks the newsletter block per provider", () => {
    expect(problems("newsletter: { heading: News, text: Daily., provider: buttondown }\n")).toEqual([[8, "newsletter.username", "`newsletter.username` is required with `provider: buttondown`"]]);
    expect(problems("newsletter: { heading: News, text: Daily., provider: mailchimp, action: https://example.org/x }\n")[0]?.[2]).toContain("Mailchimp's embedded form");
    const ok = parseConfig(BASE + "newsletter: { heading: News, text: Daily., provider: mailchimp, action: \"https://gazette.us1.list-manage.com/subscribe/post?u=1&id=2\" }\n");
    expect(ok.ok && ok.config.newsletter).toMatchObject({ action: "https://gazette.us1.list-manage.com/subscribe/post?u=1&id=2", field: "EMAIL" });
  });
});
