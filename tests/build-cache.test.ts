import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, CACHE_DIR } from "../src/build.ts";
import { codeFingerprint, CONTENT_CODE } from "../src/cache/code-fingerprint.ts";
import { CACHE_FILE, ContentCache } from "../src/cache/content-cache.ts";
import { TEMPLATES_DIR } from "../src/eleventy/run-eleventy.ts";
import { loadSite } from "../src/load-site.ts";
import { copyFixture, readPage, writeFiles } from "./support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);

/** Every output file and its bytes, by path. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return [path.relative(folder, full), readFileSync(full)];
  }));
}

async function coldBuild(root: string): Promise<Map<string, Buffer>> {
  const result = await build({ root, now: NOW, cache: false, outputDir: "_cold" });
  expect(result.ok).toBe(true);
  return snapshot(result.outputDir);
}

async function warmBuild(root: string, outputDir = "_site"): Promise<Map<string, Buffer>> {
  const result = await build({ root, now: NOW, outputDir });
  expect(result.ok).toBe(true);
  return snapshot(result.outputDir);
}

const cacheFile = (root: string) => path.join(root, CACHE_DIR, CACHE_FILE);

describe("the content cache in builds", () => {
  it("makes a warm build write exactly the bytes of a cold one", async () => {
    const root = copyFixture("newsroom");
    const cold = await coldBuild(root);
    const first = await warmBuild(root);
    const warm = await warmBuild(root);
    expect(warm.size).toBeGreaterThan(10);
    expect(first).toEqual(cold);
    expect(warm).toEqual(cold);
  });

  it("serves stored work instead of doing it again (so a changed fingerprint must be what invalidates)", async () => {
    const root = copyFixture("newsroom");
    await warmBuild(root);
    const fingerprint = codeFingerprint(CONTENT_CODE);
    // Replace every stored body's HTML with a marker (after an opening paragraph, which the
    // standfirst takes): a load that uses the cache shows the marker.
    const stored = ContentCache.fromBytes(readFileSync(cacheFile(root)), fingerprint).stored;
    expect(stored.size).toBeGreaterThan(10);
    const poisoned = new ContentCache(fingerprint, new Map([...stored].map(([key, value]) => [key, key.startsWith("html:") ? ["<p>Opening.</p>\n<p>FROM-CACHE</p>"] : value])));
    expect(loadSite({ root, mode: "production", now: NOW, cache: poisoned }).site?.articles[0]?.body.parts().join("")).toContain("FROM-CACHE");
    // The same entries under another code fingerprint are never used.
    const otherCode = ContentCache.fromBytes(poisoned.toBytes(), `${fingerprint}-changed`);
    expect(loadSite({ root, mode: "production", now: NOW, cache: otherCode }).site?.articles[0]?.body.parts().join("")).not.toContain("FROM-CACHE");
  });

  it("re-renders when the config changes something rendering depends on (the site's own host)", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, {
      "content/articles/2026/links.md": "---\ntitle: Links\ndate: 2026-11-20\nbyline: Staff\n---\nSee [the gazette](https://gazette.example.org/about/) and [the times](https://times.example.org/).\n",
    });
    await warmBuild(root);
    const externalLinks = (outputDir: string) => readPage(outputDir, "/2026/11/20/links/")("main a[rel~=noopener]").map((_, a) => a.attribs["href"]).get();
    expect(externalLinks(path.join(root, "_site"))).toEqual(["https://times.example.org/"]);
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, readFileSync(config, "utf8").replace("url: https://gazette.example.org", "url: https://times.example.org"));
    const warm = await warmBuild(root);
    expect(externalLinks(path.join(root, "_site"))).toEqual(["https://gazette.example.org/about/"]);
    expect(warm).toEqual(await coldBuild(root));
  });

  it("re-renders an edited article and drops the entries of deleted files", async () => {
    const root = copyFixture("newsroom");
    await warmBuild(root);
    const storedEntries = () => ContentCache.fromBytes(readFileSync(cacheFile(root)), codeFingerprint(CONTENT_CODE)).stored.size;
    const entriesBefore = storedEntries();
    const edited = path.join(root, "content/articles/2026/second-story.md");
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\nA new closing line.\n`);
    rmSync(path.join(root, "content/articles/2026/third-story.md"));
    const warm = await warmBuild(root);
    expect(warm).toEqual(await coldBuild(root));
    const entriesAfter = storedEntries();
    // One file fewer: its validated entry, its rendered body's facts and its HTML are gone.
    expect(entriesAfter).toBe(entriesBefore - 3);
  });

  it("is safe to delete, and a corrupt cache file is ignored and rewritten", async () => {
    const root = copyFixture("newsroom");
    const cold = await coldBuild(root);
    await warmBuild(root);
    rmSync(path.join(root, CACHE_DIR), { recursive: true, force: true });
    expect(await warmBuild(root)).toEqual(cold);
    // Each into a new folder: the same inputs built into the same folder again would not load any content.
    const bytes = readFileSync(cacheFile(root));
    writeFileSync(cacheFile(root), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await warmBuild(root, "_site-2")).toEqual(cold);
    writeFileSync(cacheFile(root), "garbage");
    expect(await warmBuild(root, "_site-3")).toEqual(cold);
    expect(readFileSync(cacheFile(root)).length).toBeGreaterThan(1000);
  });
});

describe("content files the build leaves unread", () => {
  const article = (root: string, name: string) => path.join(root, "content/articles/2026", name);
  // Every file written a minute ago, so the build trusts what it remembers of each by its size and modification time.
  const settle = (root: string) => {
    const earlier = Date.now() / 1000 - 60;
    for (const entry of readdirSync(path.join(root, "content"), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), earlier, earlier);
    }
  };
  // New bytes of the same length and modification time: what the build knows of the file (its digest) no longer holds.
  const replaceUnnoticed = (file: string, from: string, to: string) => {
    const { mtime } = statSync(file);
    const text = readFileSync(file, "utf8");
    expect(to.length).toBe(from.length);
    writeFileSync(file, text.replace(from, to));
    utimesSync(file, mtime, mtime);
  };
  const newStory = (root: string) => writeFiles(root, { "content/articles/2026/new-story.md": "---\ntitle: A new story\ndate: 2026-11-26\nbyline: Priya Raman\n---\nNews.\n" });

  it("are the unchanged ones whose work is remembered: known by their digest, not read again", async () => {
    const root = copyFixture("newsroom");
    settle(root);
    await warmBuild(root);
    replaceUnnoticed(article(root, "second-story.md"), "A school by the river reopens.", "A school by the canal reopens.");
    newStory(root);
    const warm = await warmBuild(root);
    // The page is the remembered one: the file was not read (a build trusts a file's size and time, as git does).
    expect(warm.get("2026/11/20/second-story/index.html")?.toString()).toContain("A school by the river reopens.");
    expect(warm.get("2026/11/26/new-story/index.html")?.toString()).toContain("News.");
  });

  it("are read when a body must be rendered again (a link's target moved), and the build stops if one changed meanwhile", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/articles/2026/linking-story.md": "---\ntitle: Linking story\ndate: 2026-11-21\nbyline: Priya Raman\n---\nSee [the school story](second-story.md).\n" });
    settle(root);
    await warmBuild(root);
    const moveTarget = () => writeFileSync(article(root, "second-story.md"), readFileSync(article(root, "second-story.md"), "utf8").replace("title: Second story", "title: Second story\nslug: school-story"));
    moveTarget();
    const warm = await warmBuild(root);
    expect(warm).toEqual(await coldBuild(root));
    expect(warm.get("2026/11/21/linking-story/index.html")?.toString()).toContain('href="/2026/11/20/school-story/"');

    // The linking file's bytes change unnoticed, and its link's target moves back: its body must be read, and is not what was remembered.
    replaceUnnoticed(article(root, "linking-story.md"), "See [the school", "Read [the schoo");
    writeFileSync(article(root, "second-story.md"), readFileSync(article(root, "second-story.md"), "utf8").replace("slug: school-story\n", ""));
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.file])).toContainEqual(["content/changed-during-build", "content/articles/2026/linking-story.md"]);
  });
});

describe("a build when nothing changed", () => {
  it("keeps the output when only a draft changed, without indexing anything for search", async () => {
    const root = copyFixture("newsroom");
    expect((await build({ root, now: NOW })).ok).toBe(true);
    const draft = path.join(root, "content", "articles", "2026", "draft-story.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace("Not ready.", "Still not ready."));
    const again = await build({ root, now: NOW });
    // The files changed, so the site was loaded; its pages did not, so the search index was never started.
    expect(again).toMatchObject({ ok: true, unchanged: true, rendered: 0 });
    expect(again.inputsUnchanged).toBeUndefined();
    expect(again.timings.search).toBe(0);
  });

  it("keeps the current output, and rebuilds when content, templates, public files or the output itself change", async () => {
    const root = copyFixture("newsroom");
    const cold = await coldBuild(root);
    const first = await build({ root, now: NOW });
    expect(first.unchanged).toBeUndefined();
    const second = await build({ root, now: NOW });
    expect(second.unchanged).toBe(true);
    expect(second.pages).toBe(first.pages);
    expect(snapshot(second.outputDir)).toEqual(cold);

    // A file removed from the output by hand is noticed and written again.
    rmSync(path.join(second.outputDir, "about", "index.html"));
    const repaired = await build({ root, now: NOW });
    expect(repaired.unchanged).toBeUndefined();
    expect(snapshot(repaired.outputDir)).toEqual(cold);

    writeFiles(root, { "public/robots.txt": "User-agent: *\n" });
    const withPublic = await build({ root, now: NOW });
    expect(withPublic.unchanged).toBeUndefined();
    expect(readFileSync(path.join(withPublic.outputDir, "robots.txt"), "utf8")).toBe("User-agent: *\n");

    const edited = path.join(root, "content/articles/2026/second-story.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^title: .*$/m, "title: A new headline"));
    const afterEdit = await build({ root, now: NOW });
    expect(afterEdit.unchanged).toBeUndefined();
    expect(readPage(afterEdit.outputDir, "/")("main").text()).toContain("A new headline");
    expect((await build({ root, now: NOW })).unchanged).toBe(true);
  });

  it.each(["newsroom", "bilingual"])("records every file a build writes (the %s fixture), so the next build keeps the output, cold and without an output", async (fixture) => {
    const root = copyFixture(fixture);
    expect((await build({ root, now: NOW })).ok).toBe(true);
    // Kept only when the output holds exactly the files recorded: one left out of the record would fail here.
    expect((await build({ root, now: NOW })).unchanged).toBe(true);
    rmSync(path.join(root, "_site"), { recursive: true });
    const restored = await build({ root, now: NOW });
    expect(restored.ok).toBe(true);
    expect(restored.rendered).toBe(0);
    expect((await build({ root, now: NOW })).unchanged).toBe(true);
  });

  it("rebuilds when a template changes", async () => {
    const root = copyFixture("newsroom");
    const templates = path.join(root, "my-templates");
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    await build({ root, now: NOW, templatesDir: templates });
    expect((await build({ root, now: NOW, templatesDir: templates })).unchanged).toBe(true);
    const base = path.join(templates, "_includes", "layouts", "base.njk");
    writeFileSync(base, readFileSync(base, "utf8").replace("<main", "<!-- changed --><main"));
    const result = await build({ root, now: NOW, templatesDir: templates });
    expect(result.unchanged).toBeUndefined();
    expect(readFileSync(path.join(result.outputDir, "index.html"), "utf8")).toContain("<!-- changed -->");
  });
});

describe("a build with its previous output in place", () => {
  const ids = (folder: string) =>
    new Map(
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const full = path.join(entry.parentPath, entry.name);
          const stats = statSync(full);
          return [path.relative(folder, full), `${stats.ino} ${stats.mtimeMs}`];
        }),
    );

  it("patches it: what did not change stays as it was, the rest is written, and the result is a cold build's", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    const before = ids(first.outputDir);
    const edited = path.join(root, "content/articles/2026/second-story.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^title: .*$/m, "title: A patched headline"));
    const patched = await build({ root, now: NOW });
    expect(patched.ok).toBe(true);
    // Patched, not swapped: the output folder is the same folder, and no old output was set aside.
    expect(readdirSync(root).filter((name) => name.startsWith("_site."))).toEqual([]);
    const after = ids(patched.outputDir);
    const untouched = [...after].filter(([file, id]) => before.get(file) === id).map(([file]) => file);
    expect(untouched.length).toBeGreaterThan(10);
    expect(untouched).toContain(path.join("about", "index.html"));
    expect(untouched).not.toContain("index.html");
    expect(snapshot(patched.outputDir)).toEqual(await coldBuild(root));
    expect((await build({ root, now: NOW })).unchanged).toBe(true);
  });

  it("replaces it whole when its record is missing, as a build stopped while patching leaves it", async () => {
    const root = copyFixture("newsroom");
    const first = await build({ root, now: NOW });
    writeFileSync(path.join(first.outputDir, "about", "index.html"), "half patched");
    for (const name of readdirSync(path.join(root, CACHE_DIR))) if (name.startsWith("output-")) rmSync(path.join(root, CACHE_DIR, name));
    const second = await build({ root, now: NOW });
    expect(second.ok).toBe(true);
    expect(snapshot(second.outputDir)).toEqual(await coldBuild(root));
  });
});

describe("a build at a later time", () => {
  it("rebuilds when the news sitemap's two-day window has moved, though no file changed", async () => {
    const root = copyFixture("newsroom");
    const dayAfter = Date.UTC(2026, 10, 25, 12);
    const first = await build({ root, now: dayAfter });
    const newsSitemap = () => readFileSync(path.join(first.outputDir, "news-sitemap.xml"), "utf8");
    expect(newsSitemap()).toContain("<news:title>");
    expect((await build({ root, now: dayAfter })).unchanged).toBe(true);
    const later = await build({ root, now: NOW });
    expect(later.unchanged).toBeUndefined();
    // Nothing is two days old any more: the sitemap lists no news.
    expect(newsSitemap()).not.toContain("<news:title>");
  });
});
