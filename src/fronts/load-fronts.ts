import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { closestMatch } from "../core/describe-value.ts";
import { readTextFile } from "../content/read-text-file.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { FRONTS_DIR, HOME_FRONT_FILE, parseFront, type ParsedFront } from "./fronts.ts";

/** The fronts in content/fronts/, validated: the home page's, each section's by slug, and every problem. */
export interface LoadedFronts {
  home?: ParsedFront;
  sections: Map<string, ParsedFront>;
  diagnostics: Diagnostic[];
  /** How many fronts files were read. */
  files: number;
}

/**
 * Read content/fronts/: `home.yml` curates the home page, `<section slug>.yml` a section's page.
 * A file named after no section is an error (with a "did you mean"), since it would otherwise be
 * silently ignored and the editor left wondering why the page did not change.
 */
export function loadFronts(root: string, config: { sections: readonly { slug: string }[] }): LoadedFronts {
  const loaded: LoadedFronts = { sections: new Map(), diagnostics: [], files: 0 };
  const folder = path.join(root, FRONTS_DIR);
  if (!existsSync(folder)) return loaded;
  const slugs = config.sections.map((section) => section.slug);
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort();
  for (const name of names) {
    const file = `${FRONTS_DIR}/${name}`;
    const slug = name.replace(/\.ya?ml$/, "");
    loaded.files++;
    if (file !== HOME_FRONT_FILE && !slugs.includes(slug)) {
      const suggestion = closestMatch(slug, ["home", ...slugs]);
      loaded.diagnostics.push(
        error("front/file", file, `there is no section "${slug}" for this front${suggestion ? `; did you mean ${suggestion}.yml?` : ""}`, {
          line: 1,
          fix: `Name a fronts file home.yml or after a section's slug in ${CONFIG_FILE} (${slugs.join(", ") || "no sections yet"}).`,
        }),
      );
      continue;
    }
    const read = readTextFile(path.join(folder, name), file);
    const parsed: ReturnType<typeof parseFront> = read.ok ? parseFront(read.text, file) : { diagnostics: read.diagnostics };
    loaded.diagnostics.push(...parsed.diagnostics);
    if (parsed.front === undefined) continue;
    if (file === HOME_FRONT_FILE) loaded.home = parsed.front;
    else loaded.sections.set(slug, parsed.front);
  }
  return loaded;
}
