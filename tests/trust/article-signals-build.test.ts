import { readFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { readPage, writeFiles } from "../support/fixture-site.ts";
import { htmlValidateErrors } from "../support/html-validators.ts";
import { fileForSitePath } from "../support/site-files.ts";
import { newsroomWithStandards } from "../support/trust-site.ts";

// 27 November 2026, noon UTC: after every fixture article but the draft's and the future one's.
const NOW = Date.UTC(2026, 10, 27, 12);
const SITE = "https://gazette.example.org";
const FLOOD = "/2026/11/24/flood-wall/";
const FLOOD_TITLE = "Council approves “riverside” flood wall — after six-hour debate";

/** The newsroom with its standards, a desk to report errors to, and the trust signals of one story and one reporter. */
function trustedNewsroom(): string {
  const root = newsroomWithStandards("  reportError: mailto:desk@gazette.example.org\n");
  const edit = (file: string, change: (text: string) => string) =>
    writeFiles(root, { [file]: change(readFileSync(path.join(root, file), "utf8")) });
  edit("content/articles/2026/flood-wall.md", (text) =>
    text.replace(
      /^---\n/,
      "---\ndateline: Millbrook\nmethods: |\n  We sat through the six-hour meeting & read the 212-page flood study.\n\n  The cost figures are the council's own; we asked the agency to confirm its share.\n",
    ),
  );
  // A story of one paragraph is all standfirst: its dateline opens the standfirst.
  edit("content/articles/2026/third-story.md", (text) => text.replace(/^---\n/, "---\ndateline: Upper Wendle\n"));
  edit("content/authors/priya-raman.md", (text) => text.replace(/^---\n/, "---\nknowsAbout: [Council finance, Planning, Housing]\n"));
  return root;
}

/** The fields of a `mailto:` address, decoded. */
function mailtoFields(href: string): { address: string; fields: Record<string, string>; names: string[] } {
  const [address = "", query = ""] = href.split("?");
  const pairs = query.split("&").map((field) => field.split("=") as [string, string]);
  return {
    address,
    names: pairs.map(([name]) => name),
    fields: Object.fromEntries(pairs.map(([name, value]) => [name, decodeURIComponent(value)])),
  };
}

function jsonLd($: CheerioAPI): Record<string, unknown> {
  return JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, unknown>;
}

describe("per-article trust signals (the newsroom fixture)", () => {
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    result = await build({ root: trustedNewsroom(), now: NOW });
    out = result.outputDir;
  }, 120_000);

  it("builds", () => {
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  });

  it("opens the story with its dateline, as newspapers print it, and names where it was reported in its structured data", () => {
    const $ = readPage(out, FLOOD);
    const first = $(".article-body").first().children("p").first();
    expect(first.children().first().is("span.place-dateline")).toBe(true);
    expect(first.find(".place-dateline").text()).toBe("Millbrook —");
    expect(first.text()).toMatch(/^Millbrook — Councillors voted 9–4/);
    expect(jsonLd($)).toMatchObject({ dateline: "Millbrook", locationCreated: { "@type": "Place", name: "Millbrook" } });
    // All standfirst: the dateline opens the standfirst, and no empty body is left behind.
    const third = readPage(out, "/2026/11/10/third-story/");
    expect(third(".standfirst .place-dateline").text()).toBe("Upper Wendle —");
    expect(third(".article-body")).toHaveLength(0);
  });

  it("shows how the story was reported in a box after the body, as text, and as the backstory in its structured data", () => {
    const $ = readPage(out, FLOOD);
    const box = $("section.methods");
    expect(box.find("h2").text()).toBe("How we reported this");
    expect(box.attr("aria-labelledby")).toBe("methods-heading");
    expect(
      box
        .find("p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      "We sat through the six-hour meeting & read the 212-page flood study.",
      "The cost figures are the council's own; we asked the agency to confirm its share.",
    ]);
    // After the story, before its corrections.
    expect($(".article-body").last().nextAll("section.methods")).toHaveLength(1);
    expect(box.nextAll("section.corrections")).toHaveLength(1);
    expect(jsonLd($)["backstory"]).toBe(
      "We sat through the six-hour meeting & read the 212-page flood study.\n\nThe cost figures are the council's own; we asked the agency to confirm its share.",
    );
    expect(readPage(out, "/2026/11/20/second-story/")("section.methods")).toHaveLength(0);
  });

  it("links every article to the newsroom's channel for errors, with its headline and address filled in and encoded, and to the feedback policy", () => {
    for (const [url, title] of [
      [FLOOD, FLOOD_TITLE],
      ["/2026/11/20/second-story/", "Second story"],
    ] as const) {
      const $ = readPage(out, url);
      const link = $("a.report-error-link");
      expect(link.text(), url).toBe("Report an error");
      const href = link.attr("href") ?? "";
      expect(href).not.toMatch(/[\s"“”—]/);
      const { address, names, fields } = mailtoFields(href);
      expect(address).toBe("mailto:desk@gazette.example.org");
      expect(names).toEqual(["subject", "body"]);
      expect(fields["subject"]).toBe(`Possible error in “${title}”`);
      expect(fields["body"]).toBe(`About “${title}”\r\n${SITE}${url}\r\n\r\nWhat I think is wrong:\r\n`);
      expect($("a.feedback-policy").attr("href")).toBe("/about/#contact");
      expect($("a.feedback-policy").text()).toBe("How we act on readers’ feedback");
    }
  });

  it("shows what an author covers on their page and in each article's Person", () => {
    const author = readPage(out, "/authors/priya-raman/");
    expect(author(".author-expertise").text()).toBe("Covers Council finance, Planning and Housing.");
    const people = jsonLd(readPage(out, FLOOD))["author"] as Record<string, unknown>[];
    expect(people).toEqual([
      expect.objectContaining({ "@type": "Person", name: "Priya Raman", knowsAbout: ["Council finance", "Planning", "Housing"] }),
      { "@type": "Person", name: "Staff reporter" },
    ]);
  });

  it("carries the dateline into the feeds' full text, as the page prints it", () => {
    const rss = readFileSync(fileForSitePath(out, "/feed.xml"), "utf8");
    expect(rss).toContain('<span class="place-dateline">Millbrook —</span> Councillors voted');
  });

  it("writes valid HTML on the pages that show them", async () => {
    const files = [FLOOD, "/2026/11/10/third-story/", "/authors/priya-raman/"].map((page) => fileForSitePath(out, page));
    expect(await htmlValidateErrors(files, out)).toEqual([]);
  });
});
