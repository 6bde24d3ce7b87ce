import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { TEMPLATES_DIR } from "../src/eleventy/run-eleventy.ts";
import { copyFixture, readPage } from "./support/fixture-site.ts";
import { buildPropertyParameters } from "./support/property-runs.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const TAGS = ["River", "Council", "Schools", "Transport"];
const scratch: string[] = [];
afterAll(() => {
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

/** One change an editor or a developer makes between two pushes. */
type Edit =
  | { kind: "add"; day: number; tags: number[]; words: number }
  | { kind: "delete"; pick: number }
  | { kind: "redate"; pick: number; day: number }
  | { kind: "retag"; pick: number; tags: number[] }
  | { kind: "body"; pick: number; words: number }
  | { kind: "config"; perPage: number; name: number }
  | { kind: "template"; text: number }
  | { kind: "campaign"; raised: number; ends: number }
  | { kind: "live"; pick: number; updates: number; ended: boolean }
  | { kind: "series"; pick: number; series: number }
  | { kind: "front"; op: "pin" | "unpin" | "move" | "remove"; pick: number; container: number }
  | { kind: "retitle"; pick: number }
  | { kind: "summary"; pick: number; remove: boolean }
  | { kind: "byline"; pick: number; byline: number }
  | { kind: "nothing" }
  // The output removed (CI with only the cache restored) or changed by hand, and an edit beside it.
  | { kind: "output"; how: "remove" | "change"; also: Edit };

const day = fc.integer({ min: 1, max: 320 });
const tags = fc.uniqueArray(fc.integer({ min: 0, max: TAGS.length - 1 }), { minLength: 1, maxLength: 3 });
const pick = fc.nat();
const words = fc.integer({ min: 1, max: 40 });
const BYLINES = ["Priya Raman", "Staff reporter", "[Priya Raman, Staff reporter]", "A guest writer"];
// An editor curating content/fronts/home.yml: the first such edit creates it (the home page becomes a front, its list moves to /latest/), "remove" deletes it.
const frontEdit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constant("front" as const),
  op: fc.constantFrom("pin" as const, "pin" as const, "unpin" as const, "move" as const, "remove" as const),
  pick,
  container: fc.nat({ max: 2 }),
});
// Edits that change one thing a card shows, in place (the card keeps its address; each edit
// writes a headline, summary or byline other than the article's), and what an ask shows (a
// campaign's numbers, on the same variant): the pages that show them must render again.
const retitleEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constant("retitle" as const), pick });
// remove takes an article's summary away (its card then shows the first paragraph); else a new one is written.
const summaryEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constant("summary" as const), pick, remove: fc.boolean() });
const bylineEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constant("byline" as const), pick, byline: fc.nat({ max: BYLINES.length - 2 }) });
// raised 0 deletes the campaign file; ends picks a last day before or after NOW (ended or not).
const campaignEdit = (raised: fc.Arbitrary<number>): fc.Arbitrary<Edit> => fc.record({ kind: fc.constant("campaign" as const), raised, ends: fc.integer({ min: 320, max: 340 }) });
const anyCampaignEdit = campaignEdit(fc.constantFrom(0, 500, 1000, 1500));
const cardEdit: fc.Arbitrary<Edit> = fc.oneof(retitleEdit, summaryEdit, bylineEdit, anyCampaignEdit);
const contentEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), day, tags, words }),
  fc.record({ kind: fc.constant("delete" as const), pick }),
  fc.record({ kind: fc.constant("redate" as const), pick, day }),
  fc.record({ kind: fc.constant("retag" as const), pick, tags }),
  fc.record({ kind: fc.constant("body" as const), pick, words }),
  fc.record({ kind: fc.constant("config" as const), perPage: fc.integer({ min: 1, max: 3 }), name: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant("template" as const), text: fc.nat({ max: 5 }) }),
  anyCampaignEdit,
  // A live page (some updates land after NOW, so they are held back), or a part of one of two series (2 leaves its series).
  fc.record({ kind: fc.constant("live" as const), pick, updates: fc.integer({ min: 0, max: 3 }), ended: fc.boolean() }),
  fc.record({ kind: fc.constant("series" as const), pick, series: fc.integer({ min: 0, max: 2 }) }),
  frontEdit,
  cardEdit,
  fc.constant({ kind: "nothing" as const }),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: contentEdit, weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant("output" as const), how: fc.constantFrom("remove" as const, "change" as const), also: contentEdit }), weight: 1 },
);

// Where the property tests build incrementally (and the output edits remove or change).
const INCREMENTAL_OUTPUT = "_incremental";

/** A container of the home front as the edits keep it. */
interface FrontContainer {
  title: string;
  layout: "lead" | "row" | "list";
  pinned: string[];
  backfill: { limit: number; tag?: string };
}

/** A site the edits are made to: the newsroom fixture, a private copy of the templates, the articles the edits added and the home front, if any. */
interface Project {
  root: string;
  templatesDir: string;
  added: string[];
  count: number;
  /** Edits in place so far: each writes a headline or summary numbered by it, never one the article had. */
  revision: number;
  front?: FrontContainer[];
}

// The fixture's own published articles, shown on the lists and the front from the first build.
const PUBLISHED_ARTICLES = ["flood-wall.md", "second-story.md", "third-story.md"];
// Pinnable with the added ones (a draft and a scheduled one among them: warnings, never errors).
const FIXTURE_ARTICLES = [...PUBLISHED_ARTICLES, "draft-story.md", "future-story.md"];

function startingFront(): FrontContainer[] {
  return [
    { title: "Top story", layout: "lead", pinned: [], backfill: { limit: 1 } },
    { title: "The river", layout: "row", pinned: [], backfill: { tag: "River", limit: 2 } },
    { title: "More", layout: "list", pinned: [], backfill: { limit: 4 } },
  ];
}

function newProject(): Project {
  const root = copyFixture("newsroom");
  mkdirSync(path.join(root, "content", "series"), { recursive: true });
  const templatesDir = mkdtempSync(path.join(tmpdir(), "tidings-templates-"));
  scratch.push(templatesDir);
  cpSync(TEMPLATES_DIR, templatesDir, { recursive: true });
  // A currency, so a campaign file (one of the edits) can be shown on the asks.
  const config = path.join(root, "tidings.config.yml");
  writeFileSync(config, readFileSync(config, "utf8").replace("  url: /donate/", "  url: /donate/\n  currency: GBP"));
  for (const series of [0, 1]) writeFileSync(path.join(root, "content", "series", `series-${series}.yml`), `title: Series ${series}\n`);
  return { root, templatesDir, added: [], count: 0, revision: 0 };
}

function articleText(title: string, dayOfYear: number, tagIndexes: number[], wordCount: number): string {
  const date = new Date(Date.UTC(2026, 0, dayOfYear, 9)).toISOString().slice(0, 10);
  const tagList = tagIndexes.map((index) => TAGS[index]).join(", ");
  const body = Array.from({ length: wordCount }, (_, index) => `word${(index * 7) % 13}`).join(" ");
  return `---\ntitle: ${title}\ndate: ${date}\nbyline: Priya Raman\ntags: [${tagList}]\n---\n${body}.\n`;
}

function apply(project: Project, change: Edit): void {
  const file = (name: string) => path.join(project.root, "content", "articles", "2026", name);
  const chosen = (index: number) => project.added[index % project.added.length];
  switch (change.kind) {
    case "add": {
      const name = `added-${++project.count}.md`;
      project.added.push(name);
      writeFileSync(file(name), articleText(`Added story ${project.count}`, change.day, change.tags, change.words));
      return;
    }
    case "delete": {
      const name = chosen(change.pick);
      if (!name) return;
      rmSync(file(name));
      project.added = project.added.filter((other) => other !== name);
      return;
    }
    case "redate":
    case "retag":
    case "body": {
      const name = chosen(change.pick);
      if (!name) return;
      const text = readFileSync(file(name), "utf8");
      const date = new Date(Date.UTC(2026, 0, change.kind === "redate" ? change.day : 1, 9)).toISOString().slice(0, 10);
      let edited = text;
      if (change.kind === "redate") edited = text.replace(/^date: .*$/m, `date: ${date}`);
      if (change.kind === "retag") edited = text.replace(/^tags: .*$/m, `tags: [${change.tags.map((index) => TAGS[index]).join(", ")}]`);
      if (change.kind === "body") edited = `${text.slice(0, text.lastIndexOf("---\n") + 4)}A new body of ${change.words} words.\n`;
      writeFileSync(file(name), edited);
      return;
    }
    case "config": {
      const config = path.join(project.root, "tidings.config.yml");
      const text = readFileSync(config, "utf8")
        .replace(/^articlesPerPage: .*$/m, `articlesPerPage: ${change.perPage}`)
        .replace(/^name: .*$/m, `name: The Test Gazette ${change.name}`);
      writeFileSync(config, text);
      return;
    }
    case "template": {
      const template = path.join(project.templatesDir, "_includes", "partials", "pagination.njk");
      const text = readFileSync(template, "utf8").replace(/<nav class="pagination"( data-edit="\d+")?/, `<nav class="pagination" data-edit="${change.text}"`);
      writeFileSync(template, text);
      return;
    }
    case "campaign": {
      const campaign = path.join(project.root, "content", "campaign.yml");
      if (change.raised === 0) {
        rmSync(campaign, { force: true });
        return;
      }
      const ends = new Date(Date.UTC(2026, 0, change.ends)).toISOString().slice(0, 10);
      writeFileSync(campaign, `heading: Appeal\ntext: Give.\ngoal: 1000\nraised: ${change.raised}\nsupporters: ${change.raised / 50}\nends: ${ends}\n`);
      return;
    }
    case "live": {
      const name = chosen(change.pick);
      if (!name) return;
      const text = readFileSync(file(name), "utf8");
      const date = /^date: (.*)$/m.exec(text)?.[1] ?? "2026-01-01";
      const start = Date.parse(`${date}T00:00:00Z`);
      const at = (hours: number) => new Date(start + hours * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
      // Newest first, ten hours apart from the article's day; coverage ends after the last one.
      const updates = Array.from({ length: change.updates }, (_, index) => change.updates - index)
        .map((k) => `::update{time="${at(k * 10)}" title="Update ${k}"}\n\nUpdate ${k} text.\n`)
        .join("\n");
      const frontMatter = text
        .slice(0, text.lastIndexOf("---\n"))
        .replace(/^(live|ended): .*\n/gm, "")
        .concat(`live: true\n${change.ended ? `ended: ${at(40)}\n` : ""}`);
      writeFileSync(file(name), `${frontMatter}---\nThe introduction.\n\n${updates}`);
      return;
    }
    case "series": {
      const name = chosen(change.pick);
      if (!name) return;
      const text = readFileSync(file(name), "utf8").replace(/^series: .*\n/m, "");
      writeFileSync(file(name), change.series === 2 ? text : text.replace(/^(byline: .*\n)/m, `$1series: series-${change.series}\n`));
      return;
    }
    case "front": {
      const home = path.join(project.root, "content", "fronts", "home.yml");
      if (change.op === "remove") {
        rmSync(home, { force: true });
        delete project.front;
        return;
      }
      const front = (project.front ??= startingFront());
      const container = front[change.container % front.length];
      if (!container) return;
      const pool = [...FIXTURE_ARTICLES, ...project.added];
      if (change.op === "pin") container.pinned.unshift(`content/articles/2026/${pool[change.pick % pool.length]}`);
      if (change.op === "unpin") container.pinned.shift();
      if (change.op === "move") front.unshift(...front.splice(change.container % front.length, 1));
      // JSON is YAML: the file is written as the front model says, whatever it held before.
      mkdirSync(path.dirname(home), { recursive: true });
      writeFileSync(home, `${JSON.stringify({ title: "Top stories", containers: front }, null, 2)}\n`);
      return;
    }
    case "retitle":
    case "summary":
    case "byline": {
      // Any published article, the fixture's too: they are on the lists and the front from the first build.
      const pool = [...PUBLISHED_ARTICLES, ...project.added];
      const name = pool[change.pick % pool.length] as string;
      writeFileSync(file(name), editFrontMatter(readFileSync(file(name), "utf8"), change, ++project.revision));
      return;
    }
    case "nothing":
      return;
    case "output": {
      const output = path.join(project.root, INCREMENTAL_OUTPUT);
      if (change.how === "remove") rmSync(output, { recursive: true, force: true });
      else if (existsSync(output)) writeFileSync(path.join(output, "index.html"), "changed by hand\n", { flag: "a" });
      apply(project, change.also);
      return;
    }
  }
}

/** An article's text with its headline, summary or byline changed as `change` says. */
function editFrontMatter(text: string, change: Extract<Edit, { kind: "retitle" | "summary" | "byline" }>, revision: number): string {
  const end = text.indexOf("\n---\n", 4);
  const head = text.slice(0, end + 1);
  const rest = text.slice(end + 1);
  if (change.kind === "retitle") return head.replace(/^title: .*$/m, `title: Retitled story ${revision}`) + rest;
  if (change.kind === "byline") {
    const others = BYLINES.filter((byline) => !head.includes(`\nbyline: ${byline}\n`));
    return head.replace(/^byline: .*$/m, `byline: ${others[change.byline % others.length]}`) + rest;
  }
  const withoutSummary = head.replace(/^summary: .*\n/m, "");
  if (change.remove && withoutSummary !== head) return withoutSummary + rest;
  return withoutSummary.replace(/^(title: .*\n)/m, `$1summary: Standfirst number ${revision}.\n`) + rest;
}

/** Every file of a folder with its bytes. */
function snapshot(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [path.relative(folder, file), readFileSync(file).toString("base64")]),
  );
}

/** Make one edit, then build incrementally and cold: no error, and the same files and pages. */
async function applyAndCompare(project: Project, change: Edit, options: { root: string; now: number; templatesDir: string }): Promise<void> {
  apply(project, change);
  const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
  const cold = await build({ ...options, outputDir: "_cold", cache: false });
  expect(incremental.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(incremental.ok && cold.ok).toBe(true);
  expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
  expect(incremental.pages).toBe(cold.pages);
}

/** Commit everything in the project (its outputs and cache ignored) at `time`, as a newsroom's push would. */
function commitAll(root: string, time: number): void {
  const when = new Date(time).toISOString();
  const env = { ...process.env, GIT_AUTHOR_NAME: "Desk", GIT_AUTHOR_EMAIL: "desk@example.org", GIT_COMMITTER_NAME: "Desk", GIT_COMMITTER_EMAIL: "desk@example.org", GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  if (!existsSync(path.join(root, ".git"))) {
    execFileSync("git", ["-C", root, "init", "-q", "-b", "main"], { env });
    // The outputs, their staging and trash folders (deleted in the background), and the cache.
    writeFileSync(path.join(root, ".gitignore"), "/_*\n/.tidings-cache/\n");
  }
  execFileSync("git", ["-C", root, "add", "-A"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("git", ["-C", root, "commit", "-q", "--allow-empty", "-m", "push"], { env });
}

describe("an incremental build", () => {
  it("writes the same files as a cold build of the same content, after any sequence of edits", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const project = newProject();
        // Search shards of two articles, so edits land in closed blocks as well as the recent shard.
        const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, searchShardSizes: [2] };
        const first = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
        expect(first.ok).toBe(true);
        for (const change of edits) await applyAndCompare(project, change, options);
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);

  it("writes what a cold build writes when commits change the articles' histories, committed or not, after any sequence of edits", async () => {
    const HOUR = 3_600_000;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ change: edit, commit: fc.boolean() }), { minLength: 1, maxLength: 4 }), async (steps) => {
        const project = newProject();
        // The fixture's stories are published by the first commit; every later one is a change on their record.
        commitAll(project.root, NOW - 48 * HOUR);
        const options = { root: project.root, now: NOW, templatesDir: project.templatesDir };
        expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
        for (const [index, step] of steps.entries()) {
          apply(project, step.change);
          if (step.commit) commitAll(project.root, NOW - (24 - index) * HOUR);
          const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
          const cold = await build({ ...options, outputDir: "_cold", cache: false });
          expect(incremental.ok && cold.ok).toBe(true);
          expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
        }
        // Last, a committed change to a story published from the start: its history page appears in both.
        const story = path.join(project.root, "content", "articles", "2026", "third-story.md");
        if (existsSync(story)) {
          writeFileSync(story, `${readFileSync(story, "utf8")}\nA sentence added after publication.\n`);
          commitAll(project.root, NOW - HOUR);
          const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
          const cold = await build({ ...options, outputDir: "_cold", cache: false });
          expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
          expect(readPage(incremental.outputDir, "/2026/11/10/third-story/history/")("ins").text()).toContain("A sentence added after publication.");
        }
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);

  it("writes what a cold build writes after live-page and series edits, and at a later time when a held-back update is due", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir };
    expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
    // Days 330 and 331 of 2026 are 26 and 27 November: the second live page's later updates are after NOW.
    const edits: Edit[] = [
      { kind: "add", day: 300, tags: [0], words: 5 },
      { kind: "add", day: 330, tags: [1], words: 5 },
      { kind: "add", day: 331, tags: [0, 1], words: 5 },
      { kind: "series", pick: 0, series: 0 },
      { kind: "series", pick: 1, series: 0 },
      { kind: "live", pick: 2, updates: 3, ended: false },
      { kind: "series", pick: 2, series: 0 },
      { kind: "live", pick: 2, updates: 2, ended: true },
      { kind: "series", pick: 0, series: 1 },
      { kind: "series", pick: 1, series: 2 },
    ];
    for (const change of edits) await applyAndCompare(project, change, options);
    apply(project, { kind: "live", pick: 2, updates: 3, ended: false });
    expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
    // A day later the update at 30 hours is due: the same files give another site, and the build knows it.
    const later = { ...options, now: NOW + 24 * 3_600_000 };
    const incremental = await build({ ...later, outputDir: INCREMENTAL_OUTPUT });
    const cold = await build({ ...later, outputDir: "_cold", cache: false });
    expect(incremental.unchanged).not.toBe(true);
    expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
    const page = readFileSync(path.join(incremental.outputDir, "2026", "11", "27", "added-3", "index.html"), "utf8");
    expect(page).toContain('id="update-20261128-0600"');
  }, 300_000);

  it("writes the same files as a cold build after any sequence of front edits (pin, unpin, move, remove) among article edits", async () => {
    const articleEdit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), day, tags, words }),
      fc.record({ kind: fc.constant("delete" as const), pick }),
      fc.record({ kind: fc.constant("retag" as const), pick, tags }),
      cardEdit,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ arbitrary: frontEdit, weight: 2 }, { arbitrary: articleEdit, weight: 1 }), { minLength: 2, maxLength: 5 }), async (edits) => {
        const project = newProject();
        const options = { root: project.root, now: NOW, templatesDir: project.templatesDir };
        expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
        for (const change of edits) {
          apply(project, change);
          const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
          const cold = await build({ ...options, outputDir: "_cold", cache: false });
          expect(incremental.ok && cold.ok).toBe(true);
          expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
          expect(incremental.diagnostics).toEqual(cold.diagnostics);
          // The edits took effect: with a fronts file the chronological list has moved to /latest/.
          expect(existsSync(path.join(incremental.outputDir, "latest", "index.html"))).toBe(project.front !== undefined);
        }
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);

  it("writes the same files as a cold build after any sequence of edits to what a card or an ask shows, on a curated front and every list", async () => {
    // Each run changes every thing a card shows and the ask once, alone, in any order (so a key that
    // leaves out any one of them keeps a stale page), among a front edit or a new article.
    const other = fc.oneof(frontEdit, fc.record({ kind: fc.constant("add" as const), day, tags, words }));
    const inPlace = [retitleEdit, summaryEdit, bylineEdit, campaignEdit(fc.constantFrom(500, 1000, 1500))];
    const edits = fc
      .tuple(fc.tuple(...inPlace), fc.array(other, { maxLength: 1 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }))
      .map(([required, extra, order]) =>
        [...required, ...extra]
          .map((change, index) => ({ change, at: order[index] ?? 0 }))
          .sort((a, b) => a.at - b.at)
          .map((entry) => entry.change),
      );
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => {
        const project = newProject();
        // The home page is a curated front from the start, its containers backfilled with the fixture's articles.
        apply(project, { kind: "front", op: "move", pick: 0, container: 0 });
        const options = { root: project.root, now: NOW, templatesDir: project.templatesDir };
        expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
        for (const change of changes) {
          await applyAndCompare(project, change, options);
          expect(existsSync(path.join(project.root, "_incremental", "latest", "index.html"))).toBe(project.front !== undefined);
        }
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);

  it("renders again the pages that show an ask when the campaign file changes, equal to a cold build", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir };
    expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
    for (const change of [
      { kind: "campaign", raised: 500, ends: 340 },
      { kind: "campaign", raised: 1000, ends: 340 },
      { kind: "campaign", raised: 1000, ends: 320 },
      { kind: "campaign", raised: 0, ends: 320 },
    ] as const) {
      apply(project, change);
      const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
      const cold = await build({ ...options, outputDir: "_cold", cache: false });
      expect(incremental.ok && cold.ok).toBe(true);
      // The articles with an ask and the donate page; not the lists, tags or authors.
      expect(incremental.rendered).toBeGreaterThan(0);
      expect(incremental.rendered).toBeLessThan(incremental.pages);
      expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
    }
  }, 120_000);

  it("renders only the pages a new article changes, and nothing when nothing changed", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, outputDir: "_site" };
    const first = await build(options);
    expect(first.rendered).toBe(first.pages);
    const again = await build(options);
    expect(again.unchanged).toBe(true);
    expect(again.rendered).toBe(0);

    apply(project, { kind: "add", day: 40, tags: [1], words: 12 });
    const next = await build(options);
    expect(next.ok).toBe(true);
    // The new article's page, the front page and the archive block it joins, its tag's pages, its
    // author's pages, the topics index and the articles that now list it as related; not the rest.
    expect(next.rendered).toBeGreaterThan(0);
    expect(next.rendered).toBeLessThan(next.pages / 2);

    // The output folder is deleted (a fresh CI checkout with the cache restored): pages still come from the store.
    rmSync(path.join(project.root, "_site"), { recursive: true });
    const restored = await build(options);
    expect(restored.rendered).toBe(0);
    expect(restored.pages).toBe(next.pages);
    // Its record (the pages placed ahead stamped by the thread that placed them) is the output as
    // it is: the next build keeps it without loading anything.
    expect(await build(options)).toMatchObject({ ok: true, unchanged: true, inputsUnchanged: true });
  }, 120_000);

  it("keeps the last output without loading anything when the files, code and options are the last build's", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, outputDir: "_site" };
    const first = await build(options);
    expect(first.ok && !first.inputsUnchanged).toBe(true);
    const again = await build({ ...options, now: NOW + 60_000 });
    expect(again).toMatchObject({ ok: true, unchanged: true, inputsUnchanged: true, rendered: 0, pages: first.pages, articles: first.articles });
    // The warnings are told again: an editor running the build sees the same report.
    expect(again.diagnostics).toEqual(first.diagnostics);

    // A file touched but not changed (a fresh checkout) is read again and found the same.
    const story = path.join(project.root, "content", "articles", "2026", "flood-wall.md");
    utimesSync(story, new Date(), new Date(NOW + 3_600_000));
    expect((await build(options)).inputsUnchanged).toBe(true);

    // Anything else loads: an edit of the same size, a template, an option, an output file removed, a time before the last build's.
    writeFileSync(story, readFileSync(story, "utf8").replace("a", "b"));
    expect((await build(options)).inputsUnchanged).toBeUndefined();
    apply(project, { kind: "template", text: 3 });
    expect((await build(options)).inputsUnchanged).toBeUndefined();
    expect((await build({ ...options, siteUrl: "https://other.example.org" })).inputsUnchanged).toBeUndefined();
    expect((await build(options)).inputsUnchanged).toBeUndefined();
    expect((await build(options)).inputsUnchanged).toBe(true);
    rmSync(path.join(project.root, "_site", "feed.xml"));
    const repaired = await build(options);
    expect(repaired.ok && !repaired.inputsUnchanged).toBe(true);
    expect(existsSync(path.join(project.root, "_site", "feed.xml"))).toBe(true);
    expect((await build({ ...options, now: NOW - 60_000 })).inputsUnchanged).toBeUndefined();
  }, 120_000);

  it("writes what a cold build writes at any later time, however much time passed with no edit", async () => {
    // Articles the clock acts on: one goes live in three hours, one expires tomorrow, one leaves the news sitemap tonight.
    const timed = {
      "soon.md": `---\ntitle: Going live soon\ndate: 2026-11-27 15:00\nbyline: Priya Raman\ntags: [River]\n---\nSoon.\n`,
      "expiring.md": `---\ntitle: Road closure today\ndate: 2026-11-20 08:00\nexpires: 2026-11-28 09:30\nbyline: Priya Raman\n---\nClosed.\n`,
      "recent.md": `---\ntitle: Council meets\ndate: 2026-11-25 13:00\nbyline: Priya Raman\n---\nMet.\n`,
    };
    const minutes = fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 60, max: 36 * 60 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ minutes, change: fc.option(edit, { freq: 3, nil: undefined }) }), { minLength: 1, maxLength: 4 }), async (steps) => {
        const project = newProject();
        for (const [name, text] of Object.entries(timed)) writeFileSync(path.join(project.root, "content", "articles", "2026", name), text);
        let now = NOW;
        const options = () => ({ root: project.root, now, templatesDir: project.templatesDir });
        expect((await build({ ...options(), outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
        for (const step of steps) {
          now += step.minutes * 60_000;
          if (step.change) apply(project, step.change);
          const incremental = await build({ ...options(), outputDir: INCREMENTAL_OUTPUT });
          const cold = await build({ ...options(), outputDir: "_cold", cache: false });
          expect(incremental.ok && cold.ok).toBe(true);
          expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
          expect(incremental.diagnostics).toEqual(cold.diagnostics);
        }
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);

  it("reuses the search index while no article page changes, and builds it again when one does", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, outputDir: "_site" };
    expect((await build(options)).ok).toBe(true);

    // The about page and the author's bio are not article pages: the index is linked from the cache.
    const about = path.join(project.root, "content", "pages", "about.md");
    writeFileSync(about, `${readFileSync(about, "utf8")}\nA new line about us.\n`);
    const bio = path.join(project.root, "content", "authors", "priya-raman.md");
    writeFileSync(bio, `${readFileSync(bio, "utf8")}\nShe also covers the courts.\n`);
    const reused = await build(options);
    expect(reused.ok && !reused.unchanged).toBe(true);
    expect(reused.indexedShards).toEqual([]);
    const cold = await build({ ...options, outputDir: "_cold", cache: false });
    expect(snapshot(path.join(project.root, "_site"))).toEqual(snapshot(cold.outputDir));

    apply(project, { kind: "body", pick: 0, words: 3 });
    apply(project, { kind: "add", day: 50, tags: [0], words: 9 });
    const changed = await build(options);
    expect(changed.ok).toBe(true);
    expect(changed.indexedShards).toContain("vocabulary");
  }, 120_000);

  it("re-indexes only the recent search shard for a new article, and links the archive's blocks from the cache", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, outputDir: "_site", searchShardSizes: [2] };
    const bundle = path.join(project.root, "_site", "pagefind");
    const shards = () => (JSON.parse(readFileSync(path.join(bundle, "shards.json"), "utf8")) as { shards: { id: string }[] }).shards.map((shard) => shard.id);
    expect((await build(options)).ok).toBe(true);
    // An odd number of new articles, so the count of closed blocks does not change.
    apply(project, { kind: "add", day: 331, tags: [0], words: 9 });
    expect((await build(options)).ok).toBe(true);
    const before = shards();
    expect(before.filter((id) => id !== "recent")).not.toEqual([]);
    apply(project, { kind: "add", day: 331, tags: [0], words: 11 });
    apply(project, { kind: "add", day: 331, tags: [1], words: 13 });
    const added = await build(options);
    expect(added.ok).toBe(true);
    // The recent shard is indexed again; every archive block it had before is taken from the cache.
    expect(added.indexedShards).toContain("recent");
    expect(added.indexedShards?.filter((id) => id !== "recent" && before.includes(id))).toEqual([]);
    expect(shards().filter((id) => id !== "recent")).toEqual(expect.arrayContaining(before.filter((id) => id !== "recent")));
    const cold = await build({ ...options, outputDir: "_cold", cache: false });
    expect(snapshot(path.join(project.root, "_site"))).toEqual(snapshot(cold.outputDir));
  }, 120_000);

  it("keeps the pages of every finished Eleventy run when the build is stopped, so the next build does not render them again", async () => {
    const project = newProject();
    const options = { root: project.root, now: NOW, templatesDir: project.templatesDir, outputDir: "_site", pagesPerRun: 3 };
    // Stopped as the first run of three pages ends, as a CI timeout would stop it.
    const stopped = await build({
      ...options,
      onProgress: (progress) => {
        if (progress.task === "Rendering pages" && progress.done > 0) throw new Error("stopped");
      },
    });
    expect(stopped.ok).toBe(false);
    expect(existsSync(path.join(project.root, "_site"))).toBe(false);

    const resumed = await build(options);
    expect(resumed.ok).toBe(true);
    expect(resumed.rendered).toBe(resumed.pages - 3);
    const cold = await build({ ...options, outputDir: "_cold", cache: false });
    expect(snapshot(path.join(project.root, "_site"))).toEqual(snapshot(cold.outputDir));
  }, 120_000);
});

/** One change to a site in several languages: its translations, its words and its languages. */
type LanguageEdit =
  | { kind: "original"; day: number; words: number }
  | { kind: "translate"; pick: number; language: "cy" | "fr"; byKey: boolean; words: number }
  | { kind: "edit"; pick: number; words: number }
  | { kind: "delete"; pick: number; original: boolean }
  | { kind: "messages"; language: "cy" | "fr"; text: number }
  | { kind: "languages"; op: "add" | "remove" | "tagline"; text: number };

// Welsh is one of the site's languages throughout (its files say `language: cy`); French comes and goes,
// its translations only ever named like `x.fr.md` (an English article of its own while French is not listed).
const languageEdit: fc.Arbitrary<LanguageEdit> = fc.oneof(
  fc.record({ kind: fc.constant("original" as const), day: fc.integer({ min: 1, max: 20 }), words }),
  { arbitrary: fc.record({ kind: fc.constant("translate" as const), pick, language: fc.constantFrom("cy" as const, "cy" as const, "fr" as const), byKey: fc.boolean(), words }), weight: 2 },
  fc.record({ kind: fc.constant("edit" as const), pick, words }),
  fc.record({ kind: fc.constant("delete" as const), pick, original: fc.boolean() }),
  fc.record({ kind: fc.constant("messages" as const), language: fc.constantFrom("cy" as const, "fr" as const), text: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("languages" as const), op: fc.constantFrom("add" as const, "remove" as const, "tagline" as const), text: fc.nat({ max: 3 }) }),
);

// Each run makes every kind of change at least once, in any order (a French translation made
// before French is listed is an English article until it is), among up to three more of any kind.
const languageEdits: fc.Arbitrary<LanguageEdit[]> = fc
  .tuple(
    fc.tuple(
      fc.record({ kind: fc.constant("translate" as const), pick, language: fc.constant("cy" as const), byKey: fc.constant(false), words }),
      fc.record({ kind: fc.constant("translate" as const), pick, language: fc.constant("cy" as const), byKey: fc.constant(true), words }),
      fc.record({ kind: fc.constant("translate" as const), pick, language: fc.constant("fr" as const), byKey: fc.constant(false), words }),
      fc.record({ kind: fc.constant("messages" as const), language: fc.constant("cy" as const), text: fc.nat({ max: 3 }) }),
      fc.record({ kind: fc.constant("languages" as const), op: fc.constant("add" as const), text: fc.nat({ max: 3 }) }),
    ),
    fc.array(languageEdit, { maxLength: 3 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
  )
  .map(([required, extra, order]) =>
    [...required, ...extra]
      .map((change, index) => ({ change, at: order[index] ?? 0 }))
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.change),
  );

/** An article in the main language others may translate: its file and its translation key. */
interface Original {
  name: string;
  key: string;
  date: string;
}

/** The bilingual fixture (English and Welsh) and what the edits made of it. */
interface MultilingualProject {
  root: string;
  originals: Original[];
  /** Files the edits added that are translations, with the original's key and their language. */
  translations: { name: string; key: string; language: "cy" | "fr"; sitePath: string }[];
  count: number;
}

// The fixture's clock: after its newest story.
const BILINGUAL_NOW = Date.UTC(2026, 10, 21, 12);
const BILINGUAL_ARTICLES = "content/articles/2026";

function newMultilingualProject(): MultilingualProject {
  const root = copyFixture("bilingual");
  const key = (name: string) => `${BILINGUAL_ARTICLES}/${name}`;
  return {
    root,
    // flood-wall and the budget (translationKey: council-budget) have their Welsh versions already.
    originals: [
      { name: "flood-wall.md", key: key("flood-wall"), date: "2026-11-20 09:00" },
      { name: "ferry.md", key: key("ferry"), date: "2026-11-18 08:00" },
      { name: "budget.md", key: "council-budget", date: "2026-11-15 10:00" },
    ],
    translations: [
      { name: "flood-wall.cy.md", key: key("flood-wall"), language: "cy", sitePath: "/cy/2026/11/20/flood-wall/" },
      { name: "cyllideb.md", key: "council-budget", language: "cy", sitePath: "/cy/2026/11/15/cyllideb/" },
    ],
    count: 0,
  };
}

const FRENCH = (text: number) => `  - { code: fr, name: Français, tagline: "Les nouvelles de la vallée ${text}" }`;

function applyLanguageEdit(project: MultilingualProject, change: LanguageEdit): void {
  const file = (name: string) => path.join(project.root, BILINGUAL_ARTICLES, name);
  const body = (count: number) => Array.from({ length: count }, (_, index) => `gair${(index * 5) % 11}`).join(" ");
  const config = path.join(project.root, "tidings.config.yml");
  switch (change.kind) {
    case "original": {
      const name = `story-${++project.count}.md`;
      const date = `2026-11-${String(change.day).padStart(2, "0")} 07:00`;
      project.originals.push({ name, key: `${BILINGUAL_ARTICLES}/${name.slice(0, -3)}`, date });
      writeFileSync(file(name), `---\ntitle: Story ${project.count}\ndate: ${date}\nbyline: Priya Raman\ntags: [River]\n---\n${body(change.words)}.\n`);
      return;
    }
    case "translate": {
      const original = project.originals[change.pick % project.originals.length];
      if (!original) return;
      // One version per language: translating again edits the one there is.
      const existing = project.translations.find((translation) => translation.key === original.key && translation.language === change.language);
      if (existing) {
        applyLanguageEdit(project, { kind: "edit", pick: project.translations.indexOf(existing), words: change.words });
        return;
      }
      // By name beside its original (only where the original's key is its path), else with `language` and `translationKey`.
      const byName = change.language === "fr" || !change.byKey;
      if (change.language === "fr" && original.key !== `${BILINGUAL_ARTICLES}/${original.name.slice(0, -3)}`) return;
      const name = byName ? `${original.name.slice(0, -3)}.${change.language}.md` : `cyfieithiad-${++project.count}.md`;
      const fields = byName ? "" : `language: cy\ntranslationKey: ${original.key}\n`;
      const slug = byName ? original.name.slice(0, -3) : name.slice(0, -3);
      const sitePath = `/${change.language}/${original.date.slice(0, 10).replace(/-/g, "/")}/${slug}/`;
      project.translations.push({ name, key: original.key, language: change.language, sitePath });
      writeFileSync(file(name), `---\ntitle: Cyfieithiad ${name}\ndate: ${original.date}\nbyline: Priya Raman\ntags: [Afon]\n${fields}---\n${body(change.words)}.\n`);
      return;
    }
    case "edit": {
      const translation = project.translations[change.pick % project.translations.length];
      if (!translation) return;
      const text = readFileSync(file(translation.name), "utf8");
      const end = text.indexOf("\n---\n", 4) + 5;
      writeFileSync(file(translation.name), `${text.slice(0, end).replace(/^title: .*$/m, `title: Diwygiwyd ${++project.count}`)}${body(change.words)}.\n`);
      return;
    }
    case "delete": {
      // An original deleted leaves its translations without one (a warning; they are published all the same).
      const list: { name: string }[] = change.original ? project.originals : project.translations;
      const chosen = list[change.pick % list.length];
      if (!chosen) return;
      rmSync(file(chosen.name));
      if (change.original) project.originals = project.originals.filter((other) => other !== chosen);
      else project.translations = project.translations.filter((other) => other !== chosen);
      return;
    }
    case "messages": {
      // 0 removes the file (the fixture's Welsh one too); French's file is read only while French is listed.
      const messages = path.join(project.root, "content", "messages", `${change.language}.yml`);
      if (change.text === 0) rmSync(messages, { force: true });
      else writeFileSync(messages, `nav.skip: "${change.language === "cy" ? "Neidio i'r cynnwys" : "Aller au contenu"} ${change.text}"\nfooter.search: "${change.text}"\n`);
      return;
    }
    case "languages": {
      const text = readFileSync(config, "utf8");
      const withoutFrench = text.replace(/^  - \{ code: fr, .*\n/m, "");
      if (change.op === "remove") writeFileSync(config, withoutFrench);
      if (change.op === "add") writeFileSync(config, withoutFrench.replace("\ndonation:\n", `\n${FRENCH(change.text)}\ndonation:\n`));
      if (change.op === "tagline") writeFileSync(config, text.replace(/^ {4}tagline: .*$/m, `    tagline: Newyddion annibynnol i'r cwm ${change.text}`));
      return;
    }
  }
}

describe("an incremental build of a site in several languages", () => {
  it("writes the same files as a cold build after any sequence of edits to translations, messages and languages", async () => {
    await fc.assert(
      fc.asyncProperty(languageEdits, async (edits) => {
        const project = newMultilingualProject();
        const options = { root: project.root, now: BILINGUAL_NOW };
        expect((await build({ ...options, outputDir: INCREMENTAL_OUTPUT })).ok).toBe(true);
        for (const change of edits) {
          applyLanguageEdit(project, change);
          const incremental = await build({ ...options, outputDir: INCREMENTAL_OUTPUT });
          const cold = await build({ ...options, outputDir: "_cold", cache: false });
          expect(incremental.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          expect(incremental.ok && cold.ok).toBe(true);
          expect(snapshot(incremental.outputDir)).toEqual(snapshot(cold.outputDir));
          expect(incremental.diagnostics).toEqual(cold.diagnostics);
          expect(incremental.pages).toBe(cold.pages);
          expectEditsShown(project, incremental.outputDir);
        }
      }),
      buildPropertyParameters(3),
    );
  }, 600_000);
});

/** The edits took effect: French is published while listed, each translation in a listed language at its address, linked to its original when there is one, and Welsh pages in the words of cy.yml. */
function expectEditsShown(project: MultilingualProject, out: string): void {
  const french = readFileSync(path.join(project.root, "tidings.config.yml"), "utf8").includes("  - { code: fr,");
  expect(existsSync(path.join(out, "fr", "index.html"))).toBe(french);
  for (const translation of project.translations) {
    if (translation.language === "fr" && !french) continue;
    const $ = readPage(out, translation.sitePath);
    const linked = project.originals.some((original) => original.key === translation.key);
    expect([translation.sitePath, $('link[rel="alternate"][hreflang="en-GB"]').length]).toEqual([translation.sitePath, linked ? 1 : 0]);
  }
  const messages = path.join(project.root, "content", "messages", "cy.yml");
  const skip = existsSync(messages) ? /^nav\.skip: "?(.*?)"?$/m.exec(readFileSync(messages, "utf8"))?.[1] : undefined;
  expect(readPage(out, "/cy/")(".skip-link").text()).toBe(skip ?? "Skip to content");
}
