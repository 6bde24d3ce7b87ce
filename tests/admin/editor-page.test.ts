import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { editorPage } from "../../src/admin/editor-files.ts";

const FORMS = { oneOrMany: [], nameOrObject: {} };

describe("the web editor's page", () => {
  it("tells the editor's script the site's language and its direction, for the article preview", () => {
    const script = (language: string) =>
      load(editorPage("The Lantern", "/assets/site.css", FORMS, language))("script[src='tidings-cms.js']");
    expect([script("ar").attr("data-language"), script("ar").attr("data-direction")]).toEqual(["ar", "rtl"]);
    expect([script("he-IL").attr("data-language"), script("he-IL").attr("data-direction")]).toEqual(["he-IL", "rtl"]);
    expect([script("en-GB").attr("data-language"), script("en-GB").attr("data-direction")]).toEqual(["en-GB", "ltr"]);
  });

  it("stays in English, left to right, whatever the site's language: the editor's own words are English", () => {
    const $ = load(editorPage("The Lantern", "/assets/site.css", FORMS, "ar"));
    expect([$("html").attr("lang"), $("html").attr("dir")]).toEqual(["en", undefined]);
  });
});
