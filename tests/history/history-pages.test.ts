import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { copyFixture, readPage } from "../support/fixture-site.ts";
import { launchChromium } from "../support/browser.ts";
import { htmlValidateErrors, vnuErrors } from "../support/html-validators.ts";
import { SAMPLE_SITE } from "../support/sample-site.ts";
import { serveFolder } from "../support/static-server.ts";
import { tempFolder } from "../support/temp-folder.ts";

// The fixture newsroom made into a git repository by the test: commits with set authors and
// times, as a newsroom's history would have them. Its "second story" is dated 2026-11-20.
const NOW = Date.UTC(2026, 11, 1, 12);
const STORY = "content/articles/2026/second-story.md";
const STORY_URL = "/2026/11/20/second-story/";
const HISTORY_URL = `${STORY_URL}history/`;

function git(root: string, args: string[], when?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "Desk", GIT_AUTHOR_EMAIL: "desk@example.org", GIT_COMMITTER_NAME: "Desk", GIT_COMMITTER_EMAIL: "desk@example.org" };
  if (when !== undefined) Object.assign(env, { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  return execFileSync("git", ["-C", root, ...args], { env, encoding: "utf8" });
}

function commit(root: string, when: string, message: string): string {
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", message], when);
  return git(root, ["rev-parse", "HEAD"]).trim();
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const target = path.join(root, file);
  writeFileSync(target, change(readFileSync(target, "utf8")));
}

/** The newsroom with a history: the story committed as a draft, published, then changed four times (one a typo fix readers cannot see). */
function newsroomWithHistory(): { root: string; commits: Record<string, string> } {
  const root = copyFixture("newsroom");
  git(root, ["init", "-q", "-b", "main"]);
  edit(root, STORY, (text) => text.replace("---\ntitle:", "---\ndraft: true\ntitle:"));
  const commits: Record<string, string> = {};
  commits["draft"] = commit(root, "2026-11-19T16:00:00+00:00", "Draft");
  edit(root, STORY, (text) => text.replace("draft: true\n", ""));
  commits["published"] = commit(root, "2026-11-20T09:05:00+00:00", "Publish");
  edit(root, STORY, (text) => `${text.replace(/^title: .*$/m, "title: Second story, revised")}\nA paragraph added after publication.\n`);
  commits["revised"] = commit(root, "2026-11-20T14:30:00+00:00", "Revise");
  edit(root, STORY, (text) => text.replace(/\n*$/, "\n\n\n"));
  commits["spacing"] = commit(root, "2026-11-21T08:00:00+00:00", "Spacing");
  edit(root, STORY, (text) => text.replace("A paragraph added after publication.", "A paragraph that named someone it should not have."));
  commits["removed"] = commit(root, "2026-11-22T10:00:00+00:00", "Legal");
  edit(root, STORY, (text) => text.replace("A paragraph that named someone it should not have.", "A paragraph added after publication, corrected."));
  commits["corrected"] = commit(root, "2026-11-23T11:00:00+00:00", "Correct");
  return { root, commits };
}

function changes($: CheerioAPI): { time: string; fields: string[]; added: string[]; removed: string[]; commit: string }[] {
  return $(".history-change")
    .map((_, element) => ({
      time: $(element).find(".history-date time").attr("datetime") ?? "",
      fields: $(element).find(".history-fields li").map((__, li) => $(li).text().trim()).get(),
      added: $(element).find("ins").map((__, ins) => $(ins).clone().children(".visually-hidden").remove().end().text().trim()).get(),
      removed: $(element).find("del").map((__, del) => $(del).clone().children(".visually-hidden").remove().end().text().trim()).get(),
      commit: $(element).find(".history-commit").text(),
    }))
    .get();
}

describe("an article's history page", () => {
  it("lists exactly the published, visible changes, newest first, with their times, words and commits", { timeout: 120_000 }, async () => {
    const { root, commits } = newsroomWithHistory();
    const result = await build({ root, now: NOW });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    const $ = readPage(result.outputDir, HISTORY_URL);
    expect($("h1").text()).toBe("What changed");
    expect($(".history-intro time").attr("datetime")).toBe("2026-11-20T09:05:00+00:00");
    const listed = changes($);
    expect(listed.map((change) => change.time)).toEqual(["2026-11-23T11:00:00+00:00", "2026-11-22T10:00:00+00:00", "2026-11-20T14:30:00+00:00"]);
    expect(listed.map((change) => change.commit)).toEqual([commits["corrected"], commits["removed"], commits["revised"]].map((id) => `Recorded as change ${id?.slice(0, 7)}.`));
    expect(listed[2]?.fields).toEqual(["The headline changed from “Second story” to “Second story, revised”."]);
    expect(listed[2]?.added.join(" ")).toContain("A paragraph added after publication.");
    expect(listed[1]?.removed.join(" ")).toContain("added after publication");
    expect(listed[1]?.added.join(" ")).toContain("that named someone it should not have");
    // The article links to it, and names it in its structured data.
    const article = readPage(result.outputDir, STORY_URL);
    expect(article("a.history-link").attr("href")).toBe(HISTORY_URL);
    const jsonLd = JSON.parse(article('script[type="application/ld+json"]').first().text()) as { subjectOf?: { url: string } };
    expect(jsonLd.subjectOf?.url).toBe(`https://gazette.example.org${HISTORY_URL}`);
    // An article never changed after publication has no history page.
    expect(existsSync(path.join(result.outputDir, "2026/11/10/third-story/history/index.html"))).toBe(false);
    expect(readPage(result.outputDir, "/2026/11/10/third-story/")("a.history-link").length).toBe(0);
  });

  it("keeps an excluded commit out of the record", { timeout: 120_000 }, async () => {
    const { root, commits } = newsroomWithHistory();
    edit(root, "tidings.config.yml", (text) => `${text}history:\n  exclude: [${commits["removed"]?.slice(0, 9)}]\n`);
    commit(root, "2026-11-24T09:00:00+00:00", "Keep the legal removal off the record");
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    const listed = changes(readPage(result.outputDir, HISTORY_URL));
    expect(listed.map((change) => change.time)).toEqual(["2026-11-23T11:00:00+00:00", "2026-11-20T14:30:00+00:00"]);
    expect(readFileSync(path.join(result.outputDir, HISTORY_URL, "index.html"), "utf8")).not.toContain("named someone");
  });

  it("warns once in a shallow clone and leaves out the histories it could cut short", { timeout: 120_000 }, async () => {
    const { root } = newsroomWithHistory();
    const clone = path.join(tempFolder("shallow"), "site");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${root}`, clone]);
    const result = await build({ root: clone, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === "history/shallow-clone")).toEqual([
      expect.objectContaining({ severity: "warning", fix: expect.stringContaining("fetch-depth: 0") }),
    ]);
    expect(existsSync(path.join(result.outputDir, HISTORY_URL, "index.html"))).toBe(false);
  });

  it("is not made outside a git repository, with no warning", { timeout: 120_000 }, async () => {
    const result = await build({ root: copyFixture("newsroom"), now: NOW });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith("history/"))).toEqual([]);
    expect(existsSync(path.join(result.outputDir, HISTORY_URL))).toBe(false);
  });

  it("holds to the reader gates: valid HTML, and no axe violations in light or dark", { timeout: 120_000 }, async () => {
    const { root } = newsroomWithHistory();
    cpSync(path.join(SAMPLE_SITE, "public", "css"), path.join(root, "public", "css"), { recursive: true });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    const page = path.join(result.outputDir, HISTORY_URL, "index.html");
    expect(await htmlValidateErrors([page, path.join(result.outputDir, STORY_URL, "index.html")], result.outputDir)).toEqual([]);
    expect((await vnuErrors(result.outputDir)).filter((problem) => problem.includes("history"))).toEqual([]);
    const server = await serveFolder(result.outputDir);
    const browser = await launchChromium();
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ colorScheme });
        const tab = await context.newPage();
        await tab.goto(`${server.origin}${HISTORY_URL}`);
        const { violations } = await new AxeBuilder({ page: tab }).analyze();
        expect(violations.map((violation) => `${colorScheme} ${violation.id}: ${violation.nodes.map((node) => String(node.target)).join(", ")}`)).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
