import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { check, type CheckResult } from "../src/check.ts";
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import { loadSite } from "../src/load-site.ts";
import { copyFixture, writeFiles } from "./support/fixture-site.ts";

// 27 November 2026, noon UTC: after every fixture article but the draft and the 2099 one.
const NOW = Date.UTC(2026, 10, 27, 12);
const REPOSITORY = path.resolve(import.meta.dirname, "..");
const CLI = path.join(REPOSITORY, "src", "cli.ts");
const TSX = path.join(REPOSITORY, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

/** An article file for the fixture newsroom, with extra front-matter lines and a body. */
function article(frontMatter: string, body: string): string {
  return `---\ntitle: Test\nbyline: Priya Raman\n${frontMatter}\n---\n${body}\n`;
}

/** Check a copy of the newsroom fixture with some files added or replaced. */
function checkWith(
  files: Record<string, string>,
  options: { mode?: "production" | "preview"; siteUrl?: string } = {},
): CheckResult & { root: string } {
  const root = copyFixture("newsroom");
  writeFiles(root, files);
  return { ...check({ root, now: NOW, ...options }), root };
}

/** The diagnostics of one file, as `line code message` strings; fixes separately where a test needs them. */
function problemsIn(result: CheckResult, file: string): string[] {
  return result.diagnostics.filter((d) => d.file === file).map((d) => `${d.line ?? "-"} ${d.code} ${d.message}`);
}

function only(result: CheckResult, file: string, code: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.file === file && d.code === code);
  expect(found).toHaveLength(1);
  return found[0] as Diagnostic;
}

/** Run the real command line in `root`; never rejects, so exit codes can be asserted. */
async function cli(
  root: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const NEW = "content/articles/2026/new-story.md";

describe("check: links between pages", () => {
  it("reports a site link to an address where nothing is published, on its line, with the closest address", () => {
    const result = checkWith({
      [NEW]: article("date: 2026-11-25", "Intro.\n\nSee [the vote](/2026/11/24/flood-wal/) and [about](/about/)."),
    });
    expect(problemsIn(result, NEW)).toEqual([
      "8 site/broken-link the link to /2026/11/24/flood-wal/ leads nowhere: nothing is published at /2026/11/24/flood-wal/",
    ]);
    expect(only(result, NEW, "site/broken-link").fix).toBe("Did you mean /2026/11/24/flood-wall/?");
    expect(result.ok).toBe(false);
  });

  it("checks absolute links to the site's own address, and leaves other sites alone", () => {
    const result = checkWith({
      [NEW]: article(
        "date: 2026-11-25",
        "[a](https://gazette.example.org/about/) [b](https://gazette.example.org/abuot/) [c](https://elsewhere.example/abuot/)",
      ),
    });
    expect(problemsIn(result, NEW)).toEqual([
      "6 site/broken-link the link to https://gazette.example.org/abuot/ leads nowhere: nothing is published at /abuot/",
    ]);
  });

  it("checks a link to another article's Markdown file and publishes it at that article's address", () => {
    const result = checkWith({
      [NEW]: article("date: 2026-11-25", "[good](flood-wall.md#what-happens-next)\n\n[bad](../2025/flood-wall.md)"),
    });
    expect(problemsIn(result, NEW)).toEqual([
      "8 site/broken-link the link to ../2025/flood-wall.md leads nowhere: content/articles/2025/flood-wall.md is not an article, page or author file",
    ]);
    writeFileSync(path.join(result.root, NEW), article("date: 2026-11-25", "[good](flood-wall.md#what-happens-next)"));
    const { site } = loadSite({ root: result.root, mode: "production", now: NOW });
    const published = site?.articles.find((a) => a.file === NEW);
    expect(published?.standfirst).toContain('href="/2026/11/24/flood-wall/#what-happens-next"');
  });

  it("checks #sections against the headings of the page linked to, and of the page itself", () => {
    const result = checkWith({
      [NEW]: article("date: 2026-11-25", "[a](/about/#contact) [b](/about/#contacts)\n\n## Notes\n\n[c](#notes) [d](#nowhere) [e](/#main)"),
    });
    expect(problemsIn(result, NEW)).toEqual([
      "6 site/broken-fragment the link to /about/#contacts points at a section #contacts that content/pages/about.md does not have",
      "10 site/broken-fragment the link to #nowhere points at a section #nowhere that content/articles/2026/new-story.md does not have",
    ]);
    expect(result.diagnostics.find((d) => d.message.includes("#contacts"))?.fix).toBe("Did you mean #contact?");
  });

  it("refuses a published link to a draft, but lets drafts link to each other and the preview show them", () => {
    const files = {
      [NEW]: article("date: 2026-11-25", "[draft](draft-story.md)"),
      "content/articles/2026/another-draft.md": article("date: 2026-11-26\ndraft: true", "[draft](draft-story.md)"),
    };
    const result = checkWith(files);
    expect(problemsIn(result, NEW)).toEqual([
      '6 site/link-to-draft the link to draft-story.md points at content/articles/2026/draft-story.md, which is a draft: readers would get "page not found"',
    ]);
    expect(problemsIn(result, "content/articles/2026/another-draft.md")).toEqual([]);
    expect(problemsIn(checkWith(files, { mode: "preview" }), NEW)).toEqual([]);
  });

  it("refuses a link to an article scheduled after the linking one goes live, so no scheduled rebuild can break", () => {
    const result = checkWith({
      [NEW]: article("date: 2026-11-25", "[soon](/2099/01/01/future-story/)"),
      "content/articles/2098/earlier.md": article("date: 2098-06-01", "[later](../2026/future-story.md)"),
      "content/articles/2099/later.md": article("date: 2099-02-01", "[earlier](../2026/future-story.md)"),
    });
    expect(problemsIn(result, NEW)).toEqual([
      '6 site/link-to-scheduled the link to /2099/01/01/future-story/ points at content/articles/2026/future-story.md, which is not published until 1 January 2099 at 00:00: until then readers would get "page not found"',
    ]);
    expect(problemsIn(result, "content/articles/2098/earlier.md")).toEqual([
      '6 site/link-to-scheduled the link to ../2026/future-story.md points at content/articles/2026/future-story.md, which is not published until 1 January 2099 at 00:00, after this article goes live: until then readers would get "page not found"',
    ]);
    expect(problemsIn(result, "content/articles/2099/later.md")).toEqual([]);
  });

  it("accepts files from public/, every page the site makes and links elsewhere", () => {
    const root = copyFixture("newsroom");
    mkdirSync(path.join(root, "public", "files"), { recursive: true });
    writeFileSync(path.join(root, "public", "files", "report.pdf"), "%PDF");
    const links = [
      "/files/report.pdf",
      "/tags/",
      "/tags/river/",
      "/tags/river/page/1/",
      "/authors/priya-raman/",
      "/page/1/",
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/tags/river/feed.xml",
      "/authors/priya-raman/feed.xml",
      "/corrections/",
      "/search/",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/robots.txt",
      "/404.html",
      "/about",
      "mailto:a@b.example",
    ];
    writeFiles(root, { [NEW]: article("date: 2026-11-25", links.map((link) => `[x](${link})`).join(" ") + " [y](/files/missing.pdf)") });
    const result = check({ root, now: NOW });
    expect(problemsIn(result, NEW)).toEqual([
      "6 site/broken-link the link to /files/missing.pdf leads nowhere: nothing is published at /files/missing.pdf",
    ]);
  });

  it("checks the links in the site's navigation", () => {
    const root = copyFixture("newsroom");
    const config = path.join(root, "tidings.config.yml");
    cpSync(config, `${config}.orig`);
    writeFiles(root, {
      "tidings.config.yml": `name: The Test Gazette\nurl: https://gazette.example.org\ntimeZone: Europe/London\nnavigation:\n  - { label: Topics, url: /tgas/ }\ndonation: { heading: H, text: T, button: B, url: /donate/ }\n`,
    });
    const result = check({ root, now: NOW });
    const problem = only(result, "tidings.config.yml", "site/broken-link");
    expect([problem.field, problem.message, problem.fix]).toEqual([
      "navigation[1].url",
      "the link to /tgas/ leads nowhere: nothing is published at /tgas/",
      "Did you mean /tags/?",
    ]);
  });

  it("reads the site's own address from TIDINGS_URL when it is set", () => {
    const files = { [NEW]: article("date: 2026-11-25", "[a](https://example.github.io/gazette/abuot/)") };
    expect(problemsIn(checkWith(files), NEW)).toEqual([]);
    expect(problemsIn(checkWith(files, { siteUrl: "https://example.github.io/gazette/" }), NEW)).toEqual([
      "6 site/broken-link the link to https://example.github.io/gazette/abuot/ leads nowhere: nothing is published at /abuot/",
    ]);
    const broken = checkWith({}, { siteUrl: "example.github.io" });
    expect(broken.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "config/url",
        'the TIDINGS_URL environment variable, which replaces `url`, must be the site\'s web address starting with https://, got "example.github.io"',
      ],
    ]);
  });
});

describe("check: images, bylines and tags", () => {
  it("reports missing images in scheduled articles and drafts too, before they go live", () => {
    const result = checkWith({
      "content/articles/2099/scheduled.md": article("date: 2099-03-01", "![A flood](images/flood.jpg)"),
      "content/articles/2026/drafted.md": article("date: 2026-11-26\ndraft: true\nimage: { src: images/lead.jpg, alt: A wall }", "Text."),
    });
    expect(problemsIn(result, "content/articles/2099/scheduled.md")).toEqual([
      '6 content/image-missing the image file "images/flood.jpg" does not exist',
    ]);
    expect(problemsIn(result, "content/articles/2026/drafted.md")).toEqual([
      '6 content/image-missing the image file "images/lead.jpg" does not exist',
    ]);
  });

  it("warns about a byline one typo away from an author, and accepts other plain bylines", () => {
    const result = checkWith({
      [NEW]: `---\ntitle: T\ndate: 2026-11-25\nbyline:\n  - Priya Ramen\n  - Staff reporter\n  - P. Raman\n---\nText.\n`,
    });
    expect(problemsIn(result, NEW)).toEqual([
      '5 site/unknown-author the byline "Priya Ramen" matches no author file (did you mean "Priya Raman"?)',
    ]);
    expect(only(result, NEW, "site/unknown-author").severity).toBe("warning");
    expect(result.ok).toBe(true);
  });

  it("warns about tags spelt differently only in case, naming the file and both spellings", () => {
    const result = checkWith({});
    const problem = only(result, "content/articles/2026/second-story.md", "site/tag-case");
    expect([problem.severity, problem.line, problem.message]).toEqual([
      "warning",
      5,
      'the tag "river" is spelt "River" in 2 other articles (e.g. content/articles/2026/flood-wall.md)',
    ]);
    expect(problem.fix).toContain('Write "River" here too');
    expect(result.ok).toBe(true);
  });
});

describe("check", () => {
  it("reports exactly what build reports, without writing anything", async () => {
    const files = {
      [NEW]: article("date: 2026-02-30\ntittle: Typo", "Text."),
      "content/articles/2026/other.md": article("date: 2026-11-25", "![](images/none.jpg) [x](/nowhere/)"),
    };
    const checked = checkWith(files);
    expect(checked.ok).toBe(false);
    expect(existsSync(path.join(checked.root, "_site"))).toBe(false);
    const built = await build({ root: checked.root, now: NOW });
    expect(built.ok).toBe(false);
    expect(built.diagnostics).toEqual(checked.diagnostics);
    expect(checked.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      `${NEW} front-matter/date`,
      `${NEW} front-matter/unknown-field`,
      "content/articles/2026/other.md content/image-missing",
      "content/articles/2026/other.md site/broken-link",
      "content/articles/2026/other.md markdown/image-alt",
      "content/articles/2026/second-story.md site/tag-case",
    ]);
  });
});

describe("the check command", () => {
  it("exits 0 with a summary when there are only warnings", async () => {
    const root = copyFixture("newsroom");
    const { code, stdout } = await cli(root, ["check"]);
    expect(code).toBe(0);
    expect(stdout).toContain('content/articles/2026/second-story.md:5  warning  the tag "river" is spelt "River"');
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^⚠ 1 warning in 1 file — 8 files checked in \d+\.\d\d s$/);
  });

  it("exits 1 on errors, printing them for people or as GitHub annotations", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      [NEW]: article("date: 2026-11-25", "Intro.\n\nSee [the vote](/2026/11/24/flood-wal/)."),
      "content/articles/2026/typo.md": "---\ntittle: Oops\ndate: 2026-11-25\nbyline: A\n---\nText\n",
    });
    const text = await cli(root, ["check"]);
    expect(text.code).toBe(1);
    expect(text.stdout.split("\n")).toEqual([
      "content/articles/2026/new-story.md:8  error  the link to /2026/11/24/flood-wal/ leads nowhere: nothing is published at /2026/11/24/flood-wal/  [site/broken-link]",
      "    fix: Did you mean /2026/11/24/flood-wall/?",
      'content/articles/2026/second-story.md:5  warning  the tag "river" is spelt "River" in 2 other articles (e.g. content/articles/2026/flood-wall.md)  [site/tag-case]',
      '    fix: Write "River" here too. Both spellings already share one topic page, but one spelling keeps the site consistent.',
      "content/articles/2026/typo.md:1  error  `title` is required but missing  [front-matter/title]",
      "    fix: Add a line `title: Council approves riverside flood wall`.",
      "content/articles/2026/typo.md:2  error  `tittle` is not a field articles have (did you mean `title`?)  [front-matter/unknown-field]",
      "    fix: Rename `tittle` to `title`.",
      expect.stringMatching(/^✖ 3 errors and 1 warning in 3 files — 10 files checked in \d+\.\d\d s$/),
      "",
    ]);

    const github = await cli(root, ["check", "--format", "github"]);
    expect(github.code).toBe(1);
    expect(github.stdout.split("\n").slice(0, 4)).toEqual([
      "::error file=content/articles/2026/new-story.md,line=8,title=site/broken-link::the link to /2026/11/24/flood-wal/ leads nowhere: nothing is published at /2026/11/24/flood-wal/. Did you mean /2026/11/24/flood-wall/?",
      '::warning file=content/articles/2026/second-story.md,line=5,title=site/tag-case::the tag "river" is spelt "River" in 2 other articles (e.g. content/articles/2026/flood-wall.md). Write "River" here too. Both spellings already share one topic page, but one spelling keeps the site consistent.',
      "::error file=content/articles/2026/typo.md,line=1,title=front-matter/title::`title` is required but missing. Add a line `title: Council approves riverside flood wall`.",
      "::error file=content/articles/2026/typo.md,line=2,title=front-matter/unknown-field::`tittle` is not a field articles have (did you mean `title`?). Rename `tittle` to `title`.",
    ]);
    // The build reports the same annotations (CI's deploy loads the content once, with the build).
    const built = await cli(root, ["build", "--format", "github"]);
    expect(built.code).toBe(1);
    expect(built.stdout.split("\n").slice(0, 4)).toEqual(github.stdout.split("\n").slice(0, 4));
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("refuses an unknown format and an invalid TIDINGS_URL with a plain message", async () => {
    const root = copyFixture("newsroom");
    const format = await cli(root, ["check", "--format", "json"]);
    expect([format.code, format.stderr]).toEqual([1, '--format must be text or github, got "json".\n']);
    const url = await cli(root, ["check"], { TIDINGS_URL: "gazette" });
    expect(url.code).toBe(1);
    expect(url.stdout).toContain("tidings.config.yml:3  error  the TIDINGS_URL environment variable, which replaces `url`, must be");
    expect(url.stdout.trim().split("\n").at(-1)).toMatch(/^✖ 1 error in 1 file — the config checked in \d+\.\d\d s$/);
  });
});
