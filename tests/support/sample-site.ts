import { cpSync } from "node:fs";
import path from "node:path";

/** Root of the repository, whose content/, public/ and tidings.config.yml are the sample site. */
export const SAMPLE_SITE = path.resolve(import.meta.dirname, "..", "..");

/** The build time the tests give the sample site: its 2027 article is still scheduled, the 2025 ones carry age notices. */
export const SAMPLE_SITE_NOW = Date.UTC(2026, 11, 1, 12);

/** Copy the sample site (The Millbrook Lantern: content, public files and config) into `root`. */
export function copySampleSiteInto(root: string): void {
  for (const part of ["content", "public", "tidings.config.yml"])
    cpSync(path.join(SAMPLE_SITE, part), path.join(root, part), { recursive: true });
}
