import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config.ts";
import { configFields, flowYaml, type ConfigField } from "./config-fields.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const reference = readFileSync(path.join(REPOSITORY, "docs", "configuration.md"), "utf8");

/** The reference's table rows by the field paths in their first cell: `| `a.b`, `a.c` | type | default | meaning |`. */
function documentedRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const cells = line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim());
    for (const [, fieldPath = ""] of (cells[0] ?? "").matchAll(/`([A-Za-z][\w.]*)`/g)) rows.set(fieldPath, cells);
  }
  return rows;
}

const fields = configFields(configSchema);
const rows = documentedRows(reference);
// Environment variables share the page's table format; they are not config fields.
const documentedFields = [...rows.keys()].filter((key) => !key.startsWith("TIDINGS_"));

describe("docs/configuration.md", () => {
  it("walks the whole schema (so the next tests cannot pass by finding nothing)", () => {
    const paths = fields.map((field) => field.path);
    for (const known of [
      "name",
      "url",
      "navigation.label",
      "sections.folders",
      "donation.provider.name",
      "donation.provider.template",
      "donation.frequencies.monthly.amounts.pays",
      "donation.variants.until",
      "newsletter.username",
      "images.widths",
      "editor.backend",
    ]) {
      expect(paths).toContain(known);
    }
    expect(paths.length).toBeGreaterThan(80);
  });

  it("has a row for every field of tidings.config.yml", () => {
    const missing = fields.map((field) => field.path).filter((fieldPath) => !rows.has(fieldPath));
    expect(missing, "config fields without a row in docs/configuration.md").toEqual([]);
  });

  it("has no row for a field the schema does not have", () => {
    const known = new Set(fields.map((field) => field.path));
    expect(
      documentedFields.filter((fieldPath) => !known.has(fieldPath)),
      "rows for fields that do not exist",
    ).toEqual([]);
  });

  it("gives every default the schema fills in, and marks the required fields", () => {
    const wrong: string[] = [];
    const check = (field: ConfigField, cells: string[]) => {
      const stated = cells[2] ?? "";
      if (field.required !== stated.includes("required"))
        wrong.push(
          `${field.path}: ${field.required ? "required, but the row does not say so" : `not required, but the row says "${stated}"`}`,
        );
      // A group's default is its fields' defaults, which their own rows give.
      const isGroup =
        field.default !== null &&
        typeof field.default === "object" &&
        !Array.isArray(field.default) &&
        fields.some((other) => other.path.startsWith(`${field.path}.`));
      if ("default" in field && !isGroup && !stated.includes(`\`${flowYaml(field.default)}\``))
        wrong.push(`${field.path}: the default is \`${flowYaml(field.default)}\`, the row says "${stated}"`);
    };
    for (const field of fields) {
      const cells = rows.get(field.path);
      if (cells) check(field, cells);
    }
    expect(wrong).toEqual([]);
  });

  it("names every value a field with a fixed set of values takes", () => {
    const missing: string[] = [];
    for (const field of fields) {
      const row = (rows.get(field.path) ?? []).join(" | ");
      for (const value of field.values ?? []) if (!row.includes(`\`${value}\``)) missing.push(`${field.path}: \`${value}\``);
    }
    expect(missing).toEqual([]);
  });
});
