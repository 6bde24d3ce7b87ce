// The benchmark behind `npm run bench`: generated news sites of several sizes, built by Tidings
// (cold, warm, one-article edit in the preview server) and by plain Eleventy 3 as the baseline,
// each build in its own process. Prints a table and writes the numbers as JSON.
//
//   npm run bench                      1,000 / 4,000 / 10,000 / 20,000 articles (20–30 minutes on a 2-core machine)
//   npm run bench -- --quick           1,000 articles, one run each (under a minute)
//   npm run bench -- --large           100,000 articles, one run, no preview (about half an hour)
//   npm run bench -- --sizes 4000 --runs 5 --json out.json
//   npm run bench -- --photos 1300     the photo site instead: 1,000 articles (or the first of --sizes), 1,300 photos
//   npm run bench -- --photos 1300 --work /mnt/xfs/bench   the same on another file system (sites are built under --work, .cache/bench by default)
//   npm run bench -- --long-reads      one long read of 1, 2, 4 and 8 MB in a small site, cold builds (about half a minute)
//   npm run bench -- --hostile         the nesting scan's cost a MB, and the time to refuse each hostile body (seconds)
//   npm run bench -- --install         the deploy's install (npm ci --omit=dev): time with an empty and a filled npm cache, packages, size (a minute or two; needs the npm registry)
//
// Each Tidings build is timed as a whole process, with the phases it reports (load: reading,
// validating and rendering Markdown through the cache; write: pages, feeds and static files;
// search: Pagefind). "One push" is what CI does for a push that adds one article: the cache
// restored, no previous output, the production build.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureEditLatency, type EditLatency } from "./edit-latency.ts";
import { generateArticles, writeEleventySite, writeTidingsSite, type GeneratedArticle } from "./generate-site.ts";
import { measureProcess, median, medianCost, type ProcessCost } from "./measure.ts";
import { hostileTable, runHostileBench } from "./hostile-bench.ts";
import { installTable, runInstallBench } from "./install-bench.ts";
import { longReadTable, runLongReadBench } from "./long-read-bench.ts";
import { photoTable, runPhotoBench } from "./photo-bench.ts";
import { emptyTrash, setAside } from "./set-aside.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const SEED = 20261127;

const { values } = parseArgs({
  options: {
    work: { type: "string", default: path.join(REPO, ".cache", "bench") },
    quick: { type: "boolean", default: false },
    large: { type: "boolean", default: false },
    sizes: { type: "string" },
    runs: { type: "string" },
    edits: { type: "string", default: "3" },
    "no-edit": { type: "boolean", default: false },
    json: { type: "string", default: path.join(REPO, "bench", "results", "latest.json") },
    port: { type: "string", default: "18080" },
    photos: { type: "string" },
    "long-reads": { type: "boolean", default: false },
    hostile: { type: "boolean", default: false },
    install: { type: "boolean", default: false },
  },
});

// Where the sites are generated and built: another file system is measured by putting it there.
const WORK = path.resolve(values.work);
// What measured builds must not find, moved here and deleted after the last one (bench/set-aside.ts).
const TRASH = path.join(WORK, "trash");

if (values.install) {
  const installed = runInstallBench({ repo: REPO, work: WORK, log: (line) => process.stderr.write(`${line}\n`) });
  const json = values.json.replace(/\.json$/, "-install.json");
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine: machineName(), ...installed }, null, 2)}\n`);
  process.stdout.write(`${installTable(installed)}\n\n${machineName()}\nJSON: ${path.relative(process.cwd(), json)}\n`);
  process.exit(0);
}

if (values.hostile) {
  const bench = runHostileBench(SEED, (line) => process.stderr.write(`${line}\n`));
  const json = values.json.replace(/\.json$/, "-hostile.json");
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine: machineName(), seed: SEED, ...bench }, null, 2)}\n`);
  process.stdout.write(`${hostileTable(bench)}\n\n${machineName()}\nJSON: ${path.relative(process.cwd(), json)}\n`);
  process.exit(0);
}

if (values["long-reads"]) {
  execSync(`"${process.execPath}" "${path.join(REPO, "bin", "tidings.mjs")}" help`, { stdio: "ignore" });
  const rows = await runLongReadBench({ repo: REPO, work: WORK, sizesMb: [1, 2, 4, 8], seed: SEED, log: (line) => process.stderr.write(`${line}\n`) });
  const json = values.json.replace(/\.json$/, "-long-reads.json");
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine: machineName(), seed: SEED, rows }, null, 2)}\n`);
  process.stdout.write(`${longReadTable(rows)}\n\n${machineName()}\nJSON: ${path.relative(process.cwd(), json)}\n`);
  process.exit(0);
}

if (values.photos) {
  const articles = values.sizes ? Number(values.sizes.split(",")[0]) : 1000;
  const photos = await runPhotoBench({
    repo: REPO,
    work: WORK,
    trash: TRASH,
    articles,
    photos: Number(values.photos),
    seed: SEED,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  emptyTrash(TRASH);
  const json = values.json.replace(/\.json$/, "-photos.json");
  mkdirSync(path.dirname(json), { recursive: true });
  const fileSystem = fileSystemOf(WORK);
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine: machineName(), fileSystem, seed: SEED, photos }, null, 2)}\n`);
  process.stdout.write(`${photoTable(photos)}\n\n${machineName()}; sites on ${fileSystem}\nJSON: ${path.relative(process.cwd(), json)}\n`);
  process.exit(0);
}

const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.quick ? [1000] : values.large ? [100_000] : [1000, 4000, 10000, 20000];
if (values.large) values["no-edit"] = true;
// Small sizes are cheap enough to run three times and take the median; large ones once.
const runsFor = (size: number) => (values.runs ? Number(values.runs) : values.quick || values.large ? 1 : size <= 4000 ? 3 : 1);

/** A Tidings build: its cost, and the milliseconds of each step as the build reported them. */
interface TidingsBuild extends ProcessCost {
  unchanged: boolean;
  /** Pages rendered; the others came from the page store. */
  rendered: number;
  timings: { load: number; media: number; write: number; search: number };
  /** Peak RSS of the Node process alone; `peakRssMb` is the largest process of the build, which can be the search indexer (Pagefind's binary). */
  ownPeakRssMb: number;
}

/** Everything measured at one size. */
interface SizeResult {
  articles: number;
  runs: number;
  eleventy: ProcessCost;
  cold: TidingsBuild;
  /** Cache present, nothing changed since the last build. */
  warm: TidingsBuild;
  /** A build after editing the newest article's headline, with the previous output in place. */
  oneEdit: TidingsBuild;
  /** CI after a push that adds one article: the cache restored, no previous output. */
  onePush: TidingsBuild;
  edit?: EditLatency;
}

// Compiled once before anything is timed (bin/tidings.mjs compiles when the sources change).
execSync(`"${process.execPath}" "${path.join(REPO, "bin", "tidings.mjs")}" help`, { stdio: "ignore" });
const results: SizeResult[] = [];
const load = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(" ");
for (const size of sizes) {
  const generated = generateArticles({ articles: size, seed: SEED });
  const tidingsRoot = path.join(WORK, `tidings-${size}`);
  const eleventyRoot = path.join(WORK, `eleventy-${size}`);
  setAside(tidingsRoot, TRASH);
  setAside(eleventyRoot, TRASH);
  writeTidingsSite(tidingsRoot, generated);
  cpSync(path.join(REPO, "public"), path.join(tidingsRoot, "public"), { recursive: true });
  writeEleventySite(eleventyRoot, generated);
  const runs = runsFor(size);
  const buildTidings = async (): Promise<TidingsBuild> => {
    // Exactly what `npm run build` runs, with what the build did printed as JSON.
    const measured = await measureProcess(process.execPath, [path.join(REPO, "bin", "tidings.mjs"), "build", "--json"], tidingsRoot);
    const { unchanged, rendered, timings, ownPeakRssMb } = JSON.parse(measured.stdout) as Pick<TidingsBuild, "unchanged" | "rendered" | "timings" | "ownPeakRssMb">;
    return { wallMs: measured.wallMs, cpuMs: measured.cpuMs, peakRssMb: measured.peakRssMb, unchanged, rendered, timings, ownPeakRssMb };
  };
  const eleventyCosts: ProcessCost[] = [];
  const coldBuilds: TidingsBuild[] = [];
  const warmBuilds: TidingsBuild[] = [];
  const oneEditBuilds: TidingsBuild[] = [];
  const onePushBuilds: TidingsBuild[] = [];
  const newest = generated.articles.at(-1);
  if (!newest) throw new Error("no articles generated");
  const newestFile = path.join(tidingsRoot, "content", "articles", newest.year, `${newest.slug}.md`);
  const newestSource = readFileSync(newestFile, "utf8");
  for (let run = 0; run < runs; run++) {
    settle(eleventyRoot, true);
    const eleventy = await measureProcess(
      process.execPath,
      [path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs")],
      eleventyRoot,
    );
    eleventyCosts.push(eleventy);
    progress(size, run, "eleventy", eleventy);
    settle(tidingsRoot, true);
    coldBuilds.push(await buildTidings());
    progress(size, run, "cold", coldBuilds.at(-1));
    settle(tidingsRoot, false);
    warmBuilds.push(await buildTidings());
    progress(size, run, "warm", warmBuilds.at(-1));
    writeFileSync(newestFile, newestSource.replace(/^title: "/m, `title: "Edit ${run + 1}: `));
    settle(tidingsRoot, false);
    oneEditBuilds.push(await buildTidings());
    progress(size, run, "one edit", oneEditBuilds.at(-1));
    writeFileSync(newestFile, newestSource);
    settle(tidingsRoot, false);
    // Back to the generated site, so the next run's warm build again finds nothing changed.
    await buildTidings();
    // A push with one new article, built on CI: the cache restored, the output not.
    const pushed = path.join(tidingsRoot, "content", "articles", newest.year, `pushed-${run + 1}.md`);
    writeFileSync(pushed, pushedArticle(newest, run + 1));
    setAside(path.join(tidingsRoot, "_site"), TRASH);
    settle(tidingsRoot, false);
    onePushBuilds.push(await buildTidings());
    progress(size, run, "one push", onePushBuilds.at(-1));
    rmSync(pushed);
    settle(tidingsRoot, false);
    await buildTidings();
  }
  const result: SizeResult = {
    articles: size,
    runs,
    eleventy: medianCost(eleventyCosts),
    cold: medianBuild(coldBuilds),
    warm: medianBuild(warmBuilds),
    oneEdit: medianBuild(oneEditBuilds),
    onePush: medianBuild(onePushBuilds),
  };
  if (!result.warm.unchanged) throw new Error(`the warm build at ${size} articles did not find its output current`);
  if (!values["no-edit"]) {
    settle(tidingsRoot, false);
    // The newest article is on the home page, so the edit shows in the lists too.
    result.edit = await measureEditLatency({
      repo: REPO,
      siteRoot: tidingsRoot,
      file: `content/articles/${newest.year}/${newest.slug}.md`,
      slug: newest.slug,
      port: Number(values.port),
      edits: Number(values.edits),
    });
    process.stderr.write(
      `  ${size}: edit → page ${result.edit.pageMs.toFixed(0)} ms (${result.edit.pageWhileIndexingMs.toFixed(0)} ms while indexing), → lists ${result.edit.listsMs.toFixed(0)} ms\n`,
    );
  }
  results.push(result);
  setAside(eleventyRoot, TRASH);
}
emptyTrash(TRASH);

const machine = machineName();
const report = {
  date: new Date().toISOString(),
  machine,
  loadAverageAtStart: load,
  loadAverageAtEnd: os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" "),
  seed: SEED,
  results,
};
mkdirSync(path.dirname(values.json), { recursive: true });
writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `${toTable(results)}\n\n${machine}; load average ${report.loadAverageAtStart} at start, ${report.loadAverageAtEnd} at end\nJSON: ${path.relative(process.cwd(), values.json)}\n`,
);

// The file systems whose copies differ most: a copy of a photo is a clone on XFS and Btrfs, every byte on ext4.
const FILE_SYSTEMS: Record<number, string> = { 0xef53: "ext4", 0x58465342: "xfs", 0x9123683e: "btrfs", 0x01021994: "tmpfs" };

/** The kind of file system `folder` is on, as its name where known (the photo site's copies depend on it). */
function fileSystemOf(folder: string): string {
  const { type } = statfsSync(folder);
  return FILE_SYSTEMS[type] ?? `file system 0x${type.toString(16)}`;
}

/** The machine the benchmark ran on, in one line. */
function machineName(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** The results as Markdown tables, printed beside the JSON (docs/performance.md). */
function toTable(rows: readonly SizeResult[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const ratio = (wallMs: number, base: ProcessCost) => `${(wallMs / base.wallMs).toFixed(2)}×`;
  const cell = (cost: ProcessCost) => `${seconds(cost.wallMs)} s / ${seconds(cost.cpuMs)} s / ${cost.peakRssMb.toFixed(0)} MB`;
  const lines = [
    "Builds (wall / CPU / peak RSS; ratio = wall time ÷ plain Eleventy's):",
    "",
    "| articles | runs | plain Eleventy 3 | Tidings cold | ratio | Node peak RSS (without the indexer) | nothing changed | one edit | one push (CI: cache restored, one new article) |",
    "|---:|---:|---|---|---:|---:|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.articles.toLocaleString("en")} | ${row.runs} | ${cell(row.eleventy)} | ${cell(row.cold)} | ${ratio(row.cold.wallMs, row.eleventy)} | ${row.cold.ownPeakRssMb.toFixed(0)} MB | ${cell(row.warm)} | ${cell(row.oneEdit)} | ${cell(row.onePush)} |`,
    );
  }
  lines.push("", "Phases of each Tidings build as it reports them (load / write / search, seconds; pages rendered of all):", "", "| articles | cold | nothing changed | one edit | one push |", "|---:|---|---|---|---|");
  const phases = (build: TidingsBuild) => `${seconds(build.timings.load)} / ${seconds(build.timings.write)} / ${seconds(build.timings.search)} (${build.rendered.toLocaleString("en")} rendered)`;
  for (const row of rows) lines.push(`| ${row.articles.toLocaleString("en")} | ${phases(row.cold)} | ${phases(row.warm)} | ${phases(row.oneEdit)} | ${phases(row.onePush)} |`);
  const edits = rows.filter((row) => row.edit);
  if (edits.length > 0) {
    lines.push(
      "",
      "Preview server (`npm start`), median of the edits:",
      "",
      "| articles | start until the first page is served | save → the article's page served with the change | the same, saved while the search index is written | save → the home page lists it |",
      "|---:|---:|---:|---:|---:|",
    );
    for (const row of edits) {
      if (!row.edit) continue;
      lines.push(
        `| ${row.articles.toLocaleString("en")} | ${seconds(row.edit.startupMs)} s | ${row.edit.pageMs.toFixed(0)} ms | ${row.edit.pageWhileIndexingMs.toFixed(0)} ms | ${seconds(row.edit.listsMs)} s |`,
      );
    }
  }
  const small = rows.find((row) => row.articles === 4000);
  const large = rows.find((row) => row.articles === 20000);
  if (small && large) {
    lines.push(
      "",
      `Growth from 4,000 to 20,000 articles (Tidings cold, wall): ${(large.cold.wallMs / small.cold.wallMs).toFixed(2)}×; without search: ${((large.cold.wallMs - large.cold.timings.search) / (small.cold.wallMs - small.cold.timings.search)).toFixed(2)}×.`,
    );
  }
  return lines.join("\n");
}

/** The median of each measure and of each step over several builds. */
function medianBuild(builds: readonly TidingsBuild[]): TidingsBuild {
  const step = (name: keyof TidingsBuild["timings"]) => median(builds.map((build) => build.timings[name]));
  return {
    ...medianCost(builds),
    unchanged: builds.every((build) => build.unchanged),
    rendered: median(builds.map((build) => build.rendered)),
    ownPeakRssMb: median(builds.map((build) => build.ownPeakRssMb)),
    timings: { load: step("load"), media: step("media"), write: step("write"), search: step("search") },
  };
}

/** A new article as an editor would push it: dated just after the newest, tagged like it, a few paragraphs. */
function pushedArticle(newest: GeneratedArticle, number: number): string {
  const date = new Date(Date.parse(newest.date.replace(" ", "T") + "Z") + number * 60_000).toISOString().slice(0, 16).replace("T", " ");
  const body = newest.body.split("\n\n").slice(0, 4).join("\n\n");
  return `---\ntitle: "Pushed story ${number}"\ndate: ${date}\nbyline: ${JSON.stringify(newest.byline)}\ntags: ${JSON.stringify(newest.tags)}\n---\n${body}\n`;
}

function progress(size: number, run: number, what: string, cost: ProcessCost | undefined): void {
  if (!cost) return;
  process.stderr.write(
    `  ${size} #${run + 1} ${what}: ${(cost.wallMs / 1000).toFixed(2)} s wall, ${(cost.cpuMs / 1000).toFixed(2)} s CPU, ${cost.peakRssMb.toFixed(0)} MB\n`,
  );
}

/**
 * Prepare a site folder for the next measured build: for a cold build, set the output and the
 * render cache aside (bench/set-aside.ts); always wait for background deletes of old output to finish and flush the disk, so
 * one build's leftovers never slow the next.
 */
function settle(root: string, cold: boolean): void {
  if (cold) {
    setAside(path.join(root, "_site"), TRASH);
    setAside(path.join(root, ".tidings-cache"), TRASH);
  }
  const deadline = Date.now() + 600_000;
  while (existsSync(root) && readdirSync(root).some((name) => /^_site\.(old|staging)-/.test(name)) && Date.now() < deadline) {
    execSync("sleep 0.2");
  }
  execSync("sync");
}
