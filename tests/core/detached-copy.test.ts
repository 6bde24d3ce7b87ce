import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detachedCopy } from "../../src/core/detached-copy.ts";

describe("detachedCopy", () => {
  it("copies any text exactly, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(detachedCopy(text)).toBe(text);
      }),
    );
    expect(detachedCopy("“Quoted” \ud800 café 🌊")).toBe("“Quoted” \ud800 café 🌊");
  });
});
