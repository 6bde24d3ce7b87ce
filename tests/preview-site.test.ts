import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import { writeWithEleventy } from "../src/eleventy/run-eleventy.ts";
import { loadSite } from "../src/load-site.ts";
import { choosePreviewSite, type PreviewChoice } from "../src/preview-site.ts";
import { createPreviewProvider } from "../src/serve.ts";
import { listOutputPages } from "../src/pages/page-views.ts";
import type { Site } from "../src/site/site.ts";
import { copyFixture, readPage, writeFiles } from "./support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const outputs: string[] = [];
afterAll(() => {
  for (const folder of outputs) rmSync(folder, { recursive: true, force: true });
});

/** Render a site with the real templates, as the preview server does, into a fresh folder. */
async function render(root: string, site: Site): Promise<string> {
  const outputDir = mkdtempSync(path.join(tmpdir(), "tidings-preview-out-"));
  outputs.push(outputDir);
  await writeWithEleventy({ root, site, pages: listOutputPages(site), outputDir });
  return outputDir;
}

/** The problems a rendered page lists, as `place | message | fix` lines. */
function listedProblems(outputDir: string, sitePath: string): string[] {
  const $ = readPage(outputDir, sitePath);
  return $(".preview-problems li")
    .map((_, item) => {
      const part = (name: string) => $(item).find(`.problem-${name}`).text();
      return `${part("place")} | ${part("severity")} ${part("message")} | ${part("fix")}`;
    })
    .get();
}

const BROKEN_DATE = "---\ntitle: Broken\ndate: 2026-02-30\nbyline: Priya Raman\n---\nText with a [bad link](/nowhere/).\n";

describe("the preview", () => {
  it("keeps running when the very first load fails, and lists every problem on the page instead", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/articles/2026/broken.md": BROKEN_DATE,
      "content/articles/2026/bad-link.md": "---\ntitle: Link\ndate: 2026-11-01\nbyline: Priya Raman\n---\nSee [this](/nowhere/).\n",
    });
    const seen: { diagnostics: readonly Diagnostic[]; shown: PreviewChoice }[] = [];
    const provide = createPreviewProvider({ root, onLoad: (diagnostics, shown) => seen.push({ diagnostics, shown }) });

    const site = await provide();
    expect(seen.at(-1)?.shown).toBe("empty");
    expect(site.articles).toEqual([]);
    const out = await render(root, site);
    for (const page of ["/", "/404.html", "/tags/"]) {
      const problems = listedProblems(out, page);
      expect(problems).toContain(
        'content/articles/2026/broken.md:3 | error `date` is not a real day: February 2026 has 28 days, got "2026-02-30" | Fix: Write it like `date: 2026-03-01 09:30`.',
      );
      expect(
        problems.some((line) => line.startsWith("content/articles/2026/bad-link.md:6 | error the link to /nowhere/ leads nowhere")),
      ).toBe(true);
    }
    expect(readPage(out, "/")(".preview-problems-summary").text()).toContain("the site cannot be published");
    expect(readPage(out, "/")("script")).toHaveLength(0);
  });

  it("shows the last good site with the new problems listed on its pages, then the fixed site with only its warnings", async () => {
    const root = copyFixture("newsroom");
    const provide = createPreviewProvider({ root });
    const good = await provide();
    // The fixture's one warning (a tag spelt in lower case): warnings are shown too.
    expect(good.problems?.map((problem) => problem.code)).toEqual(["site/tag-case"]);
    expect(good.articles.some((article) => article.draft)).toBe(true);

    writeFiles(root, { "content/articles/2026/broken.md": BROKEN_DATE });
    const stale = await provide();
    expect(stale.articles.map((article) => article.url)).toEqual(good.articles.map((article) => article.url));
    const out = await render(root, stale);
    expect(listedProblems(out, "/2026/11/24/flood-wall/")[0]).toMatch(
      /^content\/articles\/2026\/broken\.md:3 \| error `date` is not a real day/,
    );
    expect(readPage(out, "/2026/11/24/flood-wall/")("h1").text()).toContain("flood wall");

    unlinkSync(path.join(root, "content/articles/2026/broken.md"));
    const fixed = await provide();
    expect(fixed.problems?.map((problem) => problem.code)).toEqual(["site/tag-case"]);
    const fixedOut = await render(root, fixed);
    expect(readPage(fixedOut, "/")(".preview-problems-summary").text()).toContain("These are warnings");
  });

  it("renders a page listing the problems even when the config itself is broken", async () => {
    const root = copyFixture("newsroom");
    writeFileSync(path.join(root, "tidings.config.yml"), "name: Broken\nurl: not a url\n");
    const site = await createPreviewProvider({ root })();
    const out = await render(root, site);
    const problems = listedProblems(out, "/");
    expect(problems.some((line) => line.startsWith("tidings.config.yml:2 | error `url` must be"))).toBe(true);
    expect(problems.some((line) => line.includes("`donation` is required but missing"))).toBe(true);
  });
});

describe("choosePreviewSite", () => {
  const root = copyFixture("newsroom");
  const loaded = loadSite({ root, mode: "preview", now: NOW });
  const empty = () => ({ ...(loaded.site as Site), articles: [] });

  it("shows a site without errors as it is, with its warnings attached", () => {
    const { site, shown } = choosePreviewSite(loaded, undefined, empty);
    expect(shown).toBe("current");
    expect(site.problems).toEqual(loaded.diagnostics);
  });

  it("attaches nothing when there is nothing to say", () => {
    const { site } = choosePreviewSite({ ...loaded, diagnostics: [] }, undefined, empty);
    expect(site.problems).toBeUndefined();
  });

  it("falls back to the last good site, then to an empty one, when there are errors", () => {
    const failed = { ...loaded, diagnostics: [{ severity: "error", code: "x/y", file: "a.md", message: "bad" } as Diagnostic] };
    const lastGood = loaded.site as Site;
    expect(choosePreviewSite(failed, lastGood, empty)).toMatchObject({
      shown: "last-good",
      site: { articles: lastGood.articles, problems: failed.diagnostics },
    });
    expect(choosePreviewSite(failed, undefined, empty)).toMatchObject({
      shown: "empty",
      site: { articles: [], problems: failed.diagnostics },
    });
  });
});
