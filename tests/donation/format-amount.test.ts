import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/donation/format-amount.ts";

describe("formatAmount", () => {
  it("formats in the site's language and currency, dropping pence from whole amounts", () => {
    expect(formatAmount(10, "GBP", "en-GB")).toBe("£10");
    expect(formatAmount(7.5, "GBP", "en-GB")).toBe("£7.50");
    expect(formatAmount(1250, "USD", "en-US")).toBe("$1,250");
    expect(formatAmount(10, "EUR", "fr-FR")).toBe("10\u00a0€");
    expect(formatAmount(2500, "EUR", "de-DE")).toBe("2.500\u00a0€");
  });

});
