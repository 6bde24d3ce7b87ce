import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../src/build.ts";
import { TEMPLATES_DIR } from "../src/eleventy/run-eleventy.ts";
import { copyFixture, readPage, writeFiles } from "./support/fixture-site.ts";

// 27 November 2026, noon UTC: after every fixture article but the draft's and the future one's.
const NOW = Date.UTC(2026, 10, 27, 12);

describe("build (the newsroom fixture)", () => {
  let root: string;
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    result = await build({ root, now: NOW });
    out = result.outputDir;
  });

  it("succeeds, warning only about the tag one article spells in lower case", () => {
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
      ["warning", "site/tag-case", "content/articles/2026/second-story.md", 5],
    ]);
    expect(result.ok).toBe(true);
  });

  it("sets one kicker line above each headline: the first topic, linked on the article, and the type only where it is not the default", () => {
    const article = readPage(out, "/2026/11/24/flood-wall/");
    const kicker = article(".article-header .kicker");
    expect(kicker).toHaveLength(1);
    expect(kicker.find("a.kicker-text").text()).toBe("Council");
    expect(kicker.find("a.kicker-text").attr("href")).toBe("/tags/council/");
    expect(kicker.find(".type-label").text()).toBe("Analysis");
    // Cards: the news stories (the default type) carry their topic and no type label at all.
    const home = readPage(out, "/");
    const cards = home(".article-card").toArray().map((card) => [home(card).find(".card-title a").attr("href"), home(card).find(".kicker-text").text(), home(card).find(".type-label").text()]);
    expect(cards).toEqual(expect.arrayContaining([
      ["/2026/11/24/flood-wall/", "Council", "Analysis"],
      [expect.stringContaining("second-story"), "River", ""],
    ]));
    expect(home(".article-card .type-label").toArray().map((label) => home(label).text())).toEqual(["Analysis"]);
  });

  it("renders an editor's article with every part of the page", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    const article = $("main article");
    expect(article.find(".type-label").first().text()).toBe("Analysis");
    expect(article.find("h1").text()).toBe("Council approves “riverside” flood wall — after six-hour debate");
    expect($("h1")).toHaveLength(1);
    expect(article.find(".standfirst").text()).toBe("The wall will protect 300 homes on the east bank.");
    const byline = article.find(".byline");
    expect(byline.text().replace(/\s+/g, " ").trim()).toBe("By Priya Raman and Staff reporter");
    expect(byline.find("a").attr("href")).toBe("/authors/priya-raman/");
    expect(article.find(".dateline time").first().attr("datetime")).toBe("2026-11-24T18:40:00+00:00");
    expect(article.find(".dateline time").first().text()).toBe("24 November 2026, 18:40");
    expect(article.find(".updated time").attr("datetime")).toBe("2026-11-25T09:15:00+00:00");
    const figure = article.find("figure.lead-image");
    expect(figure.find("img").attr("alt")).toBe("A concrete wall beside a river");
    expect(figure.find("figcaption").text()).toContain("Work began in October.");
    expect(figure.find(".credit").text()).toBe("Gazette staff");
    const imageUrl = figure.find("img").attr("src") ?? "";
    expect(existsSync(path.join(out, imageUrl))).toBe(true);
    expect(article.find(".article-body h2").first().text()).toBe("What happens next");
    expect(article.find(".article-body blockquote").text()).toContain("“We cannot wait for the next flood,”");
    expect(article.find(".article-body").text()).toContain("{{ council.budget }} and {% raw %}");
    expect(article.find(".corrections li").text()).toContain("It is 340 metres.");
    const sources = article.find(".sources li");
    expect(sources).toHaveLength(2);
    expect(sources.first().find("a").attr("href")).toBe("https://council.example/minutes/2026-11-24");
    expect(
      article
        .find(".article-tags a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(["Council", "River", "C++"]);
  });

  it("puts the short ask where the editor put the marker and the full ask at the end, once each", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    const short = $("aside.ask-short");
    expect(short).toHaveLength(1);
    expect(short.attr("aria-label")).toBe("Support The Test Gazette");
    expect(short.find("a").attr("href")).toBe("/donate/");
    expect(short.prev().text()).toContain("Work starts in spring.");
    expect(short.next().find("h2").first().text()).toBe("Who pays");
    const aside = $("aside.donate");
    expect(aside).toHaveLength(1);
    expect(aside.attr("aria-labelledby")).toBe("donate-heading");
    expect($("#donate-heading").text()).toBe("Support independent news");
    expect(aside.find("a").attr("href")).toBe("/donate/");
    expect($("article > :last-child").is("aside.donate")).toBe(true);
  });

  it("ends an article with the donation block by default, and leaves it off when the editor says donate: false", () => {
    const second = readPage(out, "/2026/11/20/second-story/");
    expect(second("article > aside.donate")).toHaveLength(1);
    expect(second("article > :last-child").is("aside.donate")).toBe(true);
    expect(readPage(out, "/2026/11/10/third-story/")("aside.donate")).toHaveLength(0);
  });

  it("lists articles newest first on the home page, paginated, without drafts or future articles", () => {
    const home = readPage(out, "/");
    expect(
      home(".article-list .card-title a")
        .map((_, a) => home(a).attr("href"))
        .get(),
    ).toEqual(["/2026/11/24/flood-wall/", "/2026/11/20/second-story/"]);
    // Archive blocks are counted from the oldest article, so a block's address never changes.
    expect(home("a[rel=next]").attr("href")).toBe("/page/1/");
    const page2 = readPage(out, "/page/1/");
    expect(
      page2(".article-list .card-title a")
        .map((_, a) => page2(a).attr("href"))
        .get(),
    ).toEqual(["/2026/11/10/third-story/"]);
    expect(existsSync(path.join(out, "page", "2"))).toBe(false);
    expect(page2("a[rel=prev]").attr("href")).toBe("/");
    const all = readdirSync(path.join(out, "2026", "11"));
    expect(all.sort()).toEqual(["10", "20", "24"]);
    expect(existsSync(path.join(out, "2099"))).toBe(false);
  });

  it("gives every tag a page, matching tags case-insensitively", () => {
    const tags = readPage(out, "/tags/");
    expect(
      tags(".tag-index a")
        .map((_, a) => tags(a).text())
        .get(),
    ).toEqual(["C++", "Council", "River", "Schools"]);
    const river = readPage(out, "/tags/river/");
    expect(river("h1").text()).toBe("River");
    const olderRiver = readPage(out, "/tags/river/page/1/");
    const riverLinks = [river, olderRiver].flatMap(($) => $(".card-title a").map((_, a) => $(a).attr("href")).get());
    expect(riverLinks).toHaveLength(3);
    expect(new Set(riverLinks).size).toBe(3);
    expect(readPage(out, "/tags/c-plus-plus/")("h1").text()).toBe("C++");
  });

  it("gives each author a page listing their articles", () => {
    const $ = readPage(out, "/authors/priya-raman/");
    expect($("h1").text()).toBe("Priya Raman");
    expect($(".author-role").text()).toBe("Local democracy reporter");
    expect($(".author-bio").text()).toContain("Priya covers the council.");
    expect(
      $(".card-title a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/2026/11/24/flood-wall/", "/2026/11/20/second-story/"]);
  });

  it("writes standalone pages and a 404 page", () => {
    const about = readPage(out, "/about/");
    expect(about("h1").text()).toBe("About the Gazette");
    expect(about("h2#contact").text()).toBe("Contact");
    expect(readPage(out, "/404.html")("h1").text()).toBe("Page not found");
  });

  it("gives the 404 page a search box that works without a script, and the newest stories", () => {
    const $ = readPage(out, "/404.html");
    const form = $("main form[role=search]");
    expect([form.attr("action"), form.attr("method")]).toEqual(["/search/", "get"]);
    const input = form.find("input[type=search]");
    expect(input.attr("name")).toBe("q");
    expect($(`label[for="${input.attr("id") ?? ""}"]`).text()).toBe("Search our articles");
    // The newest published stories, newest first: never the draft or the one scheduled for later.
    expect($("main .article-card .card-title a").map((_, a) => $(a).attr("href")).get()).toEqual(["/2026/11/24/flood-wall/", "/2026/11/20/second-story/", "/2026/11/10/third-story/"]);
  });
});

describe("build (text direction)", () => {
  it("marks every page of a site in a right-to-left language dir=rtl, and leaves left-to-right pages as they were", async () => {
    const root = copyFixture("newsroom");
    const ltr = await build({ root, now: NOW });
    expect(ltr.ok).toBe(true);
    expect(readPage(ltr.outputDir, "/")("html").attr("dir")).toBeUndefined();

    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, readFileSync(config, "utf8").replace(/^language: .*$/m, "language: ar-EG"));
    const rtl = await build({ root, now: NOW });
    expect(rtl.ok).toBe(true);
    const pages = readdirSync(rtl.outputDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && !file.startsWith("admin"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const $ = readPage(rtl.outputDir, `/${file}`);
      expect([file, $("html").attr("lang"), $("html").attr("dir")]).toEqual([file, "ar-EG", "rtl"]);
    }
  });
});

describe("build (failures)", () => {
  it("reports every problem in every file, exits with an error and leaves the previous output untouched", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    expect(first.ok).toBe(true);
    const before = snapshot(first.outputDir);

    writeFiles(root, {
      "content/articles/2026/broken-one.md": "---\ntittle: Oops\ndate: 2026-02-30\nbyline: A\n---\nText\n",
      "content/articles/2026/broken-two.md": "---js\nmodule.exports = {}\n---\n",
    });
    const second = await build({ root, now: NOW });
    expect(second.ok).toBe(false);
    const errors = second.diagnostics.filter((d) => d.severity === "error");
    const files = new Set(errors.map((d) => d.file));
    expect(files).toEqual(new Set(["content/articles/2026/broken-one.md", "content/articles/2026/broken-two.md"]));
    expect(errors.map((d) => d.code).sort()).toEqual([
      "front-matter/date",
      "front-matter/language",
      "front-matter/title",
      "front-matter/unknown-field",
    ]);
    expect(snapshot(first.outputDir)).toEqual(before);
    expect(readdirSync(path.dirname(first.outputDir)).filter((name) => name.includes(".staging-"))).toEqual([]);
  });

  it("leaves the previous output untouched when a template fails part-way", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    const before = snapshot(first.outputDir);
    // A copy of the templates in which one article page throws, as a template bug would.
    const templates = path.join(root, "broken-templates");
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const articleTemplate = path.join(templates, "_includes", "pages", "article.njk");
    writeFileSync(
      articleTemplate,
      readFileSync(articleTemplate, "utf8").replace(
        "{% block main %}",
        "{% block main %}{% if article.slug == 'third-story' %}{{ article.missing.field }}{% endif %}",
      ),
    );
    const second = await build({ root, now: NOW, templatesDir: templates });
    expect(second.ok).toBe(false);
    expect(second.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["build/template"]);
    expect(snapshot(first.outputDir)).toEqual(before);
    expect(readdirSync(path.dirname(first.outputDir)).filter((name) => name.includes(".staging-"))).toEqual([]);
  });

  it("removes the page of a deleted article on the next build", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    expect(existsSync(path.join(first.outputDir, "2026/11/10/third-story/index.html"))).toBe(true);
    rmSync(path.join(root, "content/articles/2026/third-story.md"));
    const second = await build({ root, now: NOW });
    expect(second.ok).toBe(true);
    expect(existsSync(path.join(second.outputDir, "2026/11/10/third-story"))).toBe(false);
  });
});

/** Every file under a folder with its contents, to compare outputs byte for byte. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = readFileSync(file).toString("base64");
  }
  return files;
}
