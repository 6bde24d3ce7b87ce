import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fileDigest, readSampleRecord, recordSample, SAMPLE_RECORD_FILE } from "../../src/checks/sample-record.ts";
import { SAMPLE_SITE } from "../support/sample-site.ts";

describe("the record of the sample newsroom (src/checks/sample-record.json)", () => {
  // Changed the sample's content or config? Run `npx vitest run --project unit tests/checks/sample-record.test.ts -u`
  // to record it again: setup recognises the sample by this record, and the deploy build its words.
  it("is the repository's sample, as it is now", async () => {
    const data = parse(readFileSync(path.join(SAMPLE_SITE, "tidings.config.yml"), "utf8")) as Record<string, unknown>;
    const record = recordSample(SAMPLE_SITE, data);
    await expect(`${JSON.stringify(record, null, 2)}\n`).toMatchFileSnapshot(SAMPLE_RECORD_FILE);
  });

  it("knows the sample by its content, its address and the Lantern's words, not by settings every newsroom has", () => {
    const record = readSampleRecord();
    expect(Object.keys(record.files)).toContain("content/pages/about.md");
    expect(Object.keys(record.files)).toContain("content/articles/2026/images/flood-wall-dusk.jpg");
    expect(Object.keys(record.files)).toContain("tidings.config.yml");
    expect(record.config.url).toBe("https://lantern.example.org");
    expect(record.config.copy).toEqual(expect.arrayContaining(["The Millbrook Lantern", "Keep the Lantern lit", "millbrook-lantern"]));
    for (const generic of ["News", "/about/", "GBP", "Europe/London", "en-GB", "monthly", "buttondown", "custom"])
      expect(record.config.copy).not.toContain(generic);
  });

  it("digests text the same with either line ending, and pictures byte for byte", () => {
    expect(fileDigest(Buffer.from("a\r\nb\r\n"))).toBe(fileDigest(Buffer.from("a\nb\n")));
    expect(fileDigest(Buffer.from([0, 13, 10]))).not.toBe(fileDigest(Buffer.from([0, 10])));
  });
});
