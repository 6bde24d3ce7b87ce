import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
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

/** The article of the sample whose history page the gates visit (SAMPLE_PAGES.history). */
const REVISED = "content/articles/2026/flood-wall-approved.md";

/**
 * Make the copy a newsroom's repository with a history: everything committed as published, then
 * one story revised a day later (a sentence added, its standfirst reworded), so the build has a
 * history page for the gates to visit, as a real newsroom's would.
 */
export function recordSampleHistory(root: string): void {
  const commit = (when: number, message: string) => {
    const date = new Date(when).toISOString();
    const env = { ...process.env, GIT_AUTHOR_NAME: "Lantern desk", GIT_AUTHOR_EMAIL: "desk@lantern.example.org", GIT_COMMITTER_NAME: "Lantern desk", GIT_COMMITTER_EMAIL: "desk@lantern.example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    execFileSync("git", ["-C", root, "add", "-A", "content", "tidings.config.yml", "public"], { env });
    execFileSync("git", ["-C", root, "commit", "-q", "-m", message], { env });
  };
  execFileSync("git", ["-C", root, "init", "-q", "-b", "main"]);
  commit(Date.UTC(2026, 10, 25, 8), "The Lantern as published");
  const file = path.join(root, REVISED);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, `${text.trimEnd()}\n\nThe council will publish the wall's final design in January, when a second consultation opens.\n`);
  commit(Date.UTC(2026, 10, 26, 9, 30), "Flood wall: add the design timetable");
}
