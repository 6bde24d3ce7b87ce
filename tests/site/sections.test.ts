import { describe, expect, it } from "vitest";
import { parseConfig, type SiteConfig } from "../../src/config/config.ts";
import { chooseSection, sectionByFolder } from "../../src/site/sections.ts";

function siteConfig(sections: string): SiteConfig {
  const parsed = parseConfig(`name: The Gazette\nurl: https://gazette.example.org\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\n${sections}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.config;
}

const config = siteConfig(`sections:
  - { name: News, tags: [River] }
  - { name: Politics, tags: [Council] }
  - { name: Culture, folders: [arts, 2026/festival] }
  - { name: Opinion }
`);

const sectionOf = (file: string, tags: string[] = [], section?: string) => chooseSection({ file, tags, section, line: 3 }, config).section?.slug;

describe("chooseSection", () => {
  it("files an article under content/articles/<slug>/ in that section by default", () => {
    expect(sectionOf("content/articles/politics/budget.md")).toBe("politics");
    expect(sectionOf("content/articles/opinion/2026/ferry.md")).toBe("opinion");
  });

  it("uses a section's `folders` instead of its slug when the config lists them, at any depth", () => {
    expect(sectionOf("content/articles/arts/gallery.md")).toBe("culture");
    expect(sectionOf("content/articles/2026/festival/line-up.md")).toBe("culture");
    // `folders` replaces the default: culture/ is no longer Culture's folder.
    expect(sectionOf("content/articles/culture/gallery.md")).toBe("news");
  });

  it("matches whole folder names only, and never the file name", () => {
    expect(sectionOf("content/articles/politics-extra/budget.md")).toBe("news");
    expect(sectionOf("content/articles/2026/politics.md")).toBe("news");
  });

  it("puts the front matter first, then the folder, then the tags, then the first section", () => {
    expect(sectionOf("content/articles/politics/budget.md", ["River"], "Opinion")).toBe("opinion");
    expect(sectionOf("content/articles/politics/budget.md", ["River"])).toBe("politics");
    expect(sectionOf("content/articles/2026/budget.md", ["Council"])).toBe("politics");
    expect(sectionOf("content/articles/2026/budget.md", ["Weather"])).toBe("news");
  });

  it("still reports a `section` naming no section, whatever the folder", () => {
    const chosen = chooseSection({ file: "content/articles/politics/budget.md", tags: [], section: "Sport", line: 3 }, config);
    expect(chosen.diagnostic).toMatchObject({ code: "front-matter/section", line: 3 });
  });
});

describe("sectionByFolder", () => {
  it("prefers the deeper of two folders that both hold the file", () => {
    const nested = siteConfig(`sections:
  - { name: News, folders: [2026] }
  - { name: Culture, folders: [2026/festival] }
`).sections;
    expect(sectionByFolder("content/articles/2026/festival/line-up.md", nested)?.slug).toBe("culture");
    expect(sectionByFolder("content/articles/2026/budget.md", nested)?.slug).toBe("news");
    expect(sectionByFolder("content/pages/2026/about.md", nested)).toBeUndefined();
  });

  it("files nothing by folder for a section whose `folders` is empty", () => {
    const off = siteConfig("sections:\n  - { name: News }\n  - { name: Politics, folders: [] }\n").sections;
    expect(sectionByFolder("content/articles/politics/budget.md", off)).toBeUndefined();
  });
});

describe("the sections' `folders` setting", () => {
  it("refuses a folder that could reach outside content/articles, with its line", () => {
    for (const folder of ["../pages", "/etc", "politics/", "a/./b", "a\\\\b"]) {
      const parsed = parseConfig(`name: G\nurl: https://g.example.org\ndonation: { heading: Give, text: Please., button: Give, url: /donate/ }\nsections:\n  - name: News\n    folders: ["${folder}"]\n`);
      expect(parsed.ok, folder).toBe(false);
      if (!parsed.ok) expect(parsed.diagnostics[0]).toMatchObject({ line: 6 });
    }
  });
});
