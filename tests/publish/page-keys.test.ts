import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keyPages, pageBaseKey } from "../../src/publish/page-keys.ts";
import { listOutputPages, siteChromes } from "../../src/pages/page-views.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { richSite } from "../support/rich-site.ts";
import { articleEntry, siteInput } from "../support/site-input.ts";
import { htmlBody } from "../support/html-body.ts";
import type { BodyParts } from "../../src/model/body-html.ts";

const folder = mkdtempSync(path.join(tmpdir(), "tidings-page-keys-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function templates(text: string): string {
  const dir = path.join(folder, "templates");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "page.njk"), text);
  return dir;
}

const assets = { stylesheet: "/assets/site.1.css", searchScript: "/assets/search.1.js", askScript: "/assets/ask.1.js", embedScript: "/assets/embed.1.js" };

function keysOf(articles: ReturnType<typeof articleEntry>[], code = "c", templatesDir = templates("<p>{{ site.config.name }}</p>")): Map<string, string> {
  const { site } = buildSite(siteInput({ articles }));
  const base = pageBaseKey({ code, templatesDir, chrome: siteChromes(site), assets });
  return new Map(keyPages(listOutputPages(site), base).map((page) => [page.file, page.key]));
}

describe("page keys", () => {
  const three = [
    articleEntry("a.md", { date: "2026-01-01", tags: ["River"] }),
    articleEntry("b.md", { date: "2026-01-02", tags: ["Council"] }),
    articleEntry("c.md", { date: "2026-01-03", tags: ["Council"] }),
  ];

  it("names each page's output file as Eleventy writes it", () => {
    const files = [...keysOf(three).keys()];
    expect(files).toContain("index.html");
    expect(files).toContain("404.html");
    expect(files).toContain("tags/river/index.html");
  });

  it("are the same for the same content", () => {
    expect(keysOf(three)).toEqual(keysOf(three));
  });

  it("change for the pages that show an edited article, and only those", () => {
    const before = keysOf(three);
    const edited = [three[0]!, articleEntry("b.md", { date: "2026-01-02", tags: ["Council"], title: "A new headline" }), three[2]!];
    const after = keysOf(edited);
    const changed = [...after].filter(([file, key]) => before.get(file) !== key).map(([file]) => file);
    // The article's own page, and the lists that show its headline: home, its tag, the 404's newest stories, and the pages related to it.
    expect(changed).toContain("index.html");
    expect(changed).toContain("tags/council/index.html");
    expect(changed).not.toContain("tags/river/index.html");
    // The 404 page offers the newest stories, this one among them.
    expect(changed).toContain("404.html");
    expect(changed).not.toContain("tags/index.html");
  });

  it("change with an article's body alone, wherever its text moves between the parts the donation marker splits it into", () => {
    const withBody = (parts: BodyParts) => [three[0]!, { ...articleEntry("b.md", { date: "2026-01-02", tags: ["Council"] }), html: htmlBody(...parts) }, three[2]!];
    const page = "2026/01/02/b/index.html";
    const plain = keysOf(withBody(["<p>Body.</p>", "<p>More.</p>"])).get(page);
    expect(plain).toBeDefined();
    expect(keysOf(withBody(["<p>Body.</p>", "<p>More.</p>"])).get(page)).toBe(plain);
    expect(keysOf(withBody(["<p>Body!</p>", "<p>More.</p>"])).get(page)).not.toBe(plain);
    expect(keysOf(withBody(["<p>Body.</p><p>More.</p>"])).get(page)).not.toBe(plain);
    expect(keysOf(withBody(["<p>Body.</p><p>", "More.</p>"])).get(page)).not.toBe(plain);
  });

  it("all change with the code fingerprint or any template", () => {
    const before = keysOf(three);
    const otherCode = keysOf(three, "d");
    const otherTemplate = keysOf(three, "c", templates("<p>{{ site.config.name }}!</p>"));
    for (const [file, key] of before) {
      expect(otherCode.get(file)).not.toBe(key);
      expect(otherTemplate.get(file)).not.toBe(key);
    }
  });

  // A key is the JSON of the view, and JSON writes a Map, a Set or a class instance as {} (or
  // a Date as a string): such a value would drop out of the key and leave pages stale.
  it("hash views that are plain data all the way down, so JSON holds all of each", () => {
    const notPlain: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== "object") {
        if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") notPlain.push(`${at}: ${typeof value}`);
        return;
      }
      if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${at}[${index}]`));
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return void notPlain.push(`${at}: ${value.constructor.name}`);
      for (const [key, item] of Object.entries(value)) visit(item, `${at}.${key}`);
    };
    for (const mode of ["production", "preview"] as const) {
      for (const page of listOutputPages(richSite({ mode }))) {
        // An article's body stands in its key as the body's key (a string), as viewJson puts it.
        const view = page.template === "article" ? { ...page.view, body: page.view.body.key } : page.view;
        visit(view, `${mode} ${page.url}`);
      }
    }
    expect(notPlain).toEqual([]);
  });
});
