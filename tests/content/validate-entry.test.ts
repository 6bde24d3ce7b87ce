import { describe, expect, it } from "vitest";
import type { RawEntry } from "../../src/content/load-files.ts";
import { validateEntries } from "../../src/content/validate-entry.ts";

const options = { timeZone: "Europe/London", types: ["news", "analysis", "opinion"] };

function article(frontMatter: string, body = "Body.\n", file = "content/articles/2026/story.md"): RawEntry {
  return { kind: "article", file, absolutePath: `/site/${file}`, source: `---\n${frontMatter}\n---\n${body}` };
}

function problems(entries: RawEntry[]) {
  return validateEntries(entries, options).diagnostics;
}

describe("validateEntries", () => {
  it("accepts an article as an editor writes it and normalises its fields", () => {
    const result = validateEntries(
      [article("title: Council approves flood wall\ndate: 2026-03-01 09:30\nbyline: Priya Raman\ntags: River\nsources:\n  - Council minutes\n  - name: Flood study\n    url: https://example.org/study")],
      options,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.articles[0]?.frontMatter).toMatchObject({
      title: "Council approves flood wall",
      byline: ["Priya Raman"],
      tags: ["River"],
      sources: [{ name: "Council minutes" }, { name: "Flood study", url: "https://example.org/study" }],
    });
  });

  it("refuses more than 50 tags with the line of `tags`, the count and the fix (reviewer item 11)", () => {
    const many = Array.from({ length: 5_000 }, (_, index) => `Tag ${index}`);
    const diagnostics = problems([article(`title: T\ndate: 2026-03-01\nbyline: A\ntags: [${many.join(", ")}]`)]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "front-matter/tags",
        file: "content/articles/2026/story.md",
        line: 5,
        field: "tags",
        message: "`tags` has 5,000 tags; an article may have at most 50",
        fix: "Keep the tags readers would follow to more stories like this one (most articles have 3 to 8), at most 50.",
      },
    ]);
    const fifty = Array.from({ length: 50 }, (_, index) => `- Tag ${index}`).join("\n");
    expect(problems([article(`title: T\ndate: 2026-03-01\nbyline: A\ntags:\n${fifty}`)])).toEqual([]);
  });

  it("reports every missing field at once, on the opening line", () => {
    const diagnostics = problems([article("summary: Only a summary")]);
    expect(diagnostics.map((d) => d.field)).toEqual(["title", "date", "byline"]);
    expect(diagnostics.every((d) => d.line === 1 && d.message.endsWith("is required but missing"))).toBe(true);
    expect(diagnostics[0]?.fix).toBe("Add a line `title: Council approves riverside flood wall`.");
  });

  it("suggests the field an unknown one was probably meant to be", () => {
    const [diagnostic] = problems([article("tittle: Hello\ntitle: Hello\ndate: 2026-03-01\nbyline: A")]);
    expect(diagnostic).toMatchObject({ code: "front-matter/unknown-field", line: 2, field: "tittle", fix: "Rename `tittle` to `title`." });
    expect(diagnostic?.message).toContain("did you mean `title`?");
  });

  it("names the file, line, field, expectation and what was found for each problem", () => {
    const diagnostics = problems([
      article(
        [
          "title: Hello",
          "date: 2023-02-30",
          "byline: A",
          "type: opinon",
          "sources:",
          "  - name: Report",
          "    url: javascript:alert(1)",
          "image:",
          "  src: a.jpg",
          "draft: maybe",
        ].join("\n"),
      ),
    ]);
    const byField = Object.fromEntries(diagnostics.map((d) => [d.field, d]));
    expect(byField["date"]).toMatchObject({ line: 3, file: "content/articles/2026/story.md" });
    expect(byField["date"]?.message).toBe('`date` is not a real day: February 2023 has 28 days, got "2023-02-30"');
    expect(byField["type"]?.message).toContain("did you mean `opinion`?");
    expect(byField["sources[1].url"]).toMatchObject({ line: 8 });
    expect(byField["sources[1].url"]?.message).toContain('got "javascript:alert(1)"');
    expect(byField["image.alt"]).toMatchObject({ line: 9 });
    expect(byField["draft"]?.message).toBe('`draft` must be `true` or `false`, got "maybe"');
    expect(diagnostics).toHaveLength(5);
  });

  it("checks date order even when other fields are wrong", () => {
    const diagnostics = problems([article("title: [1, 2]\ndate: 2026-03-02\nbyline: A\nupdated: 2026-03-01\ncorrections:\n  - date: 2026-01-01\n    text: Fixed.")]);
    expect(diagnostics.map((d) => d.field).sort()).toEqual(["corrections[1].date", "title", "updated"]);
    expect(diagnostics.find((d) => d.field === "updated")?.message).toBe(
      "`updated` is earlier than `date`: an article cannot be updated before it is published",
    );
    expect(diagnostics.find((d) => d.field === "corrections[1].date")?.message).not.toContain("got");
  });

  it("explains a source written with a wrong field name", () => {
    const diagnostics = problems([article("title: A\ndate: 2026-03-01\nbyline: A\nsources:\n  - nmae: Report")]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "`sources[1].name` is required but missing",
      "`sources[1].nmae` is not a field articles have (did you mean `name`?)",
    ]);
  });

  it("reports the problems of every file, not only the first", () => {
    const diagnostics = problems([
      article("date: 2026-03-01\nbyline: A", "", "content/articles/a.md"),
      { kind: "author", file: "content/authors/b.md", absolutePath: "/b.md", source: "---\nrole: Editor\n---\n" },
      { kind: "page", file: "content/pages/c.md", absolutePath: "/c.md", source: "no front matter" },
    ]);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(["content/articles/a.md", "content/authors/b.md", "content/pages/c.md"]));
  });

  it("reads a number as a headline rather than refusing it", () => {
    const result = validateEntries([article("title: 1984\ndate: 2026-03-01\nbyline: A")], options);
    expect(result.articles[0]?.frontMatter.title).toBe("1984");
  });

  it("refuses a slug that could escape its folder", () => {
    const [diagnostic] = problems([article("title: A\ndate: 2026-03-01\nbyline: A\nslug: ../../etc")]);
    expect(diagnostic).toMatchObject({ field: "slug", line: 5 });
  });
});
