import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../support/temp-folder.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const CONFIG = path.join(REPOSITORY, ".dependency-cruiser.cjs");
const DEPCRUISE = path.join(REPOSITORY, "node_modules", ".bin", "depcruise");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Run dependency-cruiser over `src/` in `cwd` with the project's rules; answers the violations it reports. */
function cruise(cwd: string): Violation[] {
  const run = spawnSync(DEPCRUISE, ["src", "--config", CONFIG, "--output-type", "json"], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

/** A throwaway project with these files under it. */
function project(files: Record<string, string>): string {
  const root = tempFolder("deps");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("the shape of src/", () => {
  it("has no import cycle and no import that points up a layer", () => {
    const found = cruise(REPOSITORY).map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
    expect(found).toEqual([]);
  });

  it("catches a cycle made only of type imports", () => {
    const root = project({
      "src/model/article.ts": 'import type { Byline } from "./byline.ts";\nexport interface Article { bylines: Byline[] }\n',
      "src/model/byline.ts": 'import type { Article } from "./article.ts";\nexport interface Byline { articles: Article[] }\n',
    });
    expect(cruise(root).map((violation) => [violation.rule.name, violation.from])).toContainEqual(["no-cycle", "src/model/article.ts"]);
  });

  it("catches a lower layer importing a higher one, a feature importing another, and a folder with no layer", () => {
    const root = project({
      "src/core/slug.ts": 'import type { Article } from "../model/article.ts";\nexport const slug = (article: Article) => article.title;\n',
      "src/model/article.ts": "export interface Article { title: string }\n",
      "src/live/coverage.ts": 'import { embed } from "../embeds/embed.ts";\nexport const coverage = embed;\n',
      "src/embeds/embed.ts": "export const embed = 1;\n",
      "src/misc/helper.ts": 'import type { Article } from "../model/article.ts";\nexport type Helper = Article;\n',
    });
    const rules = cruise(root).map((violation) => `${violation.rule.name} ${violation.from} → ${violation.to}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "layer:core src/core/slug.ts → src/model/article.ts",
        "layer:live src/live/coverage.ts → src/embeds/embed.ts",
        "no-unknown-folder src/misc/helper.ts → src/model/article.ts",
      ]),
    );
  });
});
