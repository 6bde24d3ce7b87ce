import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { htmlValidateErrors, vnuErrors } from "../support/html-validators.ts";
import { htmlFiles } from "../support/site-files.ts";

const { outputDir } = inject("sampleBuild");

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
