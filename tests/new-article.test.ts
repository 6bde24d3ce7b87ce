import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { validateEntries } from "../src/content/validate-entry.ts";
import { ARTICLE_FIELDS } from "../src/content/schemas.ts";
import { SLUG_PATTERN } from "../src/core/slugs.ts";
import { articleSlug, articleTemplate, createArticle, type NewArticleOptions } from "../src/new-article.ts";
import { BYLINE_PLACEHOLDER } from "../src/checks/check-bylines.ts";
import { slugFromFileName } from "../src/core/slugs.ts";
import { UserError } from "../src/user-error.ts";
import { copyFixture, writeFiles } from "./support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
// 24 November 2026, 18:40 in London (GMT, no daylight saving in November).
const CLOCK = Date.UTC(2026, 10, 24, 18, 40, 30);

function create(root: string, options: Partial<NewArticleOptions> = {}) {
  const result = createArticle({ root, headline: "Council approves flood wall", bylines: ["Priya Raman"], now: CLOCK, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.article;
}

/** Validate a created file the way the build does. */
function validate(root: string, file: string) {
  const config = loadConfig(root);
  if (!config.ok) throw new Error("fixture config is broken");
  return validateEntries(
    [{ kind: "article", file, absolutePath: path.join(root, file), source: readFileSync(path.join(root, file), "utf8") }],
    {
      timeZone: config.config.timeZone,
      types: Object.keys(config.config.types),
    },
  );
}

describe("articleSlug", () => {
  it("uses the site's slug rules, so the file name gives the article its address", () => {
    expect(articleSlug("Council approves £14m flood wall")).toBe("council-approves-14m-flood-wall");
    expect(articleSlug("Why C++ and C# matter")).toBe("why-c-plus-plus-and-c-sharp-matter");
    expect(articleSlug("Économie : l’été")).toBe("economie-lete");
    expect(articleSlug("東京の洪水")).toMatch(/^t-[0-9a-f]{10}$/);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (headline) => {
        const slug = articleSlug(headline);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slugFromFileName(`content/articles/2026/${slug}.md`)).toBe(slug);
      }),
    );
  });

  it("cuts a long headline at a word boundary", () => {
    const slug = articleSlug("Councillors vote to close three libraries, two swimming pools and the museum after a nine-hour meeting");
    expect(slug).toBe("councillors-vote-to-close-three-libraries-two-swimming-pools");
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe("createArticle", () => {
  it("creates content/articles/<year>/<slug>.md dated now in the site's time zone, which validates as written", () => {
    const root = copyFixture("newsroom");
    const article = create(root, { tags: ["Council, River"], type: "Analysis" });
    expect(article).toEqual({
      file: "content/articles/2026/council-approves-flood-wall.md",
      url: "/2026/11/24/council-approves-flood-wall/",
      date: "2026-11-24 18:40",
      toFill: [],
      bylines: ["Priya Raman"],
      bylineSource: "option",
    });
    const { articles, diagnostics } = validate(root, article.file);
    expect(diagnostics).toEqual([]);
    const fm = articles[0]?.frontMatter;
    expect(fm?.title).toBe("Council approves flood wall");
    expect(fm?.date.iso).toBe("2026-11-24T18:40:00+00:00");
    expect(fm?.byline).toEqual(["Priya Raman"]);
    expect(fm?.tags).toEqual(["Council", "River"]);
    expect(fm?.type).toBe("analysis");
    expect(fm?.draft).toBe(true);
  });

  it("dates and files the article by the site's clock, not the machine's", () => {
    const root = copyFixture("newsroom");
    // 31 December 2026, 23:30 UTC is already 1 January 2027 in Auckland, and 31 December in London.
    const newYear = Date.UTC(2026, 11, 31, 23, 30);
    expect(create(root, { now: newYear }).file).toBe("content/articles/2026/council-approves-flood-wall.md");
    writeFileSync(
      path.join(root, "tidings.config.yml"),
      readFileSync(path.join(root, "tidings.config.yml"), "utf8").replace("Europe/London", "Pacific/Auckland"),
    );
    const auckland = create(root, { now: newYear });
    expect(auckland).toMatchObject({
      file: "content/articles/2027/council-approves-flood-wall.md",
      date: "2027-01-01 12:30",
      url: "/2027/01/01/council-approves-flood-wall/",
    });
    expect(validate(root, auckland.file).articles[0]?.frontMatter.date.epochMs).toBe(newYear);
    // British Summer Time: 12:00 UTC on 1 July is 13:00 in London.
    writeFileSync(
      path.join(root, "tidings.config.yml"),
      readFileSync(path.join(root, "tidings.config.yml"), "utf8").replace("Pacific/Auckland", "Europe/London"),
    );
    expect(create(root, { now: Date.UTC(2026, 6, 1, 12), headline: "Summer" }).date).toBe("2026-07-01 13:00");
  });

  it("never overwrites a file: a second article with the same headline gets -2, then -3", () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/articles/2026/council-approves-flood-wall.md": "An editor's work in progress." });
    expect(create(root).file).toBe("content/articles/2026/council-approves-flood-wall-2.md");
    expect(create(root).file).toBe("content/articles/2026/council-approves-flood-wall-3.md");
    expect(readFileSync(path.join(root, "content/articles/2026/council-approves-flood-wall.md"), "utf8")).toBe(
      "An editor's work in progress.",
    );
  });

  it("writes the byline placeholder when none is given and git names no author, and the file then validates", () => {
    const root = copyFixture("newsroom");
    const article = create(root, { bylines: [], gitName: "someone-else" });
    expect(article.toFill).toEqual(["byline"]);
    expect(article.bylineSource).toBe("placeholder");
    const text = readFileSync(path.join(root, article.file), "utf8");
    expect(text).toContain(`byline: ${BYLINE_PLACEHOLDER}\n`);
    expect(text).toContain(`# Replace ${BYLINE_PLACEHOLDER} with the writer's name`);
    expect(validate(root, article.file).diagnostics).toEqual([]);
  });

  it("takes the byline from the editor's git name when it matches an author file", () => {
    const root = copyFixture("newsroom");
    const article = create(root, { bylines: [], gitName: "Priya Raman" });
    expect(article).toMatchObject({ bylines: ["Priya Raman"], bylineSource: "git", toFill: [] });
  });

  it("quotes a headline that YAML would misread, and keeps it exactly", () => {
    const root = copyFixture("newsroom");
    const headline = 'Council: "no" to #1 plan — 2026 & beyond';
    const article = create(root, { headline });
    expect(validate(root, article.file).articles[0]?.frontMatter.title).toBe(headline);
  });

  it("refuses an unknown type, with a suggestion, and a missing headline", () => {
    const root = copyFixture("newsroom");
    expect(() => create(root, { type: "analysys" })).toThrow(
      new UserError(
        '"analysys" is not an article type (did you mean "analysis"?). The types are: news, analysis, opinion, explainer, interview, review (set in tidings.config.yml).',
      ),
    );
    expect(() => create(root, { headline: "  " })).toThrow(UserError);
    expect(readdirSync(path.join(root, "content/articles/2026")).filter((name) => name.startsWith("council"))).toEqual([]);
  });

  it("returns the config's problems when the config is broken", () => {
    const root = copyFixture("newsroom");
    writeFileSync(path.join(root, "tidings.config.yml"), "name: X\n");
    const result = createArticle({ root, headline: "Headline", now: CLOCK });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics.map((d) => d.code)).toEqual(["config/url", "config/donation"]);
  });
});

describe("articleTemplate", () => {
  const text = articleTemplate({
    title: "T",
    date: "2026-02-28 09:00",
    timeZone: "Europe/London",
    slug: "t",
    bylines: ["A"],
    tags: [],
    type: undefined,
  });

  it("lists every article field, with a note on each", () => {
    const lines = text.split("\n");
    for (const field of ARTICLE_FIELDS[""] ?? []) {
      const index = lines.findIndex((line) => line.startsWith(`${field}:`) || line.startsWith(`# ${field}:`));
      expect(index, field).toBeGreaterThan(0);
      expect(lines[index - 1], field).toMatch(/^# [A-Za-z"]/);
    }
  });

  it("gives examples that are valid as soon as they are uncommented", () => {
    const root = copyFixture("newsroom");
    const fields = new Set(ARTICLE_FIELDS[""]);
    const uncommented = text
      .split("\n")
      .map((line) =>
        /^# (\w+):/.test(line) && fields.has(/^# (\w+):/.exec(line)?.[1] ?? "")
          ? line.slice(2)
          : /^# {3}/.test(line)
            ? line.slice(2)
            : line,
      )
      .join("\n")
      .replace("draft: true\n", "");
    writeFiles(root, { "content/articles/2026/t.md": uncommented });
    const { articles, diagnostics } = validate(root, "content/articles/2026/t.md");
    expect(diagnostics).toEqual([]);
    expect(Object.keys(articles[0]?.frontMatter ?? {}).sort()).toEqual([...fields].filter((field) => field !== "draft").sort());
  });
});

describe("the new command", () => {
  it("creates the file and says what to do next", async () => {
    const root = copyFixture("newsroom");
    const { stdout } = await promisify(execFile)(
      path.join(REPOSITORY, "node_modules", ".bin", "tsx"),
      [path.join(REPOSITORY, "src", "cli.ts"), "new", "Bridge", "reopens", "--byline", "Priya Raman"],
      { cwd: root },
    );
    const created = readdirSync(path.join(root, "content/articles")).flatMap((year) =>
      readdirSync(path.join(root, "content/articles", year)).map((name) => `${year}/${name}`),
    );
    const file = created.find((name) => name.endsWith("/bridge-reopens.md"));
    expect(file).toBeDefined();
    expect(stdout).toContain(`✔ Created content/articles/${file}`);
    expect(stdout).toContain("delete the line `draft: true` to publish it");
  });
});
