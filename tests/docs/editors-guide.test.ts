import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_FIELDS } from "../../src/config/config.ts";
import { CAMPAIGN_FIELDS } from "../../src/donation/campaign.ts";
import { ARTICLE_FIELDS, AUTHOR_FIELDS, PAGE_FIELDS } from "../../src/content/schemas.ts";
import { messageSource } from "../../src/markdown/report.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const guide = readFileSync(path.join(REPOSITORY, "docs", "editors.md"), "utf8");

/** Every diagnostic code the code base can emit: written out in src/, or made from a field name. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  const sources = readdirSync(path.join(REPOSITORY, "src"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  for (const file of sources) {
    const text = readFileSync(path.join(REPOSITORY, "src", file), "utf8");
    // Codes are written as literals: `error("site/url-collision", …)`, `code: "markdown/too-deep"`,
    // or named first and reported later, as the link check does.
    for (const [, code = ""] of text.matchAll(/\b(?:error|warning)\(\s*"([a-z-]+\/[a-z-]+)"/g)) codes.add(code);
    for (const [, code = ""] of text.matchAll(/"((?:front-matter|config|yaml|content|markdown|site|build)\/[a-z-]+)"/g)) codes.add(code);
    for (const [, rule = ""] of text.matchAll(/\brule: "([a-z-]+)"/g)) codes.add(`${messageSource}/${rule}`);
  }
  // Validation problems are coded by field (report-issues.ts): `front-matter/date`, `config/url` …
  for (const field of [...(ARTICLE_FIELDS[""] ?? []), ...(AUTHOR_FIELDS[""] ?? []), ...(PAGE_FIELDS[""] ?? []), "unknown-field", "fields"]) {
    codes.add(`front-matter/${field}`);
  }
  for (const field of [...(CONFIG_FIELDS[""] ?? []), "unknown-field", "fields"]) codes.add(`config/${field}`);
  for (const field of [...CAMPAIGN_FIELDS, "unknown-field", "fields"]) codes.add(`campaign/${field}`);
  return codes;
}

describe("docs/editors.md", () => {
  const codes = emittedCodes();

  it("finds the codes in the source (so the next test cannot pass by finding none)", () => {
    for (const code of ["site/broken-link", "site/tag-case", "markdown/image-alt", "markdown/too-deep", "content/image-missing", "yaml/syntax", "build/template", "front-matter/expires", "config/timeZone"]) {
      expect(codes).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(60);
  });

  it("explains every diagnostic code the code base can emit", () => {
    const missing = [...codes].filter((code) => !guide.includes(`\`${code}\``)).sort();
    expect(missing, "codes missing from docs/editors.md").toEqual([]);
  });

  it("lists no code that does not exist", () => {
    const section = guide.slice(guide.indexOf("## What each message means"));
    const listed = [...section.matchAll(/`((?:front-matter|config|yaml|content|markdown|site|build|campaign)\/[A-Za-z-]+)`/g)].map((match) => match[1] ?? "");
    expect(listed.filter((code) => !codes.has(code))).toEqual([]);
  });
});
