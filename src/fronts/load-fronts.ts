import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE } from "../content/config-file.ts";
import { closestMatch } from "../core/describe-value.ts";
import { readTextFile } from "../content/read-text-file.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { FRONTS_DIR, parseFront, type ParsedFront } from "./fronts.ts";

/** One language's fronts: its home page's and its sections' by slug. */
export interface LanguageFronts {
  home?: ParsedFront;
  sections: Map<string, ParsedFront>;
}

/** The fronts in content/fronts/, validated: the home page's, each section's by slug, each further language's, and every problem. */
export interface LoadedFronts extends LanguageFronts {
  /** A further language's fronts (`home.cy.yml`, `news.cy.yml`), by its code. */
  languages: Map<string, LanguageFronts>;
  diagnostics: Diagnostic[];
  /** How many fronts files were read. */
  files: number;
}

/**
 * Read content/fronts/: `home.yml` curates the home page, `<section slug>.yml` a section's page,
 * and a further language's code before `.yml` (`home.cy.yml`, `news.cy.yml`) the same page in
 * that language's part of the site. A file named after no section is an error (with a "did you
 * mean"), since it would otherwise be silently ignored and the editor left wondering why the page
 * did not change.
 */
export function loadFronts(root: string, config: { sections: readonly { slug: string }[] }, languageCodes: readonly string[] = []): LoadedFronts {
  const loaded: LoadedFronts = { sections: new Map(), languages: new Map(), diagnostics: [], files: 0 };
  const folder = path.join(root, FRONTS_DIR);
  if (!existsSync(folder)) return loaded;
  const slugs = config.sections.map((section) => section.slug);
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort();
  for (const name of names) {
    const file = `${FRONTS_DIR}/${name}`;
    const stem = name.replace(/\.ya?ml$/, "");
    // `news.cy` is the Welsh part's front of the section `news`.
    const code = languageCodes.find((candidate) => stem.toLowerCase().endsWith(`.${candidate}`));
    const slug = code === undefined ? stem : stem.slice(0, -code.length - 1);
    const isHome = slug === "home";
    loaded.files++;
    if (!isHome && !slugs.includes(slug)) {
      const suggestion = closestMatch(slug, ["home", ...slugs]);
      loaded.diagnostics.push(
        error("front/file", file, `there is no section "${slug}" for this front${suggestion ? `; did you mean ${suggestion}.yml?` : ""}`, {
          line: 1,
          fix: `Name a fronts file home.yml or after a section's slug in ${CONFIG_FILE} (${slugs.join(", ") || "no sections yet"})${languageCodes.length > 0 ? `, with a further language's code before .yml for its part of the site (home.${languageCodes[0]}.yml)` : ""}.`,
        }),
      );
      continue;
    }
    const read = readTextFile(path.join(folder, name), file);
    const parsed: ReturnType<typeof parseFront> = read.ok ? parseFront(read.text, file) : { diagnostics: read.diagnostics };
    loaded.diagnostics.push(...parsed.diagnostics);
    if (parsed.front === undefined) continue;
    const fronts: LanguageFronts = code === undefined ? loaded : (loaded.languages.get(code) ?? { sections: new Map() });
    if (code !== undefined) loaded.languages.set(code, fronts);
    if (isHome) fronts.home = parsed.front;
    else fronts.sections.set(slug, parsed.front);
  }
  return loaded;
}
