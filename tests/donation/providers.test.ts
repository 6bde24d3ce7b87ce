import { describe, expect, it } from "vitest";
import { amountParameter, providerUrl } from "../../src/donation/providers.ts";

describe("providerUrl", () => {
  const monthly10 = { frequency: "monthly", amount: 10, currency: "GBP" } as const;

  it("gives each Stripe tier its own Payment Link, and the `other` link for another amount", () => {
    const stripe = { name: "stripe", links: { monthly: { "10": "https://buy.stripe.com/test_m10", other: "https://buy.stripe.com/test_mother" } } } as const;
    expect(providerUrl(stripe, monthly10)).toBe("https://buy.stripe.com/test_m10");
    expect(providerUrl(stripe, { frequency: "monthly", currency: "GBP" })).toBe("https://buy.stripe.com/test_mother");
  });

  it("writes PayPal's donate link with the business or the hosted button, the amount and the currency", () => {
    expect(providerUrl({ name: "paypal", business: "give@lantern.example" }, { frequency: "once", amount: 25, currency: "GBP" })).toBe(
      "https://www.paypal.com/donate/?business=give%40lantern.example&amount=25&currency_code=GBP",
    );
    expect(providerUrl({ name: "paypal", hostedButtonId: "ABC123" }, { frequency: "once", amount: 7.5, currency: "EUR" })).toBe(
      "https://www.paypal.com/donate/?hosted_button_id=ABC123&amount=7.50&currency_code=EUR",
    );
    expect(providerUrl({ name: "paypal", business: "give@lantern.example" }, { frequency: "once", currency: "GBP" })).toBe(
      "https://www.paypal.com/donate/?business=give%40lantern.example&currency_code=GBP",
    );
  });

  it("writes Liberapay's donate page with currency, period and amount", () => {
    expect(providerUrl({ name: "liberapay", account: "Lantern" }, monthly10)).toBe("https://liberapay.com/Lantern/donate?currency=GBP&period=monthly&amount=10");
    expect(providerUrl({ name: "liberapay", account: "Lantern" }, { frequency: "annual", amount: 100, currency: "EUR" })).toBe(
      "https://liberapay.com/Lantern/donate?currency=EUR&period=yearly&amount=100",
    );
  });

  it("writes Open Collective's contribution flow with the amount and the interval (none for a one-off gift)", () => {
    const oc = { name: "opencollective", collective: "millbrook-lantern" } as const;
    expect(providerUrl(oc, monthly10)).toBe("https://opencollective.com/millbrook-lantern/donate?amount=10&interval=month");
    expect(providerUrl(oc, { frequency: "annual", amount: 120, currency: "GBP" })).toBe("https://opencollective.com/millbrook-lantern/donate?amount=120&interval=year");
    expect(providerUrl(oc, { frequency: "once", amount: 30, currency: "GBP" })).toBe("https://opencollective.com/millbrook-lantern/donate?amount=30");
  });

  it("prefills Givebutter's campaign with amount and frequency, keeping the campaign's own query", () => {
    expect(providerUrl({ name: "givebutter", campaign: "https://givebutter.com/lantern" }, monthly10)).toBe("https://givebutter.com/lantern?amount=10&frequency=monthly");
    expect(providerUrl({ name: "givebutter", campaign: "https://givebutter.com/lantern?src=site" }, { frequency: "annual", amount: 50, currency: "USD" })).toBe(
      "https://givebutter.com/lantern?src=site&amount=50&frequency=yearly",
    );
    expect(providerUrl({ name: "givebutter", campaign: "https://givebutter.com/lantern" }, { frequency: "once", currency: "USD" })).toBe("https://givebutter.com/lantern");
  });

  it("fills a custom template's placeholders, escaped, and uses its `other` address for another amount", () => {
    const custom = { name: "custom", template: "https://give.example.org/{frequency}?amount={amount}&pence={amountMinor}&c={currency}", other: "https://give.example.org/" } as const;
    expect(providerUrl(custom, { frequency: "monthly", amount: 7.5, currency: "GBP" })).toBe("https://give.example.org/monthly?amount=7.50&pence=750&c=GBP");
    expect(providerUrl(custom, { frequency: "monthly", currency: "GBP" })).toBe("https://give.example.org/");
  });
});

describe("amountParameter", () => {
  it("writes whole amounts without decimals and others with two", () => {
    expect([amountParameter(10), amountParameter(7.5), amountParameter(0.99)]).toEqual(["10", "7.50", "0.99"]);
  });
});
