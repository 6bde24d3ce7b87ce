import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { loadSite } from "./load-site.ts";
import type { BuildMode } from "./model/types.ts";

/** Options for one check. */
export interface CheckOptions {
  /** Absolute path of the project root. */
  root: string;
  /** `production` (default) checks what a build would publish; `preview` checks as the preview shows it. */
  mode?: BuildMode;
  /** Reference time for scheduling, ms since the epoch; defaults to now. */
  now?: number;
  /** Replaces the config's `url` (from `TIDINGS_URL`). */
  siteUrl?: string | undefined;
  /** Check as the deploy build does: refuse the sample and setup's placeholder text. */
  deploy?: boolean | undefined;
}

/** What a check found. */
export interface CheckResult {
  /** True when there is no error (warnings allowed), i.e. `build` would go ahead. */
  ok: boolean;
  /** Every problem, sorted, exactly as `build` reports them. */
  diagnostics: Diagnostic[];
  /** Content files read. */
  files: number;
  /** Articles a build would publish now. */
  articles: number;
  /** Milliseconds the check took. */
  duration: number;
}

/**
 * Check the config and all content the way `build` does (the same loading, validation, rendering
 * and whole-site checks, so the same messages) without running Eleventy or writing anything.
 */
export function check(options: CheckOptions): CheckResult {
  const startedAt = performance.now();
  const { site, diagnostics, files } = loadSite({
    root: options.root,
    mode: options.mode ?? "production",
    siteUrl: options.siteUrl,
    deploy: options.deploy,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    ok: site !== undefined && !hasErrors(diagnostics),
    diagnostics,
    files,
    articles: site?.articles.length ?? 0,
    duration: performance.now() - startedAt,
  };
}
