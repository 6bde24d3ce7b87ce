import GithubSlugger, { slug } from "github-slugger";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";
import { report } from "../report.ts";
import { SKIP, walk } from "../walk.ts";

/** Options for `rehypeHeadingIds`. */
export interface RehypeHeadingIdsOptions {
  /** Ids no heading may take on any page; the per-render `file.data.reservedIds` are added. */
  reservedIds?: readonly string[];
}

const rankOf: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Give every heading a unique id and keep the headline the page's only h1.
 * - When the body uses `#`, every heading moves one level down (h1→h2, h2→h3 …, h6 stays h6),
 *   keeping their relative order.
 * - Ids come from github-slugger and never equal a reserved id, an id already in the body
 *   (footnotes, raw HTML) or each other: a clash gets `-1`, `-2` … as duplicates do.
 * - A heading that skips a level (## then ####) gets a warning: screen readers navigate by level.
 * rehype-slug cannot be told about reserved or existing ids, hence this plugin.
 */
export function rehypeHeadingIds(options: RehypeHeadingIdsOptions = {}) {
  return function (tree: Root, file: VFile): undefined {
    const taken = [...(options.reservedIds ?? []), ...(file.data.reservedIds ?? [])];
    const headings: Element[] = [];
    // Footnote headings (the hidden "Footnotes" label) need ids but sit outside the outline.
    const asides: Element[] = [];
    const collect = (into: Element[], node: Element) => {
      if (typeof node.properties.id === "string") taken.push(node.properties.id);
      if (rankOf[node.tagName] !== undefined) into.push(node);
    };
    walk(tree, (node) => {
      if (node.type !== "element") return undefined;
      collect(headings, node);
      if (node.tagName === "section" && node.properties.dataFootnotes !== undefined) {
        walk(node, (inner) => {
          if (inner.type === "element") collect(asides, inner);
          return undefined;
        });
        return SKIP;
      }
      return undefined;
    });

    shiftAndCheck(headings, file);
    const slugger = new GithubSlugger();
    for (const id of taken) slugger.occurrences[id] = 0;
    for (const heading of [...headings, ...asides]) {
      if (typeof heading.properties.id === "string") continue;
      const text = toString(heading);
      // Headings of only punctuation or emoji slug to "", which is not a valid id.
      heading.properties.id = slugger.slug(slug(text) === "" ? "section" : text);
    }
  };
}

/** Move headings down a level when the body uses h1, and warn about skipped levels. */
function shiftAndCheck(headings: readonly Element[], file: VFile): void {
  const shift = headings.some((heading) => heading.tagName === "h1") ? 1 : 0;
  let previous = 1; // The headline.
  for (const heading of headings) {
    const written = rankOf[heading.tagName] ?? 6;
    const rank = Math.min(6, written + shift);
    heading.tagName = `h${rank}`;
    if (rank > previous + 1) {
      const expected = "#".repeat(previous + 1 - shift);
      const after =
        previous === 1
          ? "the first subheading should be"
          : `the heading before it is ${"#".repeat(previous - shift)}, so this one should be at most`;
      report(file, heading, {
        severity: "warning",
        rule: "heading-rank",
        message: `the heading “${toString(heading).trim()}” (${"#".repeat(written)}) skips a level: ${after} ${expected}`,
        fix: `Use ${expected} here, so screen-reader users can follow the article's outline.`,
      });
    }
    previous = rank;
  }
}
