import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/** README.md, every Markdown file under docs/, and the benchmark's notes the docs link to. */
function documentationFiles(): string[] {
  const docs = readdirSync(path.join(REPOSITORY, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("docs", file));
  const bench = readdirSync(path.join(REPOSITORY, "bench", "results"))
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("bench", "results", file));
  return ["README.md", ...docs, ...bench].sort();
}

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

type Node = Root | RootContent;
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/** The text of a heading as GitHub slugs it: its words and code, without the Markdown around them. */
function plainText(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map(plainText).join("") : "";
}

/** GitHub's anchors for a Markdown file's headings, in order (a repeated heading gets `-1`, `-2` …). */
function headingSlugs(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  walk(parse(markdown), (node) => {
    if (node.type === "heading") slugs.add(slugger.slug(plainText(node)));
  });
  return slugs;
}

/** Every link and image address in a Markdown file that stays in the repository, with its line. */
function relativeLinks(markdown: string): { url: string; line: number }[] {
  const links: { url: string; line: number }[] = [];
  walk(parse(markdown), (node) => {
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith("//")) return; // https:, mailto: …
    links.push({ url: node.url, line: node.position?.start.line ?? 0 });
  });
  return links;
}

const slugsByFile = new Map<string, Set<string>>();

/** Why a link from `file` does not resolve, or undefined when it does. */
function brokenBecause(file: string, url: string): string | undefined {
  const [rawPath = "", fragment] = url.split("#", 2);
  const target =
    rawPath === ""
      ? path.join(REPOSITORY, file)
      : rawPath.startsWith("/")
        ? path.join(REPOSITORY, decodeURI(rawPath))
        : path.resolve(path.dirname(path.join(REPOSITORY, file)), decodeURI(rawPath));
  if (!target.startsWith(REPOSITORY)) return "leads outside the repository";
  if (!existsSync(target)) return `${path.relative(REPOSITORY, target)} does not exist`;
  if (fragment === undefined) return undefined;
  if (statSync(target).isDirectory() || !target.endsWith(".md")) return `#${fragment} points into a file that is not Markdown`;
  const slugs = slugsByFile.get(target) ?? headingSlugs(readFileSync(target, "utf8"));
  slugsByFile.set(target, slugs);
  return slugs.has(decodeURIComponent(fragment)) ? undefined : `${path.relative(REPOSITORY, target)} has no heading #${fragment}`;
}

describe("links in README.md and docs/", () => {
  const files = documentationFiles();

  it("finds the documentation and its links (so the next test cannot pass by finding none)", () => {
    expect(files).toContain("README.md");
    expect(files).toContain(path.join("docs", "editors.md"));
    expect(files).toContain(path.join("docs", "configuration.md"));
    const links = files.flatMap((file) => relativeLinks(readFileSync(path.join(REPOSITORY, file), "utf8")));
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((link) => link.url.includes("#")).length).toBeGreaterThan(20);
  });

  it("slugs headings as GitHub does", () => {
    const slugs = headingSlugs(
      "# A\n## The site configuration (`tidings.config.yml`)\n## Fronts: curating the home page\n## Notes\n## Notes\n",
    );
    expect([...slugs]).toEqual(["a", "the-site-configuration-tidingsconfigyml", "fronts-curating-the-home-page", "notes", "notes-1"]);
  });

  it("every relative link resolves: the file exists, and a #fragment names one of its headings", () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const { url, line } of relativeLinks(readFileSync(path.join(REPOSITORY, file), "utf8"))) {
        const reason = brokenBecause(file, url);
        if (reason) broken.push(`${file}:${line} ${url}: ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
