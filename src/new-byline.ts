import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFrontMatter } from "./content/front-matter.ts";
import { BYLINE_PLACEHOLDER } from "./checks/check-bylines.ts";
import { matchKey } from "./core/slugs.ts";

/** An author file's names, as bylines may spell them. */
export interface AuthorNames {
  name: string;
  aliases: readonly string[];
}

/** Where a new article's byline came from: the command line, the editor's git name, or nowhere (the placeholder). */
export type BylineSource = "option" | "git" | "placeholder";

/**
 * Choose a new article's byline: the names given with `--byline`; else the editor's git
 * `user.name` when it matches an author file's name or alias (written as the author file spells
 * the name, so the byline links to the author's page); else the placeholder. A git name that
 * matches no author is not used: a login such as "pr-laptop" must not become a published byline.
 */
export function chooseByline(input: { given: readonly string[]; gitName: string | undefined; authors: readonly AuthorNames[] }): {
  bylines: string[];
  source: BylineSource;
} {
  if (input.given.length > 0) return { bylines: [...input.given], source: "option" };
  const gitKey = input.gitName === undefined ? "" : matchKey(input.gitName);
  const author =
    gitKey === ""
      ? undefined
      : input.authors.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => matchKey(name) === gitKey));
  return author ? { bylines: [author.name], source: "git" } : { bylines: [BYLINE_PLACEHOLDER], source: "placeholder" };
}

/** The name and aliases in every readable author file under `content/authors/`; files with problems are skipped (check reports them). */
export function loadAuthorNames(root: string): AuthorNames[] {
  const folder = path.join(root, "content", "authors");
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith(".md"))
      .sort();
  } catch {
    return [];
  }
  const authors: AuthorNames[] = [];
  for (const name of names) {
    const parsed = parseFrontMatter(readFileSync(path.join(folder, name), "utf8"), `content/authors/${name}`);
    if (!parsed.ok) continue;
    const { name: authorName, aliases } = parsed.value.data;
    if (typeof authorName !== "string") continue;
    authors.push({
      name: authorName.trim(),
      aliases: Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === "string") : [],
    });
  }
  return authors;
}

/** The editor's `git config user.name` in `root`, or undefined when git is missing or it is not set. */
export function gitUserName(root: string): string | undefined {
  const result = spawnSync("git", ["config", "user.name"], { cwd: root, encoding: "utf8", timeout: 5000 });
  const name = result.status === 0 ? result.stdout.trim() : "";
  return name === "" ? undefined : name;
}
