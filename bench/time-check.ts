// How long `npm run check` takes on a generated site, in-process and as the real command.
// Usage: npx tsx bench/time-check.ts [articles=1000] [runs=3]
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { check } from "../src/check.ts";
import { generateArticles, writeTidingsSite } from "./generate-site.ts";

const articles = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const repository = path.resolve(import.meta.dirname, "..");
const root = mkdtempSync(path.join(tmpdir(), "tidings-check-bench-"));
try {
  const generated = generateArticles({ articles, seed: 42 });
  writeTidingsSite(root, generated);
  // Links between articles, so the whole-site link check has work to do: each article links to the
  // one before it through its Markdown file, and to a section of the about page.
  generated.articles.forEach((article, index) => {
    const previous = generated.articles[index - 1];
    if (!previous) return;
    const file = path.join(root, "content", "articles", article.year, `${article.slug}.md`);
    appendFileSync(file, `\nEarlier: [${previous.title}](../${previous.year}/${previous.slug}.md), and [about us](/about/).\n`);
  });

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const inProcess: number[] = [];
  let last: ReturnType<typeof check> | undefined;
  for (let run = 0; run < runs; run++) {
    last = check({ root });
    inProcess.push(last.duration);
  }
  const command: number[] = [];
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now();
    execFileSync(path.join(repository, "node_modules", ".bin", "tsx"), [path.join(repository, "src", "cli.ts"), "check"], {
      cwd: root,
      stdio: "ignore",
    });
    command.push(performance.now() - startedAt);
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${articles} articles, ${last?.files ?? 0} files, ${last?.diagnostics.length ?? 0} problems`);
  console.log(`check() in process: first ${seconds(inProcess[0] ?? 0)}, median of ${runs} ${seconds(median(inProcess))}`);
  console.log(`npm run check (tsx src/cli.ts check, whole process): median of ${runs} ${seconds(median(command))}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
