import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { renderMarkdown } from "../../src/render/render-markdown.ts";

// Each folder holds `input.md`, the expected `output.html` and, when the case has problems, the
// expected `diagnostics.txt`. Run with UPDATE=1 to rewrite the expectations, then review the diff.
const root = fileURLToPath(new URL("../fixtures/markdown", import.meta.url));
const update = process.env["UPDATE"] === "1";
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Where the page puts the donation block between the two parts.
const donationBlock = "\n<!-- ===== donation block ===== -->\n";

describe("Markdown fixtures", () => {
  it("finds the fixture cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)("renders %s as expected", (name) => {
    const folder = path.join(root, name);
    const source = readFileSync(path.join(folder, "input.md"), "utf8");
    const result = renderMarkdown(source, {
      file: `tests/fixtures/markdown/${name}/input.md`,
      bodyLine: 1,
      reservedIds: ["main", "sources", "corrections", "donate"],
      siteHosts: ["news.example.org"],
    });
    const html = `${result.parts.join(donationBlock)}\n`;
    const diagnostics = result.diagnostics.map(formatDiagnostic).join("");
    const htmlFile = path.join(folder, "output.html");
    const diagnosticsFile = path.join(folder, "diagnostics.txt");

    if (update) {
      writeFileSync(htmlFile, html);
      if (diagnostics === "") rmSync(diagnosticsFile, { force: true });
      else writeFileSync(diagnosticsFile, diagnostics);
      return;
    }
    expect(html).toBe(readFileSync(htmlFile, "utf8"));
    expect(diagnostics).toBe(existsSync(diagnosticsFile) ? readFileSync(diagnosticsFile, "utf8") : "");
  });
});

function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.line ?? 0}:${diagnostic.column ?? 0} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message} | ${diagnostic.fix ?? ""}\n`;
}
