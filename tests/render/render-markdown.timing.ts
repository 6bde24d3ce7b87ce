import { readFileSync } from "node:fs";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { renderMarkdown, type RenderOptions } from "../../src/render/render-markdown.ts";

// Times 1,000 renders of the editor's-article fixture (~1.5 KB) against the bare
// unified + GFM pipeline, the floor renderMarkdown is measured against.
// Run with `npx tsx tests/render/render-markdown.timing.ts [renders]`.
const renders = Number(process.argv[2] ?? 1000);
const article = readFileSync(new URL("../fixtures/markdown/editors-article/input.md", import.meta.url), "utf8");
const withHtml = `${article}\n<abbr title="Environment Agency">EA</abbr> figures, <time datetime="2026-03-01">1 March</time>.\n`;
const options: RenderOptions = {
  file: "content/articles/2026/flood-warning.md",
  bodyLine: 8,
  reservedIds: ["main", "sources", "corrections", "donate"],
  siteHosts: ["news.example.org"],
};
const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();

const cases: [string, () => unknown][] = [
  ["unified + remark-gfm + remark-rehype + rehype-stringify (floor)", () => bare.processSync(article)],
  ["renderMarkdown", () => renderMarkdown(article, options)],
  ["renderMarkdown with raw HTML (parse5 runs)", () => renderMarkdown(withHtml, options)],
];

console.log(`${Buffer.byteLength(article)} bytes, ${renders} renders each, best of 3 rounds`);
const best = new Map<string, number>();
for (let round = 0; round < 3; round++) {
  for (const [name, run] of cases) {
    for (let i = 0; i < 200; i++) run(); // warm up the JIT
    const start = performance.now();
    for (let i = 0; i < renders; i++) run();
    const perRender = (performance.now() - start) / renders;
    best.set(name, Math.min(best.get(name) ?? Infinity, perRender));
  }
}
for (const [name, perRender] of best) console.log(`${perRender.toFixed(3)} ms  ${name}`);
