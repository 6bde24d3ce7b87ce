import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { longReadBody } from "../../bench/generate-long-read.ts";
import { build } from "../../src/build.ts";
import { MAX_FILE_BYTES, tooLargeMessage } from "../../src/content/load-files.ts";
import { copyFixture, readPage } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const MB = 1024 * 1024;

describe("tooLargeMessage", () => {
  it("gives both sizes with units and exact bytes, so a file just over the limit is not shown as equal to it", () => {
    expect(tooLargeMessage(10 * MB + 1, 10 * MB)).toBe("the file is 10.0 MB (10,485,761 bytes); the limit is 10 MB (10,485,760 bytes)");
    expect(tooLargeMessage(12_345_678, MAX_FILE_BYTES)).toBe("the file is 11.8 MB (12,345,678 bytes); the limit is 10 MB (10,485,760 bytes)");
  });

  it("allows long reads of at least 10 MB", () => {
    expect(MAX_FILE_BYTES).toBeGreaterThanOrEqual(10 * MB);
  });
});

describe("a 2 MB long read", () => {
  it("builds, and its page holds the whole transcript", { timeout: 120_000 }, async () => {
    const root = copyFixture("newsroom");
    const body = `${longReadBody(2 * MB, 11)}\n\nThe hearing was adjourned at 4.12pm.`;
    const source = `---\ntitle: The ferry strike inquiry, day by day\ndate: 2026-11-25 09:00\nbyline: Priya Raman\ntags: [Courts]\n---\n${body}\n`;
    expect(Buffer.byteLength(source)).toBeGreaterThan(2 * MB);
    writeFileSync(path.join(root, "content/articles/2026/ferry-inquiry.md"), source);
    const result = await build({ root, now: NOW, outputDir: "_site" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    const $ = readPage(result.outputDir, "/2026/11/25/ferry-inquiry/");
    expect($("h1").text()).toBe("The ferry strike inquiry, day by day");
    const subheads = body.split("\n").filter((line) => line.startsWith("## ")).length;
    expect($("article h2").filter((_, element) => $(element).text().startsWith("Day ")).length).toBe(subheads);
    expect($(".article-body p").last().text()).toBe("The hearing was adjourned at 4.12pm.");
    expect($(".article-body p, .article-body blockquote, .article-body li").length).toBeGreaterThan(5000);
  });
});
