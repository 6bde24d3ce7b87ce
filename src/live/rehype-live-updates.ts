import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { isUpdateDirective, parseUpdateDirective } from "./update-directive.ts";
import { paragraphSource } from "../markdown/leaf-directive.ts";
import { report } from "../markdown/report.ts";

/** One `::update` line found by `rehypeLiveUpdates`: its marker in the tree, what it says, its 1-based body line. */
export interface LiveUpdateMark {
  marker: Element;
  time: string;
  title?: string;
  key?: true;
  line: number;
}

declare module "vfile" {
  interface DataMap {
    /** The live page's update lines, top to bottom; set by `rehypeLiveUpdates` when there are any. */
    liveUpdates: LiveUpdateMark[];
  }
}

/**
 * Find the `::update{time="…" title="…"}` lines of a live page: top-level paragraphs only, each
 * replaced by an empty marker element that `renderMarkdown` cuts the body at (the introduction
 * above the first line, then one part per update) and leaves out of the HTML. The marker keeps
 * the paragraph's index, so the donation split found before stays valid. A donation marker below
 * the first update is dropped with a warning: the short ask belongs in the introduction, not in
 * one update that scrolls away as others land. A malformed line is an error
 * (`markdown/live-update`) and stays as text. Whether the time is real, in order and inside the
 * coverage is checked by src/live/live-coverage.ts, which knows the site's time zone.
 */
export function rehypeLiveUpdates() {
  return function (tree: Root, file: VFile): undefined {
    const updates: NonNullable<VFile["data"]["liveUpdates"]> = [];
    let firstLine: Element | undefined;
    tree.children.forEach((node, index) => {
      if (node.type !== "element" || node.tagName !== "p") return;
      const source = paragraphSource(node, file);
      if (!isUpdateDirective(source)) return;
      const parsed = parseUpdateDirective(source);
      if (!parsed.ok) {
        report(file, node, { severity: "error", rule: "live-update", ...parsed.problem });
        return;
      }
      const marker: Element = { type: "element", tagName: "div", properties: {}, children: [] };
      tree.children[index] = marker;
      firstLine ??= node;
      updates.push({ marker, ...parsed.directive, line: node.position?.start.line ?? 1 });
    });
    if (updates.length === 0) return;
    const first = updates[0];
    const split = file.data.donateSplit;
    if (first !== undefined && split !== undefined && split > tree.children.indexOf(first.marker)) {
      delete file.data.donateSplit;
      report(file, firstLine, {
        severity: "warning",
        rule: "donate-marker",
        message: `the donation marker <!-- donate --> below the first update was ignored: on a live page it goes in the introduction`,
        fix: "Move <!-- donate --> above the first ::update line.",
      });
    }
    file.data.liveUpdates = updates;
  };
}
