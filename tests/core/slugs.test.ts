import slugify from "@sindresorhus/slugify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchKey, slugFromFileName, toSlug } from "../../src/core/slugs.ts";
import { isSafeSitePath } from "../../src/model/urls.ts";

describe("toSlug", () => {
  it("keeps tags that differ only by a symbol apart", () => {
    expect(new Set([toSlug("C++"), toSlug("C#"), toSlug("C")]).size).toBe(3);
  });

  it("transliterates accents and other scripts with a Latin reading", () => {
    expect(toSlug("Économie")).toBe("economie");
    expect(toSlug("Москва")).toBe("moskva");
  });

  it("gives scripts with no transliteration a stable slug of their own", () => {
    expect(toSlug("日本")).toMatch(/^t-[0-9a-f]{10}$/);
    expect(toSlug("日本")).toBe(toSlug("日本"));
    expect(toSlug("日本")).not.toBe(toSlug("中国"));
  });

  it("leaves a slug as it is, so a file named after its slug keeps that address", () => {
    // The trailing space keeps the text off the already-a-slug shortcut.
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), (slug) => {
        expect(toSlug(`${slug} `)).toBe(slug);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const slug = toSlug(text);
        expect(toSlug(`${slug} `)).toBe(slug);
      }),
    );
    expect(toSlug("Flood-Wall")).toBe("flood-wall");
  });

  it("gives plain words, camel case and capitals with digits what slugify gives them", () => {
    // The alphabet of most tags and names: the shortcut for plain words must never disagree.
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom(" ", "-", "  ", " - ", "--")), { minLength: 1, maxLength: 4 }), fc.constantFrom("", " ", "-"), (parts, edge) => {
        const text = edge + parts.map(([text, separator]) => text + separator).join("") + edge;
        expect(toSlug(text)).toBe(slugify(text));
      }),
      { numRuns: 3000 },
    );
    expect(["Flooding", "BBC News", "Covid19", "A1 road", "iPhone", "XMLHttpRequest", "ABC1", "ABCdef"].map(toSlug)).toEqual([
      "flooding",
      "bbc-news",
      "covid19",
      "a1-road",
      "i-phone",
      "xml-http-request",
      "abc-1",
      "ab-cdef",
    ]);
  });

  it("always gives a slug that is a safe path segment", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const slug = toSlug(text);
        return slug === "" || isSafeSitePath(`/${slug}/`);
      }),
    );
  });
});

describe("slugFromFileName", () => {
  it("uses the file name without .md and without a leading date", () => {
    expect(slugFromFileName("content/articles/2026/2026-03-01-Flood Wall.md")).toBe("flood-wall");
  });
});

describe("matchKey", () => {
  it("matches tags case-insensitively and ignores spacing", () => {
    expect(matchKey("Housing")).toBe(matchKey("  housing "));
    expect(matchKey("Local  News")).toBe(matchKey("local news"));
  });
});
