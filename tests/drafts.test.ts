import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { check } from "../src/check.ts";
import { BYLINE_PLACEHOLDER } from "../src/checks/check-bylines.ts";
import { DRAFT_NOTE } from "../src/checks/draft-problems.ts";
import { copyFixture, writeFiles } from "./support/fixture-site.ts";
import { tempFolder } from "./support/temp-folder.ts";

// After every fixture article but the draft and the 2099 one.
const NOW = Date.UTC(2026, 10, 27, 12);
const REPOSITORY = path.resolve(import.meta.dirname, "..");
const TSX = path.join(REPOSITORY, "node_modules", ".bin", "tsx");
const CLI = path.join(REPOSITORY, "src", "cli.ts");
const run = promisify(execFile);

// A draft with three kinds of problem: a missing field, a bad value, and a picture that does not exist.
const BROKEN_DRAFT = "content/articles/2026/unfinished.md";
const BROKEN_DRAFT_TEXT = `---
title: Unfinished
date: 2026-11-20
draft: true
tags: [Council]
type: gossip
image: { src: images/missing.jpg, alt: Nothing }
---
Half a story.
`;

/** Every file of a built site, as sorted project paths. */
function listOutput(outputDir: string): string[] {
  return readdirSync(outputDir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** Run the real command line in `root` with git reading only `gitConfig` (or no config at all). */
async function cli(root: string, args: string[], gitConfig = "/dev/null"): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: "1", TIDINGS_THREADS: "1" };
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe("drafts never block publishing", () => {
  it("reports a draft's problems as warnings in check and the production build, which publishes everything else", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { [BROKEN_DRAFT]: BROKEN_DRAFT_TEXT });
    const checked = check({ root, now: NOW });
    const draftProblems = checked.diagnostics.filter((d) => d.file === BROKEN_DRAFT);
    expect(checked.ok).toBe(true);
    expect(draftProblems.map((d) => [d.severity, d.code, d.field])).toEqual([
      ["warning", "front-matter/byline", "byline"],
      ["warning", "front-matter/type", "type"],
    ]);
    for (const problem of draftProblems) expect(problem.fix).toContain(DRAFT_NOTE);

    const built = await build({ root, now: NOW, outputDir: "_site" });
    expect(built.ok).toBe(true);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(listOutput(built.outputDir).some((file) => file.includes("unfinished"))).toBe(false);
  });

  it("keeps them errors, in full, in the preview and check --preview", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { [BROKEN_DRAFT]: BROKEN_DRAFT_TEXT });
    const checked = check({ root, now: NOW, mode: "preview" });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics.filter((d) => d.file === BROKEN_DRAFT).map((d) => [d.severity, d.code])).toEqual([
      ["error", "front-matter/byline"],
      ["error", "front-matter/type"],
    ]);
    // Once its front matter is valid, its missing picture is the next error the preview shows.
    writeFiles(root, { [BROKEN_DRAFT]: BROKEN_DRAFT_TEXT.replace("type: gossip", "byline: Priya Raman") });
    const preview = await build({ root, now: NOW, mode: "preview", outputDir: "_preview" });
    expect(preview.ok).toBe(false);
    expect(preview.diagnostics.filter((d) => d.file === BROKEN_DRAFT).map((d) => [d.severity, d.code])).toEqual([["error", "content/image-missing"]]);
    const production = check({ root, now: NOW });
    expect(production.ok).toBe(true);
    expect(production.diagnostics.filter((d) => d.file === BROKEN_DRAFT).map((d) => [d.severity, d.code])).toEqual([["warning", "content/image-missing"]]);
  });

  it("still stops a published article that is broken, and one that links to a draft", () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      [BROKEN_DRAFT]: BROKEN_DRAFT_TEXT.replace("draft: true\n", ""),
      "content/articles/2026/links-to-draft.md": "---\ntitle: Links\ndate: 2026-11-21\nbyline: Priya Raman\n---\nSee [the draft](draft-story.md).\n",
    });
    const checked = check({ root, now: NOW });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.code])).toEqual([
      ["content/articles/2026/links-to-draft.md", "site/link-to-draft"],
      [BROKEN_DRAFT, "front-matter/byline"],
      [BROKEN_DRAFT, "front-matter/type"],
    ]);
  });
});

describe("npm run new, then npm run build", () => {
  it("succeeds and publishes nothing new: the byline is a placeholder the preview flags", { timeout: 120_000 }, async () => {
    const root = copyFixture("newsroom");
    const first = await cli(root, ["build"]);
    expect(first.code, first.stderr).toBe(0);
    const before = listOutput(path.join(root, "_site"));

    const created = await cli(root, ["new", "Any headline"]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Replace \`byline: ${BYLINE_PLACEHOLDER}\``);
    const file = /Created (\S+\.md)/.exec(created.stdout)?.[1] ?? "";
    expect(readFileSync(path.join(root, file), "utf8")).toContain(`byline: ${BYLINE_PLACEHOLDER}\n`);

    const second = await cli(root, ["build"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain("content/byline-placeholder");
    expect(listOutput(path.join(root, "_site"))).toEqual(before);
    for (const page of before.filter((name) => /\.(html|xml|json)$/.test(name))) {
      expect(readFileSync(path.join(root, "_site", page), "utf8"), page).not.toContain("Any headline");
    }

    // The preview check shows the draft and flags the placeholder without refusing it.
    const preview = check({ root, mode: "preview" });
    expect(preview.diagnostics.filter((d) => d.file === file).map((d) => [d.severity, d.code, d.line])).toEqual([
      ["warning", "content/byline-placeholder", 12],
    ]);
    // Published with the placeholder still in it, it is an error.
    writeFileSync(path.join(root, file), readFileSync(path.join(root, file), "utf8").replace("draft: true\n", ""));
    expect(check({ root }).diagnostics.filter((d) => d.file === file).map((d) => [d.severity, d.code])).toEqual([
      ["error", "content/byline-placeholder"],
    ]);
  });

  it("fills the byline from the editor's git name when it matches an author", { timeout: 60_000 }, async () => {
    const root = copyFixture("newsroom");
    const gitConfig = path.join(tempFolder("git"), "gitconfig");
    writeFileSync(gitConfig, "[user]\n\tname = p. raman\n");
    const created = await cli(root, ["new", "Bridge reopens"], gitConfig);
    expect(created.code, created.stderr).toBe(0);
    const file = /Created (\S+\.md)/.exec(created.stdout)?.[1] ?? "";
    expect(readFileSync(path.join(root, file), "utf8")).toContain("byline: Priya Raman\n");
    expect(check({ root, mode: "preview" }).diagnostics.filter((d) => d.file === file)).toEqual([]);
  });
});
