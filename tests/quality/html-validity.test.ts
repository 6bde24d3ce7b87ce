import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { afterAll, describe, expect, inject, it } from "vitest";
import { htmlFiles } from "../support/site-files.ts";

const { outputDir } = inject("sampleBuild");
const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** Every html-validate error in these files as `file:line:column rule: message`, under the repository's .htmlvalidate.mjs. */
async function htmlValidateErrors(files: string[], base: string): Promise<string[]> {
  const { default: config } = (await import(pathToFileURL(path.join(REPOSITORY, ".htmlvalidate.mjs")).href)) as { default: ConfigData };
  const report = await new HtmlValidate(new StaticConfigLoader(config)).validateMultipleFiles(files);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${path.relative(base, result.filePath)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  );
}

/** Every error the Nu HTML Checker (vnu.jar, the W3C validator) finds in a folder's HTML files, as `file:line message`. */
async function vnuErrors(folder: string): Promise<string[]> {
  const args = ["-jar", VNU_JAR, "--skip-non-html", "--errors-only", "--format", "json", "--exit-zero-always", folder];
  const { stdout, stderr } = await promisify(execFile)("java", args, { maxBuffer: 16 * 1024 * 1024 });
  const { messages } = JSON.parse(stderr || stdout) as {
    messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string }[];
  };
  return messages
    .filter((message) => message.type === "error" || message.subType === "fatal")
    .map(
      (message) =>
        `${path.relative(folder, new URL(message.url ?? pathToFileURL(folder).href).pathname)}:${message.lastLine ?? "?"} ${message.message}`,
    );
}

describe("valid HTML in every page of the built sample site", () => {
  const pages = htmlFiles(outputDir);

  it("has pages of every kind to check", () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it("has no html-validate errors (rules: .htmlvalidate.mjs, which says why each changed rule is changed)", async () => {
    expect(await htmlValidateErrors(pages, outputDir)).toEqual([]);
  });

  it("has no errors from the Nu HTML Checker", async () => {
    expect(await vnuErrors(outputDir)).toEqual([]);
  });
});

describe("the validators as this file runs them", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "tidings-invalid-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // Two errors both validators know: a duplicate id and an <li> outside any list.
  writeFileSync(
    path.join(folder, "bad.html"),
    '<!doctype html>\n<html lang="en"><head><title>Bad</title></head>\n<body><p id="x">a</p><p id="x">b</p>\n<li>loose</li></body></html>\n',
  );

  it("report errors in a page that has them", async () => {
    const [fromHtmlValidate, fromVnu] = await Promise.all([htmlValidateErrors([path.join(folder, "bad.html")], folder), vnuErrors(folder)]);
    expect(fromHtmlValidate.some((line) => line.includes("no-dup-id"))).toBe(true);
    expect(fromVnu.some((line) => line.startsWith("bad.html:3 ") && line.includes("Duplicate ID"))).toBe(true);
  });
});
