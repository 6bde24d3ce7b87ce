/** How serious a problem is: errors stop the build, warnings are printed and the build goes on. */
export type Severity = "error" | "warning";

/**
 * One problem found in the editors' files, precise enough to fix without help:
 * where it is, which field, what was expected, what was found and what to do.
 */
export interface Diagnostic {
  severity: Severity;
  /** A stable code an editor can search the guide for, e.g. `front-matter/date`. */
  code: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in `file`, when the problem has a place. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** The front-matter or config field path, e.g. `sources[1].url`. */
  field?: string;
  /** What is wrong, in a plain sentence. */
  message: string;
  /** What to do about it, in a plain sentence. */
  fix?: string;
}

/** Values for the optional parts of a diagnostic; `undefined` leaves a part out. */
export interface DiagnosticParts {
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
  fix?: string | undefined;
}

/** Build an error diagnostic; optional parts that are `undefined` are left out. */
export function error(code: string, file: string, message: string, parts: DiagnosticParts = {}): Diagnostic {
  return make("error", code, file, message, parts);
}

/** Build a warning diagnostic; optional parts that are `undefined` are left out. */
export function warning(code: string, file: string, message: string, parts: DiagnosticParts = {}): Diagnostic {
  return make("warning", code, file, message, parts);
}

function make(severity: Severity, code: string, file: string, message: string, parts: DiagnosticParts): Diagnostic {
  const diagnostic: Diagnostic = { severity, code, file, message };
  // Written field by field because `exactOptionalPropertyTypes` forbids explicit undefineds.
  if (parts.line !== undefined) diagnostic.line = parts.line;
  if (parts.column !== undefined) diagnostic.column = parts.column;
  if (parts.field !== undefined) diagnostic.field = parts.field;
  if (parts.fix !== undefined) diagnostic.fix = parts.fix;
  return diagnostic;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sort diagnostics by file, line, column and code so every run prints them in the same order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Locale-independent string comparison, so output never depends on the build machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
