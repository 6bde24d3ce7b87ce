import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIN_JOBS_FOR_WORKERS } from "../src/render/render-all.ts";
import { copyFixture, writeFiles } from "./support/fixture-site.ts";

const NOW = String(Date.UTC(2026, 10, 27, 12));
const script = path.join(import.meta.dirname, "support", "build-and-hash.ts");
const TAGS = ["River", "Council", "Schools", "Écoles"];

/** What build-and-hash.ts reports. */
interface BuildReport {
  files: number;
  hash: string;
  outputDir: string;
  unchanged: boolean;
  inputsUnchanged: boolean;
  rendered: number;
  pages: number;
  articles: number;
}

/** The newsroom fixture with enough articles that a build with more than one thread renders them in worker threads, and a campaign. */
function largeNewsroom(): string {
  const root = copyFixture("newsroom");
  const files: Record<string, string> = {};
  for (let index = 0; index < MIN_JOBS_FOR_WORKERS + 10; index++) {
    const day = new Date(Date.UTC(2026, 0, 1 + (index % 320), 6 + (index % 12))).toISOString().slice(0, 16).replace("T", " ");
    files[`content/articles/2026/generated-${index}.md`] =
      `---\ntitle: Story ${index} — “quotes”, 1,234.5 and 30 février\ndate: ${day}\nbyline: Priya Raman\ntags: [${TAGS[index % TAGS.length]}]\n---\nParagraph ${index} — with *emphasis*, a [link](https://example.org/${index}) and 12 345,6 €.\n\n## A subhead\n\nMore text.\n`;
  }
  // A campaign, so amounts and counts are written too (their grouping differs between languages).
  files["content/campaign.yml"] = "heading: Winter appeal\ntext: Give.\ngoal: 25000\nraised: 12345.5\nsupporters: 1234\nends: 2026-12-31\n";
  writeFiles(root, files);
  const config = path.join(root, "tidings.config.yml");
  writeFileSync(config, readFileSync(config, "utf8").replace("  url: /donate/", "  url: /donate/\n  currency: EUR"));
  return root;
}

/** Build `root` from nothing in a child process with `env` added to this one's. */
function buildWith(root: string, env: Record<string, string>): BuildReport {
  const output = execFileSync(process.execPath, ["--import", "tsx", script, root, NOW], { env: { ...process.env, ...env }, encoding: "utf8" });
  return JSON.parse(output) as BuildReport;
}

/** Every file of a folder, by path relative to it. */
function filesOf(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => [path.relative(folder, file), readFileSync(file)]),
  );
}

describe("determinism", () => {
  it("writes byte-identical output whatever the machine's time zone and language, with the render workers on or off", { timeout: 300_000 }, () => {
    // Two copies, each built from nothing (no cache, no earlier output), so neither build can take
    // the nothing-changed shortcut and images are encoded from scratch twice, as on two machines.
    const one = buildWith(largeNewsroom(), { TZ: "Pacific/Kiritimati", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8", TIDINGS_THREADS: "1" });
    const other = buildWith(largeNewsroom(), { TZ: "Pacific/Pago_Pago", LANG: "fr_FR.UTF-8", LC_ALL: "fr_FR.UTF-8", TIDINGS_THREADS: "2" });
    for (const report of [one, other]) {
      expect(report).toMatchObject({ unchanged: false, inputsUnchanged: false });
      expect(report.rendered).toBe(report.pages);
      // Enough bodies that two threads render them in a worker (src/load-site.ts); one thread never does.
      expect(report.articles).toBeGreaterThanOrEqual(MIN_JOBS_FOR_WORKERS);
    }
    const first = filesOf(one.outputDir);
    const second = filesOf(other.outputDir);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([file, bytes]) => !bytes.equals(second.get(file) ?? Buffer.alloc(0))).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(other.hash).toBe(one.hash);
  });
});
