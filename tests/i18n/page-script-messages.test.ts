import fc from "fast-check";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { shippedCatalogue, shippedLanguages } from "../../src/i18n/catalogues.ts";
import { buildPropertyParameters } from "../support/property-runs.ts";

type Format = (pattern: string, values: Record<string, string | number>, language: string) => string;
// The search page's own formatter: the script loads without a page, so it can be tested here.
// @ts-expect-error A page script, plain JavaScript without type declarations.
const { formatMessage } = (await import("../../templates/_assets/search.js")) as { formatMessage: Format };
const format = formatMessage;

describe("the search page's formatter", () => {
  it.each(shippedLanguages())("says every search message in %s as the build's intl-messageformat does, for any count and query", (language) => {
    const catalogue = shippedCatalogue(language) ?? {};
    const names = Object.keys(catalogue).filter((name) => name.startsWith("search."));
    expect(names).toContain("search.count");
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(25_000), fc.nat(25_000), fc.string({ maxLength: 12 }), (name, count, total, query) => {
        const pattern = catalogue[name] ?? "";
        const values = { count, shown: count, total, query, browse: "<browse>", site: "The Gazette" };
        expect(format(pattern, values, language)).toBe(String(new IntlMessageFormat(pattern, language).format(values)));
      }),
      buildPropertyParameters(300),
    );
  });
});
