import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localBackendUrl } from "../../src/admin/editor-files.ts";
import { startLocalBackend, type LocalBackend } from "../../src/admin/local-backend.ts";
import { build } from "../../src/build.ts";
import { parseConfig } from "../../src/config/config.ts";
import { configLanguages } from "../../src/config/language-config.ts";
import { parseFrontMatter } from "../../src/content/front-matter.ts";
import { fileLanguage } from "../../src/i18n/site-languages.ts";
import { launchChromium } from "../support/browser.ts";
import { copyFixture } from "../support/fixture-site.ts";
import { freePorts } from "../support/free-port.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
// The browser's clock, in another year than the article's date: Decap files an article under its Published year.
const BROWSER_NOW = new Date("2027-01-01T00:30:00Z");
const FOLDER = "content/articles/2026";

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

describe("the web editor of a site of two languages: translations side by side (Decap i18n + decap-server), in Chromium", () => {
  let root: string;
  let backend: LocalBackend;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    const config = path.join(root, "tidings.config.yml");
    writeFileSync(config, `${readFileSync(config, "utf8")}\nlanguages:\n  - { code: cy, name: Cymraeg }\n`);
    const [port = 0] = await freePorts(1);
    const preview = await build({ root, mode: "preview", outputDir: "_preview", editorBackendUrl: localBackendUrl(port) });
    if (!preview.ok) throw new Error(JSON.stringify(preview.diagnostics));
    server = await serveFolder(preview.outputDir);
    backend = await startLocalBackend(root, port, { origins: [server.origin] });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.stop();
  });

  /** The editor, logged in (no account with the local backend), with the script errors and failed requests it raises. */
  async function logIn(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    await context.clock.setSystemTime(BROWSER_NOW);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (failure) => errors.push(failure.message));
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) errors.push(`${response.status()} ${response.url()}`);
    });
    // "Fill in from another locale" asks first.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${server.origin}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText("Articles").first().waitFor();
    return { page, errors };
  }

  /** A new article's form, both languages side by side. */
  async function newArticle(): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await logIn();
    await page.goto(`${server.origin}/admin/#/collections/articles/new`);
    await page.getByText("Writing in CY").waitFor();
    await page.getByLabel("Headline", { exact: true }).nth(1).waitFor();
    return { page, errors };
  }

  /** Fill the translation's side (the right one) from the original: what Decap copies by itself is only what changes in the original. */
  async function fillFromOriginal(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Fill in from another locale" }).nth(1).click();
    await page.getByRole("menuitem", { name: "EN-GB" }).click();
  }

  /** Fill the main language's side (the left one): headline, time, byline, story. */
  async function writeOriginal(page: Page, headline: string, story: string): Promise<void> {
    await page.getByLabel("Headline", { exact: true }).first().fill(headline);
    await page.getByLabel("Published", { exact: true }).first().fill("2026-11-25T09:30");
    await page.getByRole("button", { name: "Add byline" }).first().click();
    await page.getByLabel("Name", { exact: true }).first().fill("Priya Raman");
    await page.locator("[data-slate-editor]").first().click();
    await page.keyboard.type(story);
  }

  async function publish(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Publish" }).first().click();
    await page.getByText("Publish now").click();
  }

  const data = (file: string) => {
    const parsed = parseFrontMatter(readFileSync(path.join(root, file), "utf8"), file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    return { data: parsed.value.data, body: parsed.value.body };
  };

  it(
    "writes an article and its Welsh translation as flood.en-gb.md and flood.cy.md, which Tidings reads as English and Welsh",
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await newArticle();
      await writeOriginal(page, "Harbour ferry strike ends", "Ferries sailed again on Wednesday.");
      // The Welsh side: filled from the English (the byline, which Decap cannot copy by itself), then translated.
      await fillFromOriginal(page);
      await page.getByLabel("Headline", { exact: true }).nth(1).fill("Streic fferi'r harbwr yn dod i ben");
      const welshStory = page.locator("[data-slate-editor]").nth(1);
      await welshStory.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("Hwyliodd y fferïau eto ddydd Mercher.");
      await publish(page);

      const original = `${FOLDER}/harbour-ferry-strike-ends.en-gb.md`;
      const translation = `${FOLDER}/harbour-ferry-strike-ends.cy.md`;
      await waitFor(() => (existsSync(path.join(root, original)) && existsSync(path.join(root, translation)) ? true : undefined), 20_000);
      await page.context().close();
      expect(errors).toEqual([]);
      // Side by side, and no file without a language's code.
      expect(readdirSync(path.join(root, FOLDER)).filter((name) => name.startsWith("harbour-ferry-strike-ends"))).toEqual([
        "harbour-ferry-strike-ends.cy.md",
        "harbour-ferry-strike-ends.en-gb.md",
      ]);
      expect(data(original)).toEqual({
        data: {
          title: "Harbour ferry strike ends",
          date: "2026-11-25 09:30",
          byline: ["Priya Raman"],
          draft: false,
          donate: true,
          live: false,
        },
        body: "Ferries sailed again on Wednesday.\n",
      });
      // The date copied (`duplicate`), the byline filled from the English, the words translated.
      expect(data(translation)).toEqual({
        data: {
          title: "Streic fferi'r harbwr yn dod i ben",
          date: "2026-11-25 09:30",
          byline: ["Priya Raman"],
          draft: false,
          donate: true,
          live: false,
        },
        body: "Hwyliodd y fferïau eto ddydd Mercher.\n",
      });
      const parsed = parseConfig(readFileSync(path.join(root, "tidings.config.yml"), "utf8"));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
      const languages = configLanguages(parsed.config);
      expect(fileLanguage(original, languages)).toEqual({
        language: expect.objectContaining({ tag: "en-GB", main: true }),
        stem: `${FOLDER}/harbour-ferry-strike-ends`,
      });
      expect(fileLanguage(translation, languages)).toEqual({
        language: expect.objectContaining({ tag: "cy", main: false }),
        stem: `${FOLDER}/harbour-ferry-strike-ends`,
      });
    },
  );

  it("writes a language nobody translated as an empty file (Decap writes one for every language)", { timeout: 120_000 }, async () => {
    const { page, errors } = await newArticle();
    await writeOriginal(page, "English only today", "Only in English.");
    await publish(page);
    const original = `${FOLDER}/english-only-today.en-gb.md`;
    const translation = path.join(root, `${FOLDER}/english-only-today.cy.md`);
    await waitFor(() => (existsSync(path.join(root, original)) && existsSync(translation) ? true : undefined), 20_000);
    await page.context().close();
    expect(errors).toEqual([]);
    expect(data(original).data).toMatchObject({ title: "English only today" });
    // Not the defaults and copied fields without a headline, which Tidings would refuse.
    expect(readFileSync(translation, "utf8").trim()).toBe("");
  });

  it(
    "translates an existing article: its date, type, donation block and translation key copied (its language not), its byline, topics and story filled in",
    { timeout: 120_000 },
    async () => {
      const original = `${FOLDER}/ferry-timetable.en-gb.md`;
      writeFileSync(
        path.join(root, original),
        "---\ntitle: Winter ferry timetable published\ndate: 2026-11-21 10:00\nbyline: Priya Raman\ntags: Ferries\ntype: analysis\ndonate: false\nlanguage: en-GB\ntranslationKey: winter-timetable\n---\nThe winter timetable starts in December.\n",
      );
      const { page, errors } = await logIn();
      await page.getByText("Winter ferry timetable published").first().click();
      const headlines = page.getByLabel("Headline", { exact: true });
      await expect.poll(() => headlines.first().inputValue(), { timeout: 20_000 }).toBe("Winter ferry timetable published");
      await fillFromOriginal(page);
      await headlines.nth(1).fill("Amserlen fferi'r gaeaf wedi'i chyhoeddi");
      await publish(page);
      const translation = path.join(root, `${FOLDER}/ferry-timetable.cy.md`);
      await waitFor(() => (existsSync(translation) ? true : undefined), 20_000);
      await page.context().close();
      expect(errors).toEqual([]);
      expect(data(`${FOLDER}/ferry-timetable.cy.md`)).toEqual({
        data: {
          title: "Amserlen fferi'r gaeaf wedi'i chyhoeddi",
          date: "2026-11-21 10:00",
          byline: ["Priya Raman"],
          tags: ["Ferries"],
          type: "analysis",
          donate: false,
          translationKey: "winter-timetable",
        },
        body: "The winter timetable starts in December.\n",
      });
      expect(data(original).data).toMatchObject({
        title: "Winter ferry timetable published",
        language: "en-GB",
        translationKey: "winter-timetable",
      });
    },
  );

  it(
    "opens a main-language file named without its code (flood-wall.md) as an empty form: Decap reads only <slug>.<code>.md",
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await logIn();
      // Listed under its headline…
      await page.getByText("Council approves").first().click();
      // …but opened as an entry whose languages' files do not exist. Rename it flood-wall.en-gb.md to edit it here.
      await page.getByRole("button", { name: "Delete entry" }).waitFor({ timeout: 20_000 });
      await page.getByText("Writing in CY").waitFor();
      const headlines = page.getByLabel("Headline", { exact: true });
      expect([await headlines.first().inputValue(), await headlines.nth(1).inputValue()]).toEqual(["", ""]);
      await page.context().close();
      expect(errors).toEqual([]);
      expect(readdirSync(path.join(root, FOLDER)).filter((name) => name.startsWith("flood-wall"))).toEqual(["flood-wall.md"]);
    },
  );
});
