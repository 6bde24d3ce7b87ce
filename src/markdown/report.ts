import type { Node } from "unist";
import type { VFile } from "vfile";
import type { Severity } from "../diagnostics/diagnostic.ts";

/** The `source` of every message the Markdown plugins add, so codes read `markdown/<rule>`. */
export const messageSource = "markdown";

/** One problem a plugin found, in the words an editor will read. */
export interface Problem {
  severity: Severity;
  /** Rule name after `markdown/`, e.g. `image-alt`. */
  rule: string;
  /** What is wrong, in a plain sentence. */
  message: string;
  /** What to do about it, in a plain sentence. */
  fix: string;
}

/**
 * Record a problem on the file at `node`'s place. Plugins speak vfile messages (as every unified
 * plugin does) so they stay usable on their own; `renderMarkdown` turns them into diagnostics.
 */
export function report(file: VFile, node: Node | undefined, problem: Problem): void {
  const message = file.message(problem.message, {
    place: node?.position,
    ruleId: problem.rule,
    source: messageSource,
  });
  // vfile marks errors with `fatal: true`; `file.fail` would throw and stop at the first one.
  message.fatal = problem.severity === "error";
  message.note = problem.fix;
}

/** Shorten a value quoted in a message, so a 2 MB `data:` URL does not flood the terminal. */
export function quote(value: string, max = 40): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return `“${short}”`;
}
