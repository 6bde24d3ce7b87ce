import { describe, expect, it } from "vitest";
import { articleKicker, shownTypeLabel } from "../../src/model/kicker.ts";
import type { Article } from "../../src/model/types.ts";

type KickerInput = Parameters<typeof articleKicker>[0];
const tag = (name: string) => ({ name, slug: name.toLowerCase(), url: `/tags/${name.toLowerCase()}/` });
const base: KickerInput = { tags: [tag("Council"), tag("River")] };

describe("articleKicker", () => {
  it("prefers open live coverage, then the series, then the first topic, then the section", () => {
    const live = { open: true } as NonNullable<Article["live"]>;
    const series = { title: "The flood inquiry", url: "/series/flood-inquiry/", part: 2, count: 3 };
    const section = { name: "Politics", slug: "politics", url: "/politics/" };
    expect(articleKicker({ ...base, live, series, section })).toEqual({ text: "Live", live: true });
    expect(articleKicker({ ...base, live: { ...live, open: false }, series, section })).toEqual({ text: "The flood inquiry", url: "/series/flood-inquiry/" });
    expect(articleKicker({ ...base, section })).toEqual({ text: "Council", url: "/tags/council/" });
    expect(articleKicker({ tags: [], section })).toEqual({ text: "Politics", url: "/politics/" });
    expect(articleKicker({ tags: [] })).toBeUndefined();
  });
});

describe("shownTypeLabel", () => {
  const article = (key: string, label: string, title: string) => ({ type: { key, label }, title });

  it("says nothing for the default type, which every ordinary story has", () => {
    expect(shownTypeLabel(article("news", "News", "Council approves flood wall"))).toBeUndefined();
  });

  it("names other types, unless the headline already starts with the same word", () => {
    expect(shownTypeLabel(article("analysis", "Analysis", "Why the wall costs so much"))).toBe("Analysis");
    expect(shownTypeLabel(article("analysis", "Analysis", "Analysis: why the wall costs so much"))).toBeUndefined();
    expect(shownTypeLabel(article("opinion", "Opinion", "opinion — the wall is too low"))).toBeUndefined();
    // A headline that merely begins with the letters is not doubled.
    expect(shownTypeLabel(article("opinion", "Opinion", "Opinionated councillors clash"))).toBe("Opinion");
  });
});
