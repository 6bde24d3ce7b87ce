import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { HOSTILE_BODIES } from "../../bench/hostile-bodies.ts";
import { build } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);
const valid = (fields: string, body = "Text.") => `---\ntitle: A story\ndate: 2026-11-01\nbyline: Reporter\n${fields}\n---\n${body}\n`;

async function buildWith(files: Record<string, string>) {
  const root = copyFixture("newsroom");
  writeFiles(root, files);
  return { root, result: await build({ root, now: NOW }) };
}

describe("hostile and broken content", () => {
  it("prints a script in a title, byline, tag or source as text", async () => {
    const { result } = await buildWith({
      "content/articles/2026/xss.md": [
        "---",
        'title: "<script>alert(1)</script> & <b>bold</b>"',
        'byline: "<img src=x onerror=alert(1)>"',
        "date: 2026-11-02",
        'tags: ["<svg onload=alert(1)>"]',
        "sources:",
        '  - name: "</a><script>alert(2)</script>"',
        "    url: https://example.org/?q=<script>",
        'summary: "</p><script>alert(3)</script>"',
        "---",
        "Body.",
      ].join("\n"),
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const $ = readPage(result.outputDir, "/2026/11/02/xss/");
    // The only script element is the page's JSON-LD data block, and the title stays text inside it.
    // (Besides the donation ask's own script, a file of the site's: /assets/ask.<hash>.js.)
    expect($("script").not('[type="application/ld+json"]').not('[src^="/assets/ask."]')).toHaveLength(0);
    expect($('script[type="application/ld+json"]')).toHaveLength(1);
    expect(JSON.parse($('script[type="application/ld+json"]').text()).headline).toBe("<script>alert(1)</script> & <b>bold</b>");
    expect($("[onerror], [onload]")).toHaveLength(0);
    expect($("h1").text()).toBe("<script>alert(1)</script> & <b>bold</b>");
    expect($("title").text()).toContain("<script>alert(1)</script>");
    expect($(".byline").text()).toContain("<img src=x onerror=alert(1)>");
    expect($(".standfirst").text()).toBe("</p><script>alert(3)</script>");
    const home = readPage(result.outputDir, "/");
    expect(home("script")).toHaveLength(0);
  });

  it("removes scripts, event handlers and javascript: links from article bodies", async () => {
    const { result } = await buildWith({
      "content/articles/2026/body.md": valid(
        "",
        'Intro.\n\n<script>alert(1)</script>\n\n<img src="https://example.org/x.png" alt="x" onerror="alert(1)">\n\n[click](javascript:alert(1))\n\n<a href="JaVaScRiPt:alert(1)">raw</a>\n\n<iframe src="https://evil.example"></iframe>\n\n<p style="position:fixed">styled</p>',
      ).replace("A story", "Body test"),
    });
    const $ = readPage(result.outputDir, "/2026/11/01/body/");
    expect($("script, iframe").not('[type="application/ld+json"]').not('[src^="/assets/ask."]')).toHaveLength(0);
    expect($("[onerror], [style]")).toHaveLength(0);
    expect($("a").filter((_, a) => /^\s*javascript:/i.test($(a).attr("href") ?? ""))).toHaveLength(0);
    expect(result.diagnostics.filter((d) => d.file === "content/articles/2026/body.md").every((d) => d.severity === "warning")).toBe(true);
    expect(result.diagnostics.some((d) => d.code.startsWith("markdown/unsafe"))).toBe(true);
  });

  it("reports bad YAML, impossible dates, unknown fields and JavaScript front matter in one run", async () => {
    const { result } = await buildWith({
      "content/articles/2026/yaml.md": "---\ntitle: Colon: inside\ndate: 2026-11-01\nbyline: A\n---\n",
      "content/articles/2026/date.md": valid("").replace("2026-11-01", "2026-02-30"),
      "content/articles/2026/typo.md": valid("tittle: x"),
      "content/articles/2026/js.md": "---js\n{ title: 'x' }\n---\n",
    });
    expect(result.ok).toBe(false);
    expect(result.pages).toBe(0);
    const byFile = Object.fromEntries(result.diagnostics.map((d) => [d.file.split("/").pop(), d]));
    expect(byFile["yaml.md"]).toMatchObject({ code: "yaml/syntax", line: 2 });
    expect(byFile["date.md"]?.message).toContain("February 2026 has 28 days");
    expect(byFile["typo.md"]?.message).toContain("did you mean `title`?");
    expect(byFile["js.md"]?.code).toBe("front-matter/language");
  });

  it("reports a body image whose file is missing, with its line", async () => {
    const { result } = await buildWith({ "content/articles/2026/pic.md": valid("", "Intro.\n\n![A map](images/nope.png)") });
    const problem = result.diagnostics.find((d) => d.code === "content/image-missing");
    expect(problem).toMatchObject({ file: "content/articles/2026/pic.md", line: 9 });
    expect(problem?.fix).toContain("content/articles/2026/images/nope.png");
  });

  it("reports two files that would publish at the same address, naming both", async () => {
    const { result } = await buildWith({
      "content/articles/2026/a/same.md": valid(""),
      "content/articles/2026/b/same.md": valid(""),
    });
    const collision = result.diagnostics.find((d) => d.code === "site/url-collision");
    expect(collision).toBeDefined();
    expect(`${collision?.file} ${collision?.message}`).toMatch(/a\/same\.md.*b\/same\.md|b\/same\.md.*a\/same\.md/);
  });

  it("never writes outside the output folder, whatever the slug or file name", async () => {
    const { root, result } = await buildWith({
      "content/articles/2026/escape.md": valid('slug: "../../../../tmp/escaped"'),
      "content/articles/2026/..%2F..%2Fevil.md": valid(""),
      "content/pages/..md": "---\ntitle: Dots\n---\n",
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("front-matter/slug");
    expect(existsSync(path.join(root, "..", "tmp", "escaped"))).toBe(false);
    expect(readdirSync(path.dirname(root)).some((name) => name.startsWith("escaped"))).toBe(false);
  });

  it("refuses content and data files not saved as UTF-8, naming the encoding and the first bad byte (reviewer item 13)", async () => {
    const root = copyFixture("newsroom");
    const latin1 = Buffer.from(valid("", "Le caf\u00e9 rouvre."), "latin1");
    writeFileSync(path.join(root, "content/articles/2026/latin1.md"), latin1);
    writeFileSync(path.join(root, "content/articles/2026/utf16.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid(""), "utf16le")]));
    mkdirSync(path.join(root, "content/series"), { recursive: true });
    writeFileSync(path.join(root, "content/series/x.yml"), Buffer.from("title: S\u00e9rie\ndescription: x\n", "latin1"));
    mkdirSync(path.join(root, "content/fronts"), { recursive: true });
    writeFileSync(path.join(root, "content/fronts/home.yml"), Buffer.from("- title: \u00c0 la une\n", "latin1"));
    writeFileSync(path.join(root, "content/campaign.yml"), Buffer.from("heading: Appel d\u2019hiver\n", "utf16le"));
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.code, d.line, d.column])).toEqual([
      ["content/articles/2026/latin1.md", "content/encoding", 7, 7],
      ["content/articles/2026/utf16.md", "content/encoding", 1, 1],
      ["content/campaign.yml", "content/encoding", 1, 1],
      ["content/fronts/home.yml", "content/encoding", 1, 10],
      ["content/series/x.yml", "content/encoding", 1, 9],
    ]);
    const messages = result.diagnostics.filter((d) => d.code === "content/encoding").map((d) => `${d.message} ${d.fix}`);
    expect(messages[0]).toContain("Windows-1252 (Latin-1), where it reads “é”");
    expect(messages[1]).toContain("UTF-16 LE");
    expect(result.diagnostics.map((d) => d.code)).not.toContain("front-matter/missing");
  });

  it("refuses an article with 5,000 tags with the line of `tags`, instead of running out of memory (reviewer item 11)", async () => {
    const tags = Array.from({ length: 5_000 }, (_, index) => `Topic ${index}`);
    const { result } = await buildWith({ "content/articles/2026/tags.md": valid(`tags: [${tags.join(", ")}]`) });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toMatchObject([
      { file: "content/articles/2026/tags.md", code: "front-matter/tags", line: 5, message: "`tags` has 5,000 tags; an article may have at most 50" },
    ]);
  });

  it("refuses bodies nested, emphasised or tabled past the limits with their lines, before parsing them (reviewer items 10 and 12)", async () => {
    const { result } = await buildWith({
      "content/articles/2026/deep-list.md": valid("", HOSTILE_BODIES["50,000 list markers on one line"]),
      "content/articles/2026/indented.md": valid("", HOSTILE_BODIES["2,000 indented list levels"]),
      "content/articles/2026/emphasis.md": valid("", HOSTILE_BODIES["*_ × 20,000"]),
      "content/articles/2026/quotes.md": valid("", HOSTILE_BODIES["20,000 > quote marks"]),
      "content/articles/2026/table.md": valid("", HOSTILE_BODIES["4.3 MB table of 444,000 cells"]),
    });
    expect(result.ok).toBe(false);
    expect(result.pages).toBe(0);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.code, d.line])).toEqual([
      // The body starts on line 7 with two paragraphs; the hostile part on line 11, the indented item 32 levels down on line 43.
      ["content/articles/2026/deep-list.md", "markdown/too-deep", 11],
      ["content/articles/2026/emphasis.md", "markdown/emphasis-run", 11],
      ["content/articles/2026/indented.md", "markdown/too-deep", 11 + 32],
      ["content/articles/2026/quotes.md", "markdown/too-deep", 11],
      ["content/articles/2026/table.md", "markdown/table-too-large", 11],
    ]);
  });

  it("refuses huge files and symbolic links with a clear message", async () => {
    const root = copyFixture("newsroom");
    // Past the 10 MB limit (long reads below it build: tests/render/long-read.test.ts).
    writeFileSync(path.join(root, "content/articles/2026/huge.md"), valid("", "word ".repeat(2_200_000)));
    mkdirSync(path.join(root, "content/articles/2027"), { recursive: true });
    symlinkSync("/etc/passwd", path.join(root, "content/articles/2027/passwd.md"));
    const result = await build({ root, now: NOW });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.code])).toEqual([
      ["content/articles/2026/huge.md", "content/too-large"],
      ["content/articles/2027/passwd.md", "content/symlink"],
    ]);
    expect(result.diagnostics.find((d) => d.code === "content/too-large")?.message).toMatch(
      /^the file is 10\.5 MB \(11,000,\d{3} bytes\); the limit is 10 MB \(10,485,760 bytes\)$/,
    );
  });

  // Reviewer item 4: `javascript:` as the donation URL or a menu link built with exit 0 and was a link on every page.
  it("fails the build (exit 1, nothing written) on javascript: links in the config, naming each field and its line", { timeout: 60_000 }, async () => {
    const root = copyFixture("newsroom");
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, readFileSync(config, "utf8").replace("url: /about/", "url: javascript:alert(1)").replace("  url: /donate/", '  url: "javascript:alert(2)"'));
    const failed = await run(path.join(REPOSITORY, "node_modules", ".bin", "tsx"), [path.join(REPOSITORY, "src", "cli.ts"), "build"], { cwd: root }).then(
      () => ({ code: 0, stderr: "" }),
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(failed.code).toBe(1);
    const lines = readFileSync(config, "utf8").split("\n");
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(failed.stderr).toContain(`tidings.config.yml:${lineOf("alert(1)")}  error  \`navigation[3].url\` must be a web address starting with https://, a mailto: address or a path on this site`);
    expect(failed.stderr).toContain(`tidings.config.yml:${lineOf("alert(2)")}  error  \`donation.url\` must be a web address`);
    expect(failed.stderr).toContain("[config/navigation]");
    expect(failed.stderr).toContain("[config/donation]");
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});
