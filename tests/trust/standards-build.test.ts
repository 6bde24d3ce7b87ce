import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { check } from "../../src/check.ts";
import { readPage, writeFiles } from "../support/fixture-site.ts";
import { newsroomWithStandards } from "../support/trust-site.ts";
import { htmlValidateErrors } from "../support/html-validators.ts";
import { fileForSitePath } from "../support/site-files.ts";

// 27 November 2026, noon UTC: after every fixture article but the draft's and the future one's.
const NOW = Date.UTC(2026, 10, 27, 12);
const SITE = "https://gazette.example.org";

/** The line of the config on which `text` is written. */
function lineOf(root: string, text: string): number {
  return (
    readFileSync(path.join(root, "tidings.config.yml"), "utf8")
      .split("\n")
      .findIndex((line) => line.includes(text)) + 1
  );
}

describe("the newsroom's standards in the markup (the newsroom fixture)", () => {
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    result = await build({ root: newsroomWithStandards(), now: NOW });
    out = result.outputDir;
  }, 120_000);

  it("builds", () => {
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  });

  it("names every configured policy on the publisher in each article's structured data", () => {
    const $ = readPage(out, "/2026/11/24/flood-wall/");
    const data = JSON.parse($('script[type="application/ld+json"]').first().text()) as { publisher: Record<string, unknown> };
    expect(data.publisher).toMatchObject({
      "@type": "NewsMediaOrganization",
      publishingPrinciples: `${SITE}/standards/`,
      correctionsPolicy: `${SITE}/corrections-policy/`,
      ethicsPolicy: `${SITE}/standards/#ethics`,
      verificationFactCheckingPolicy: `${SITE}/standards/#checking-the-facts`,
      unnamedSourcesPolicy: `${SITE}/standards/#unnamed-sources`,
      diversityPolicy: "https://group.example.com/diversity",
      ownershipFundingInfo: `${SITE}/about/#funding`,
      masthead: `${SITE}/masthead/`,
      actionableFeedbackPolicy: `${SITE}/about/#contact`,
    });
  });

  it("lists the standards under “Our standards” in every page's footer, by their names", () => {
    for (const page of ["/", "/2026/11/24/flood-wall/", "/corrections/", "/tags/river/"]) {
      const $ = readPage(out, page);
      const nav = $("footer nav.footer-standards");
      expect(nav.attr("aria-label"), page).toBe("Our standards");
      expect(nav.find("h2").text()).toBe("Our standards");
      expect(
        nav
          .find("a")
          .map((_, a) => [[$(a).text(), $(a).attr("href")]])
          .get(),
      ).toEqual([
        ["Editorial standards", "/standards/"],
        ["Corrections policy", "/corrections-policy/"],
        ["Ethics policy", "/standards/#ethics"],
        ["How we check facts", "/standards/#checking-the-facts"],
        ["Unnamed sources", "/standards/#unnamed-sources"],
        ["Diversity policy", "https://group.example.com/diversity"],
        ["Ownership and funding", "/about/#funding"],
        ["Who we are", "/masthead/"],
        ["Reader feedback", "/about/#contact"],
      ]);
    }
  });

  it("writes valid HTML with the footer's standards", async () => {
    const files = ["/", "/2026/11/24/flood-wall/", "/standards/"].map((page) => fileForSitePath(out, page));
    expect(await htmlValidateErrors(files, out)).toEqual([]);
  });
});

describe("a policy the site does not publish", () => {
  it("is an error at its line of the config, for a missing page and for a missing section of one", () => {
    const root = newsroomWithStandards();
    writeFiles(root, {
      "tidings.config.yml": readFileSync(path.join(root, "tidings.config.yml"), "utf8")
        .replace('masthead: "/masthead/"', 'masthead: "/mastheads/"')
        .replace('ownershipFundingInfo: "/about/#funding"', 'ownershipFundingInfo: "/about/#money"'),
    });
    const result = check({ root, now: NOW });
    expect(result.ok).toBe(false);
    const problems = result.diagnostics
      .filter((d) => d.file === "tidings.config.yml")
      .map((d) => [d.severity, d.code, d.line, d.field, d.message, d.fix]);
    expect(problems).toEqual([
      [
        "error",
        "site/broken-fragment",
        lineOf(root, "ownershipFundingInfo:"),
        "standards.ownershipFundingInfo",
        "the link to /about/#money points at a section #money that content/pages/about.md does not have",
        "Sections you can link to there: #funding, #contact.",
      ],
      [
        "error",
        "site/broken-link",
        lineOf(root, "masthead:"),
        "standards.masthead",
        "the link to /mastheads/ leads nowhere: nothing is published at /mastheads/",
        "Did you mean /masthead/?",
      ],
    ]);
  });

  it("is an error when it names a draft page, which readers cannot open", () => {
    const root = newsroomWithStandards();
    writeFiles(root, { "content/pages/masthead.md": "---\ntitle: Who we are\ndraft: true\n---\nNot yet.\n" });
    const problems = check({ root, now: NOW }).diagnostics.filter((d) => d.file === "tidings.config.yml");
    expect(problems.map((d) => [d.code, d.line, d.field])).toEqual([
      ["site/link-to-draft", lineOf(root, "masthead:"), "standards.masthead"],
    ]);
  });
});
