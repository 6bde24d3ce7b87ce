import { type SiteConfig } from "../config/config.ts";
import { CONFIG_FILE } from "../content/config-file.ts";
import { closestMatch } from "../core/describe-value.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Article, Section, SectionRef } from "../model/types.ts";
import { feedPath } from "../model/urls.ts";
import { CONTENT_FOLDERS } from "../content/load-files.ts";

const ARTICLES_FOLDER = `content/${CONTENT_FOLDERS.article}`;

/** What an article says about its section: its `section` field (and its line) and its tags. */
export interface SectionClaim {
  file: string;
  section?: string | undefined;
  line?: number | undefined;
  tags: readonly string[];
}

/**
 * The one section an article belongs to, by this precedence: the one its `section` field names
 * (by name or slug, any case), else the section whose folder holds its file (the deepest folder
 * wins), else the first section listing one of its tags, else the first section. A site without
 * sections has none. A `section` naming no section is an error with a "did you mean".
 */
export function chooseSection(claim: SectionClaim, config: SiteConfig): { section?: SectionRef; diagnostic?: Diagnostic } {
  const sections = config.sections;
  const first = sections[0];
  if (first === undefined) {
    if (claim.section === undefined) return {};
    return {
      diagnostic: error("front-matter/section", claim.file, `\`section\` is "${claim.section}", but ${CONFIG_FILE} lists no sections`, {
        line: claim.line,
        field: "section",
        fix: `Remove \`section\`, or add a \`sections\` list to ${CONFIG_FILE}.`,
      }),
    };
  }
  const ref = (section: (typeof sections)[number]): SectionRef => ({ name: section.name, slug: section.slug, url: section.url });
  if (claim.section !== undefined) {
    const wanted = claim.section.toLowerCase();
    const named = sections.find((section) => section.name.toLowerCase() === wanted || section.slug === wanted);
    if (named) return { section: ref(named) };
    const names = sections.map((section) => section.name);
    const suggestion = closestMatch(claim.section, names);
    return {
      section: ref(first),
      diagnostic: error("front-matter/section", claim.file, `\`section\` is "${claim.section}", which is not a section${suggestion ? `; did you mean "${suggestion}"?` : ""}`, {
        line: claim.line,
        field: "section",
        fix: `Use one of: ${names.join(", ")} (the sections in ${CONFIG_FILE}).`,
      }),
    };
  }
  const byFolder = sectionByFolder(claim.file, sections);
  if (byFolder !== undefined) return { section: ref(byFolder) };
  const tags = new Set(claim.tags.map((tag) => tag.toLowerCase()));
  const byTag = sections.find((section) => section.tags.some((tag) => tags.has(tag.toLowerCase())));
  return { section: ref(byTag ?? first) };
}

/**
 * The section whose folder (below content/articles/) holds `file`, at any depth; of two that
 * both do, the deeper folder, then the earlier section. A folder is a whole path segment:
 * `politics` holds content/articles/politics/… but not content/articles/politics-extra/….
 */
export function sectionByFolder<S extends SiteConfig["sections"][number]>(file: string, sections: readonly S[]): S | undefined {
  const prefix = `${ARTICLES_FOLDER}/`;
  if (!file.startsWith(prefix)) return undefined;
  const inside = file.slice(prefix.length);
  let best: { section: S; depth: number } | undefined;
  for (const section of sections) {
    for (const folder of section.folders) {
      if (!inside.startsWith(`${folder}/`)) continue;
      const depth = folder.split("/").length;
      if (best === undefined || depth > best.depth) best = { section, depth };
    }
  }
  return best?.section;
}

/** Every section of the config with its listed articles (newest first, as `listed` is) and its feed's address. */
export function buildSections(config: SiteConfig, listed: readonly Article[]): Section[] {
  return config.sections.map((section) => {
    const built: Section = {
      name: section.name,
      slug: section.slug,
      url: section.url,
      feed: feedPath(section.url),
      articles: listed.filter((article) => article.section?.slug === section.slug),
    };
    if (section.description !== undefined) built.description = section.description;
    return built;
  });
}
