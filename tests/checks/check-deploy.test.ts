import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDeploy, placeholderProblems } from "../../src/checks/check-deploy.ts";
import { findPlaceholders, placeholder } from "../../src/checks/placeholders.ts";
import { readSampleRecord } from "../../src/checks/sample-record.ts";
import { SAMPLE_SITE } from "../support/sample-site.ts";

const record = readSampleRecord();
const sampleConfig = readFileSync(path.join(SAMPLE_SITE, "tidings.config.yml"), "utf8");
const OWN_CONFIG = `name: The Harbour Courier
url: https://harbourcourier.news
donation:
  heading: Keep the Courier going
  text: Readers pay for our reporting.
  button: Donate
  url: /donate/
`;

describe("checkDeploy", () => {
  it("refuses the sample's address, its example.org donation links and its words, each with the line and a fix that names setup and demo", () => {
    const problems = checkDeploy({ configText: sampleConfig, placeholders: [], record });
    expect(problems.every((problem) => problem.code === "deploy/sample" && problem.severity === "error")).toBe(true);
    const byField = new Map(problems.map((problem) => [problem.field, problem]));
    expect(byField.get("url")?.message).toBe("`url` is still the sample's address, https://lantern.example.org");
    expect(byField.get("url")?.line).toBe(sampleConfig.split("\n").findIndex((line) => line.startsWith("url:")) + 1);
    expect(byField.get("donation.provider.template")?.message).toContain("the sample's donation link to donate.example.org");
    expect(byField.get("donation.provider.other")).toBeDefined();
    expect(byField.get("name")?.message).toMatch(
      /^`name`, `tagline`, `description`, `sections\.0\.description` and \d+ more still hold the sample newsroom's words/,
    );
    for (const problem of problems) expect(problem.fix).toContain("`demo: true`");
    expect(problems).toHaveLength(4);
  });

  it("passes a newsroom's own config, and finds an example.org link anywhere in it", () => {
    expect(checkDeploy({ configText: OWN_CONFIG, placeholders: [], record })).toEqual([]);
    const withExample = `${OWN_CONFIG}navigation:\n  - { label: Shop, url: "https://shop.example.com/courier" }\n`;
    expect(checkDeploy({ configText: withExample, placeholders: [], record })).toMatchObject([
      {
        code: "deploy/sample",
        field: "navigation.0.url",
        line: 9,
        message: "`navigation.0.url` is a link to shop.example.com, an example address that is nobody's site",
      },
    ]);
  });

  it("refuses every placeholder left in a published file, at its line", () => {
    const source = `---\ntitle: About us\n---\n${placeholder("Say who you are")}\n\nWe are here. ${placeholder("Where")} and ${placeholder("When")}\n`;
    expect(findPlaceholders(source)).toEqual([
      { line: 4, text: "⟦Say who you are⟧" },
      { line: 6, text: "⟦Where⟧" },
      { line: 6, text: "⟦When⟧" },
    ]);
    const problems = checkDeploy({ configText: OWN_CONFIG, placeholders: placeholderProblems({ file: "content/pages/about.md", source }), record });
    expect(problems.map((problem) => [problem.code, problem.file, problem.line])).toEqual([
      ["deploy/placeholder", "content/pages/about.md", 4],
      ["deploy/placeholder", "content/pages/about.md", 6],
      ["deploy/placeholder", "content/pages/about.md", 6],
    ]);
    expect(problems[0]?.message).toBe("placeholder text is still on this published page: ⟦Say who you are⟧");
  });
});
