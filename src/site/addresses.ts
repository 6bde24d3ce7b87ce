import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { isSafeSitePath } from "../model/urls.ts";

/** Top-level path segments that Tidings itself uses, which no standalone page or section may take. */
export const RESERVED_SEGMENTS = new Set([
  "tags",
  "authors",
  "page",
  "media",
  "assets",
  "search",
  "corrections",
  "feeds",
  "404",
  "latest",
  "series",
]);

/** True when a page or section slug would take an address the site itself uses (a reserved segment, or a year, which article addresses start with). */
export function isReservedSlug(slug: string): boolean {
  return RESERVED_SEGMENTS.has(slug) || /^\d{4}$/.test(slug);
}

/** A file's wish to be published at an address, with the line that decides it when there is one. */
export interface AddressClaim {
  sitePath: string;
  file: string;
  line?: number | undefined;
}

/**
 * The problems of the addresses content claims, in the order given (the first claimant of an
 * address keeps it): two files at one address, or an address that is not safe to publish.
 */
export function checkClaims(claims: readonly AddressClaim[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const claimed = new Map<string, string>();
  for (const { sitePath, file, line } of claims) {
    const previous = claimed.get(sitePath);
    if (previous !== undefined && previous !== file) {
      diagnostics.push(
        error("site/url-collision", file, `this would be published at ${sitePath}, the same address as ${previous}`, {
          line,
          fix: "Give one of the two a different `slug` (or rename its file).",
        }),
      );
    } else if (!isSafeSitePath(sitePath)) {
      diagnostics.push(
        error("site/unsafe-url", file, `the address ${sitePath} is not allowed`, {
          line,
          fix: "Use a slug made of lowercase letters, digits and hyphens.",
        }),
      );
    } else {
      claimed.set(sitePath, file);
    }
  }
  return diagnostics;
}
