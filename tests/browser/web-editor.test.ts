import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localBackendUrl } from "../../src/admin/editor-files.ts";
import { startLocalBackend, type LocalBackend } from "../../src/admin/local-backend.ts";
import { build } from "../../src/build.ts";
import { check } from "../../src/check.ts";
import { parseFrontMatter } from "../../src/content/front-matter.ts";
import { parseFront } from "../../src/fronts/fronts.ts";
import { articleSlug } from "../../src/new-article.ts";
import { launchChromium } from "../support/browser.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";
import { freePorts } from "../support/free-port.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";
import { tempFolder } from "../support/temp-folder.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const HEADLINE = "Harbour ferry strike ends after nine days";
// The browser's clock, pinned in another year than the articles' dates (typed in 2026): Decap files
// an article under the year of its Published date, so the test holds whatever day it runs on.
const BROWSER_NOW = new Date("2027-01-01T00:30:00Z");

/** Wait until the entry editor has mounted (its preview frame is there), so typing is not lost to a late first render. */
async function editorReady(page: Page): Promise<void> {
  await page.getByLabel("Headline", { exact: true }).waitFor();
  await page.locator("iframe").first().waitFor();
  await page.getByText("Writing in Articles collection").waitFor();
}

/** Wait until `read` returns a value, polling; fails after `timeoutMs`. */
async function waitFor<T>(read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Publish the open entry and read the saved file once it holds `marker` (the local backend writes it a moment later). */
async function publishAndRead(page: Page, file: string, marker: string): Promise<string> {
  await page.getByRole("button", { name: "Publish" }).first().click();
  await page.getByText("Publish now").click();
  return waitFor(() => {
    // A new file (a section's first front) appears only once the save lands.
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    return text.includes(marker) ? text : undefined;
  }, 20_000);
}

describe("the web editor at /admin/ against the working copy (Decap CMS + decap-server), in Chromium", () => {
  let root: string;
  let backend: LocalBackend;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    // The real local backend, writing into the site's folder, as `npm start` runs it.
    // Two sections, so the Fronts collection has section pages besides the home page.
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, `${readFileSync(config, "utf8")}\nsections:\n  - { name: News }\n  - { name: Politics, tags: [Council] }\n`);
    // A port the system gives out as free, never decap-server's default (8081) that a running `npm start` holds.
    const [port = 0] = await freePorts(1);
    const preview = await build({ root, mode: "preview", outputDir: "_preview", editorBackendUrl: localBackendUrl(port) });
    if (!preview.ok) throw new Error(JSON.stringify(preview.diagnostics));
    server = await serveFolder(preview.outputDir);
    // The backend answers only the preview's pages, so it learns their origin.
    backend = await startLocalBackend(root, port, { origins: [server.origin] });
    browser = await launchChromium();
  }, 120_000);

  /** A new page logged in to the editor (no account with the local backend), with the script errors it raises. */
  async function logIn(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (failure) => errors.push(failure.message));
    await page.goto(`${server.origin}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    return { page, errors };
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.stop();
  });

  it("creates an article through the form that check accepts and the build publishes with every part", { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    await context.clock.setSystemTime(BROWSER_NOW);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (failure) => errors.push(failure.message));
    page.on("response", (response) => {
      // Decap asks for a favicon the site does not have; anything else missing is a real fault.
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) errors.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(`${server.origin}/admin/`);
    // With the local backend there is no account: "Login" enters the working copy.
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText("Articles").first().waitFor();
    await page.goto(`${server.origin}/admin/#/collections/articles/new`);
    await editorReady(page);

    await page.getByLabel("Headline", { exact: true }).fill(HEADLINE);
    await page.getByLabel("Published", { exact: true }).fill("2026-11-25T09:30");
    await page.getByRole("button", { name: "Add byline" }).click();
    // The byline field offers the author files' names.
    const byline = page.getByLabel("Name", { exact: true });
    expect(await page.locator(`datalist#${await byline.getAttribute("id")}-suggestions option`).evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value))).toEqual(["Priya Raman"]);
    await byline.fill("Priya Raman");
    await page.getByRole("button", { name: "Add topics" }).click();
    await page.getByLabel("Topic", { exact: true }).fill("Ferries");
    await page.getByRole("button", { name: "Add sources" }).click();
    await page.getByLabel("Source", { exact: true }).fill("Harbour Board statement");
    await page.getByLabel("Link (optional)", { exact: true }).fill("https://harbour.example.org/statement");
    await page.getByLabel("Note (optional)", { exact: true }).fill("Issued on Wednesday");

    const photo = path.join(tempFolder("upload"), "harbour-pier.jpg");
    copyFileSync(path.join(root, "content/articles/2026/images/pier.jpg"), photo);
    await page.getByRole("button", { name: "Choose an image" }).click();
    await page.locator("input[type=file]").setInputFiles(photo);
    await page.getByRole("button", { name: "Choose selected" }).click();
    await page.getByLabel(/^Description \(alt text\)/).fill("Ferries tied up at the harbour pier");
    await page.getByLabel("Caption (optional)", { exact: true }).fill("The pier on Tuesday.");

    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("Ferries sailed again on Wednesday after the crews accepted the offer.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("The strike had lasted nine days.");

    // The preview pane is the article in the site's stylesheet.
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator("h1.headline").textContent(), { timeout: 10_000 }).toBe(HEADLINE);
    expect(await preview.locator("link[rel=stylesheet]").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.css$/)]),
    );
    // …in the site's language and direction (left to right here: see tests/admin/editor-page.test.ts for rtl).
    expect(await preview.locator("main.page-article").evaluate((main) => [main.getAttribute("lang"), main.getAttribute("dir")])).toEqual(["en-GB", null]);

    await page.getByRole("button", { name: "Publish" }).first().click();
    await page.getByText("Publish now").click();

    // Saved into the working copy as `npm run new` would file it: content/articles/<year>/<slug>.md, the picture beside it.
    const year = "2026";
    const file = `content/articles/${year}/${articleSlug(HEADLINE)}.md`;
    const source = await waitFor(() => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), "utf8") : undefined), 20_000);
    await waitFor(() => (existsSync(path.join(root, `content/articles/${year}/images/harbour-pier.jpg`)) ? true : undefined), 20_000);
    expect(errors).toEqual([]);
    await context.close();

    const parsed = parseFrontMatter(source, file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.value.data).toEqual({
      title: HEADLINE,
      date: "2026-11-25 09:30",
      byline: ["Priya Raman"],
      tags: ["Ferries"],
      sources: [{ name: "Harbour Board statement", url: "https://harbour.example.org/statement", note: "Issued on Wednesday" }],
      image: { src: "images/harbour-pier.jpg", alt: "Ferries tied up at the harbour pier", caption: "The pier on Tuesday." },
      draft: false,
      donate: true,
      // Decap writes every switch, the live page's too.
      live: false,
    });

    // `npm run check` accepts it, and the production build publishes it with every part.
    const now = Date.UTC(2026, 10, 27, 12);
    const checked = check({ root, now });
    expect(checked.diagnostics.filter((d) => d.file.startsWith(`content/articles/${year}/`) && d.severity === "error")).toEqual([]);
    expect(checked.ok).toBe(true);
    const built = await build({ root, now, outputDir: "_site" });
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    const $ = readPage(built.outputDir, `/2026/11/25/${articleSlug(HEADLINE)}/`);
    expect($("h1.headline").text()).toBe(HEADLINE);
    expect($(".byline a").attr("href")).toBe("/authors/priya-raman/");
    expect($("a[href='/tags/ferries/']").length).toBeGreaterThan(0);
    expect($(".sources a[href='https://harbour.example.org/statement']").text()).toBe("Harbour Board statement");
    expect($(".sources").text()).toContain("Issued on Wednesday");
    expect($("figure img").attr("alt")).toBe("Ferries tied up at the harbour pier");
    expect($("figure figcaption").text()).toContain("The pier on Tuesday.");
    // Without a summary, the story's first paragraph is the standfirst.
    expect($(".standfirst").text()).toBe("Ferries sailed again on Wednesday after the crews accepted the offer.");
    expect($(".article-body p").first().text()).toBe("The strike had lasted nine days.");
    expect($("time[datetime^='2026-11-25T09:30']").length).toBeGreaterThan(0);
  });

  it("saves an article without a lead image (the image's own fields are needed only with a picture)", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await page.clock.setSystemTime(BROWSER_NOW);
    await page.goto(`${server.origin}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText("Articles").first().waitFor();
    await page.goto(`${server.origin}/admin/#/collections/articles/new`);
    await editorReady(page);
    await page.getByLabel("Headline", { exact: true }).fill("No picture today");
    await page.getByLabel("Published", { exact: true }).fill("2026-11-26T08:00");
    await page.getByRole("button", { name: "Add byline" }).click();
    await page.getByLabel("Name", { exact: true }).fill("A guest writer");
    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("Short.");
    await page.getByRole("button", { name: "Publish" }).first().click();
    await page.getByText("Publish now").click();
    const file = path.join(root, "content/articles/2026/no-picture-today.md");
    const source = await waitFor(() => (existsSync(file) ? readFileSync(file, "utf8") : undefined), 20_000);
    await page.close();
    const parsed = parseFrontMatter(source, file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    // A byline without an author file is allowed, and no empty image is written.
    expect(parsed.value.data).toEqual({ title: "No picture today", date: "2026-11-26 08:00", byline: ["A guest writer"], draft: false, donate: true, live: false });
  });

  it("opens and saves an article written with the short forms (a byline and tags as one text, a source by name)", { timeout: 120_000 }, async () => {
    const file = "content/articles/2026/short-forms.md";
    writeFileSync(
      path.join(root, file),
      "---\ntitle: Short forms\ndate: 2026-11-20 10:00\nbyline: Priya Raman\ntags: Council\nsources:\n  - Council minutes\n---\nText.\n",
    );
    const { page, errors } = await logIn();
    await page.getByText("Short forms").first().click();
    const title = page.getByLabel("Headline", { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).toBe("Short forms");
    await title.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" again");
    await page.getByText("UNSAVED CHANGES").waitFor();
    const source = await publishAndRead(page, path.join(root, file), "Short forms again");
    await page.close();
    expect(errors).toEqual([]);
    const parsed = parseFrontMatter(source, file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.value.data).toMatchObject({ title: "Short forms again", date: "2026-11-20 10:00", byline: ["Priya Raman"], tags: ["Council"], sources: [{ name: "Council minutes" }] });
    expect(check({ root, now: Date.UTC(2026, 10, 27, 12) }).diagnostics.filter((d) => d.file === file && d.severity === "error")).toEqual([]);
  });

  it("curates the home page's front through the form: a new container with a pinned headline, saved as a front the build accepts", { timeout: 120_000 }, async () => {
    const file = "content/fronts/home.yml";
    writeFiles(root, { [file]: "title: Top stories\ncontainers:\n  - title: Latest\n    layout: list\n    backfill: { limit: 1 }\n" });
    const { page, errors } = await logIn();
    await page.getByText("Articles").first().waitFor();
    await page.goto(`${server.origin}/admin/#/collections/fronts/entries/home`);
    const heading = page.getByLabel(/^Page heading/);
    await expect.poll(() => heading.inputValue(), { timeout: 20_000 }).toBe("Top stories");
    await heading.fill("Today in the valley");
    await page.getByRole("button", { name: "Add containers" }).click();
    // The new container is the second; its fields are the last of their kind on the form.
    await page.getByLabel("Heading", { exact: true }).last().fill("Further back");
    await page.getByLabel("Layout", { exact: true }).last().click();
    await page.getByText("Lead story (one big card)", { exact: true }).last().click();
    await page.getByRole("button", { name: "Add pinned articles" }).last().click();
    const pin = page.getByLabel("Article", { exact: true }).last();
    // The pin offers the site's articles by headline, the file as its value.
    const offered = await page.locator(`datalist#${await pin.getAttribute("id")}-suggestions option`).evaluateAll((options) =>
      options.map((option) => [(option as unknown as { value: string }).value, (option as unknown as { label: string }).label]),
    );
    expect(offered).toContainEqual(["content/articles/2026/flood-wall.md", "Council approves “riverside” flood wall — after six-hour debate"]);
    // The oldest story, which the newest-first container above does not take.
    await pin.fill("content/articles/2026/third-story.md");
    // Typed in and cleared: Decap hands the format `tag: ""` and `limit: ""`, which cms.js leaves out.
    for (const label of [/^Topic/, /^How many/]) {
      await page.getByLabel(label).last().fill("3");
      await page.getByLabel(label).last().fill("");
    }
    const source = await publishAndRead(page, path.join(root, file), "Further back");
    await page.close();
    expect(errors).toEqual([]);
    const parsed = parseFront(source, file);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.front?.spec).toEqual({
      title: "Today in the valley",
      containers: [
        { title: "Latest", showTitle: true, layout: "list", pinned: [], backfill: { limit: 1 } },
        { title: "Further back", showTitle: true, layout: "lead", pinned: ["content/articles/2026/third-story.md"] },
      ],
    });
    const now = Date.UTC(2026, 10, 27, 12);
    expect(check({ root, now }).diagnostics.filter((d) => d.file === file)).toEqual([]);
    const built = await build({ root, now, outputDir: "_site-front" });
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    const $ = readPage(built.outputDir, "/");
    expect($("h1").text()).toBe("Today in the valley");
    expect($("section.front-container h2").map((_, h2) => $(h2).text()).get()).toEqual(["Latest", "Further back"]);
    expect($("section.front-container").last().find(".card-title a").attr("href")).toBe("/2026/11/10/third-story/");
  });

  it("gives a section its front when its page, which has no file yet, is saved from the form", { timeout: 120_000 }, async () => {
    const file = path.join(root, "content/fronts/politics.yml");
    expect(existsSync(file)).toBe(false);
    const { page, errors } = await logIn();
    await page.getByText("Articles").first().waitFor();
    await page.goto(`${server.origin}/admin/#/collections/fronts/entries/section-politics`);
    // Opens as an empty form rather than an error.
    await page.getByText("0 containers").waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Add containers" }).click();
    await page.getByLabel("Heading", { exact: true }).fill("The council");
    await page.getByLabel("Layout", { exact: true }).click();
    await page.getByText("Row of cards", { exact: true }).click();
    await page.getByLabel(/^Section/).click();
    await page.getByText("Politics", { exact: true }).last().click();
    await page.getByLabel(/^How many/).fill("3");
    const source = await publishAndRead(page, file, "The council");
    await page.close();
    expect(errors).toEqual([]);
    const parsed = parseFront(source, "content/fronts/politics.yml");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.front?.spec).toEqual({ containers: [{ title: "The council", showTitle: true, layout: "row", pinned: [], backfill: { section: "Politics", limit: 3 } }] });
    const built = await build({ root, now: Date.UTC(2026, 10, 27, 12), outputDir: "_site-section" });
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    const $ = readPage(built.outputDir, "/politics/");
    expect($("section.front-container h2").text()).toBe("The council");
    expect($("section.front-container .card-title a").attr("href")).toBe("/2026/11/24/flood-wall/");
  });
});
