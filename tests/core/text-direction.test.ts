import { describe, expect, it } from "vitest";
import { textDirection } from "../../src/core/text-direction.ts";

describe("textDirection", () => {
  it.each(["ar", "ar-EG", "he-IL", "fa", "ur-PK", "ps", "sd", "ug", "yi", "ckb", "iw", "AR-eg"])("reads %s right to left", (tag) => {
    expect(textDirection(tag)).toBe("rtl");
  });

  it.each(["en", "en-GB", "fr-FR", "de", "zh-Hant-TW", "ja", "hi", "sr-Latn", "sr-Cyrl", "tr", "am"])("reads %s left to right", (tag) => {
    expect(textDirection(tag)).toBe("ltr");
  });

  it("goes by the script a tag names over its language's usual one", () => {
    expect(textDirection("az-Arab")).toBe("rtl");
    expect(textDirection("ms-Arab")).toBe("rtl");
    expect(textDirection("pa-Arab")).toBe("rtl");
    expect(textDirection("ar-Latn")).toBe("ltr");
    expect(textDirection("sd-Deva")).toBe("ltr");
  });

  it("knows the other right-to-left scripts, named or likely", () => {
    expect(textDirection("dv")).toBe("rtl"); // Thaana
    expect(textDirection("dv-MV")).toBe("rtl");
    expect(textDirection("syr")).toBe("rtl"); // Syriac
    expect(textDirection("nqo")).toBe("rtl"); // N'Ko
    expect(textDirection("ff-Adlm")).toBe("rtl");
    expect(textDirection("rhg-Rohg")).toBe("rtl");
  });

  it.each(["", "not a tag", "en_GB", "-", "12345", "x"])("falls back to left to right for %j", (tag) => {
    expect(textDirection(tag)).toBe("ltr");
  });

  it("falls back to left to right for a language it knows nothing of", () => {
    expect(textDirection("qaa")).toBe("ltr");
  });
});
