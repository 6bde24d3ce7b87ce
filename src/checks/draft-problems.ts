import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** Added to the fix of every draft problem a production build or check demotes to a warning. */
export const DRAFT_NOTE = "This file is a draft, so the site is published without it; fix this before you delete `draft: true`.";

/**
 * Turn the errors in draft files into warnings, for production builds and checks: an unfinished
 * draft must never stop the rest of the newsroom from publishing (issue 11). The preview and
 * `check --preview` keep them as errors, so the editor sees the whole list while writing.
 * Problems in published files stay errors, including a published article that links to a draft.
 */
export function demoteDraftProblems(diagnostics: readonly Diagnostic[], drafts: ReadonlySet<string>): Diagnostic[] {
  if (drafts.size === 0) return [...diagnostics];
  return diagnostics.map((diagnostic) =>
    diagnostic.severity === "error" && drafts.has(diagnostic.file)
      ? { ...diagnostic, severity: "warning", fix: diagnostic.fix ? `${diagnostic.fix} ${DRAFT_NOTE}` : DRAFT_NOTE }
      : diagnostic,
  );
}
