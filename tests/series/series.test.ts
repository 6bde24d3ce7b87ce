import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { buildSeries, parseSeries, type ParsedSeries, type SeriesMember } from "../../src/series/series.ts";
import type { Article } from "../../src/model/types.ts";
import { articleEntry, siteInput } from "../support/site-input.ts";

const FILE = "content/series/flood-inquiry.yml";
const inquiry: ParsedSeries = { file: FILE, slug: "flood-inquiry", title: "The flood inquiry", description: "Our reporting on the inquiry." };
const budget: ParsedSeries = { file: "content/series/budget.yml", slug: "budget", title: "The budget" };

function article(title: string, date: string): Article {
  return { kind: "article", title, url: `/${date}/${title.toLowerCase()}/`, date: { epochMs: Date.parse(date), iso: date, machine: date, day: date, time: "" }, type: { key: "news", label: "News" } } as Article;
}
const member = (file: string, series: string, date: string, extra: Partial<SeriesMember> = {}): SeriesMember => ({
  file,
  series,
  date: Date.parse(date),
  seriesLine: 4,
  article: article(file.replace(/\W/g, ""), date),
  ...extra,
});

describe("parseSeries", () => {
  it("reads a title and a description", () => {
    expect(parseSeries("title: The flood inquiry\ndescription: Our reporting.\n", FILE, "flood-inquiry")).toEqual({
      series: { file: FILE, slug: "flood-inquiry", title: "The flood inquiry", description: "Our reporting." },
      diagnostics: [],
    });
  });

  it("reports every problem with its line: a missing title, an unknown field, a file name that is no address", () => {
    const { series, diagnostics } = parseSeries("description: Our reporting.\ntitel: Typo\n", FILE, "flood-inquiry");
    expect(series).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual(
      expect.arrayContaining([
        ["series/title", 1],
        ["series/unknown-field", 2],
      ]),
    );
    expect(parseSeries("title: X\n", "content/series/Flood Inquiry.yml", "Flood Inquiry").diagnostics.map((d) => [d.code, d.line])).toEqual([["site/series-file", 1]]);
  });
});

describe("buildSeries", () => {
  it("orders the parts by date, oldest first, and gives each Part N of M with its neighbours", () => {
    const members = [member("b.md", "flood-inquiry", "2026-03-01"), member("a.md", "Flood inquiry", "2026-01-01"), member("c.md", "flood-inquiry", "2026-05-01")];
    const { series, diagnostics } = buildSeries([inquiry, budget], members);
    expect(diagnostics).toEqual([]);
    expect(series.map((s) => [s.slug, s.url, s.parts.map((p) => p.title)])).toEqual([["flood-inquiry", "/series/flood-inquiry/", ["amd", "bmd", "cmd"]]]);
    const [first, second, third] = series[0]?.parts ?? [];
    expect(first?.series).toEqual({ title: "The flood inquiry", url: "/series/flood-inquiry/", part: 1, count: 3, next: expect.objectContaining({ title: "bmd" }) });
    expect([second?.series?.part, second?.series?.previous?.title, second?.series?.next?.title]).toEqual([2, "amd", "cmd"]);
    expect([third?.series?.part, third?.series?.previous?.title, third?.series?.next]).toEqual([3, "bmd", undefined]);
  });

  it("orders by `part` when every part has one, and counts only the parts with a page", () => {
    const members = [
      member("a.md", "flood-inquiry", "2026-01-01", { part: 2 }),
      member("b.md", "flood-inquiry", "2026-03-01", { part: 1 }),
      member("c.md", "flood-inquiry", "2026-05-01", { part: 3, article: undefined }),
    ];
    const { series, diagnostics } = buildSeries([inquiry], members);
    expect(diagnostics).toEqual([]);
    expect(series[0]?.parts.map((p) => [p.title, p.series?.part, p.series?.count])).toEqual([
      ["bmd", 1, 2],
      ["amd", 2, 2],
    ]);
  });

  it("reports an unknown series naming the known ones, a part without a number among numbered ones, and a number used twice", () => {
    const { diagnostics } = buildSeries(
      [inquiry, budget],
      [
        member("x.md", "flood-inquirey", "2026-01-01"),
        member("a.md", "flood-inquiry", "2026-01-01", { part: 1, partLine: 5 }),
        member("b.md", "flood-inquiry", "2026-02-01", { part: 1, partLine: 5 }),
        member("c.md", "flood-inquiry", "2026-03-01"),
      ],
    );
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ["site/series-unknown", "x.md", 4],
      ["site/series-part", "c.md", 4],
      ["site/series-part", "b.md", 5],
    ]);
    expect(diagnostics[0]?.message).toContain("did you mean flood-inquiry?");
    expect(diagnostics[0]?.fix).toContain("budget, flood-inquiry");
  });

  it("publishes no page for a series without a published part", () => {
    expect(buildSeries([inquiry], [member("a.md", "flood-inquiry", "2026-01-01", { article: undefined })]).series).toEqual([]);
  });
});

describe("buildSite with series", () => {
  it("puts a scheduled part into the count only once it is live, and checks its series before", () => {
    const entries = [
      articleEntry("content/articles/a.md", { title: "One", date: "2026-11-01 09:00", series: "flood-inquiry" }),
      articleEntry("content/articles/b.md", { title: "Two", date: "2026-11-30 09:00", series: "flood-inquiry" }),
      articleEntry("content/articles/c.md", { title: "Three", date: "2026-12-05 09:00", series: "flood-inquirey" }),
    ];
    const { site, diagnostics } = buildSite(siteInput({ articles: entries, series: [inquiry], now: Date.UTC(2026, 11, 1, 12) }));
    expect(site.series.map((s) => s.parts.map((p) => [p.title, p.series?.part, p.series?.count]))).toEqual([
      [
        ["One", 1, 2],
        ["Two", 2, 2],
      ],
    ]);
    expect(diagnostics.filter((d) => d.code.startsWith("site/series")).map((d) => [d.code, d.file])).toEqual([["site/series-unknown", "content/articles/c.md"]]);
  });
});
