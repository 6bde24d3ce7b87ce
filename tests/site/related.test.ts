import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { newestFirst } from "../../src/site/pagination.ts";
import { findRelated, relatednessKeys } from "../../src/site/related.ts";
import type { Article } from "../../src/model/types.ts";
import { articleEntry, siteInput } from "../support/site-input.ts";

const titles = (articles: readonly { title: string }[] | undefined) => (articles ?? []).map((a) => a.title);

describe("findRelated", () => {
  it("ranks by shared tags and sources (a shared source counts double), then newest first", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("a.md", {
            title: "Subject",
            date: "2026-05-10",
            tags: ["Council", "River"],
            sources: [{ name: "Flood study", url: "https://x.example/study" }],
          }),
          articleEntry("b.md", { title: "One tag, newer", date: "2026-05-12", tags: ["River"] }),
          articleEntry("c.md", { title: "One tag, older", date: "2026-05-01", tags: ["council"] }),
          articleEntry("d.md", {
            title: "Same source",
            date: "2026-04-01",
            sources: [{ name: "The study", url: "https://x.example/study#p4" }],
          }),
          articleEntry("e.md", { title: "Both tags", date: "2026-03-01", tags: ["River", "Council"] }),
          articleEntry("f.md", { title: "Unrelated", date: "2026-05-11", tags: ["Sport"] }),
        ],
      }),
    );
    const subject = site.articles.find((a) => a.title === "Subject");
    // "Same source" (one source, 2) ties with "Both tags" (two tags, 1 + 1) and is newer.
    expect(titles(subject?.related)).toEqual(["Same source", "Both tags", "One tag, newer"]);
    expect(subject?.related[1]).toEqual({
      url: "/2026/03/01/e/",
      title: "Both tags",
      date: expect.objectContaining({ machine: "2026-03-01" }),
      type: { key: "news", label: "News" },
    });
  });

  it("matches sources without an address by name, and never relates an article to itself", () => {
    const { site } = buildSite(
      siteInput({
        articles: [
          articleEntry("a.md", { title: "A", date: "2026-05-10", sources: [{ name: "Interview with the Mayor" }] }),
          articleEntry("b.md", { title: "B", date: "2026-05-09", sources: [{ name: "interview with the mayor" }] }),
        ],
      }),
    );
    expect(site.articles.map((a) => [a.title, titles(a.related)])).toEqual([
      ["A", ["B"]],
      ["B", ["A"]],
    ]);
  });

  it("suggests only articles feeds may carry: never a draft, a scheduled or an expired one, even in the preview", () => {
    const articles = [
      articleEntry("live.md", { title: "Live", date: "2026-11-01", tags: ["River"] }),
      articleEntry("draft.md", { title: "Draft", date: "2026-11-02", tags: ["River"], draft: true }),
      articleEntry("future.md", { title: "Future", date: "2027-01-05", tags: ["River"] }),
      articleEntry("old.md", {
        title: "Expired",
        date: "2026-10-01",
        tags: ["River"],
        expires: { epochMs: Date.UTC(2026, 10, 1), iso: "2026-11-01T00:00:00+00:00", hasTime: false },
      }),
    ];
    for (const mode of ["production", "preview"] as const) {
      const { site } = buildSite(siteInput({ articles, mode }));
      for (const article of site.articles) expect(titles(article.related).filter((t) => t !== "Live")).toEqual([]);
      // The expired article keeps its page, and its page still suggests what is live.
      expect(titles(site.articles.find((a) => a.title === "Expired")?.related)).toEqual(["Live"]);
    }
  });

  it("looks only at a bounded window of neighbours in time, however many articles share a tag", () => {
    const { site } = buildSite(
      siteInput({
        articles: Array.from({ length: 400 }, (_, i) =>
          articleEntry(`a${i}.md`, {
            title: `Story ${String(i).padStart(3, "0")}`,
            date: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
            tags: ["Council"],
          }),
        ),
      }),
    );
    const articles = site.syndicated;
    let comparisons = 0;
    const counting = (a: Article, b: Article) => {
      comparisons++;
      return newestFirst(a, b);
    };
    const related = findRelated(articles, articles, counting, { count: 3, window: 5, maxKeys: 24 });
    // Binary search plus sorting at most 11 scored candidates per article: far below 400 × 399 pairs.
    expect(comparisons).toBeLessThan(articles.length * 60);
    // The window is centred on the article's own date: an old story gets stories from its time, newest first.
    const old = articles.find((a) => a.title === "Story 010");
    expect(titles(related.get(old as Article))).toEqual(["Story 015", "Story 014", "Story 013"]);
  });

  it("indexes each tag and source once, up to maxKeys", () => {
    const { site } = buildSite(
      siteInput({
        articles: [articleEntry("a.md", { date: "2026-01-01", tags: ["A", "a", "B"], sources: [{ name: "S" }, { name: "s" }] })],
      }),
    );
    const article = site.articles[0] as Article;
    expect(relatednessKeys(article, 24).map((k) => k.key)).toEqual(["tag:a", "tag:b", "source:s"]);
    expect(relatednessKeys(article, 2)).toHaveLength(2);
  });
});
