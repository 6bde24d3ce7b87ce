import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import matter from "gray-matter";
import type { Paragraph, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { generateArticles } from "../../bench/generate-site.ts";
import {
  gfmConstructsFor,
  mayHoldTable,
  onlyWhereLinkable,
  remarkGfmLean,
  withoutConstructs,
  withoutEmailAutolinks,
} from "../../src/markdown/plugins/remark-gfm-lean.ts";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import type { Processor } from "unified";

const reference = unified().use(remarkParse).use(remarkGfm).freeze();
const lean = unified().use(remarkParse).use(remarkGfmLean).freeze();
// The lean parser with mdast-util-gfm's autolink transform run on every tree, as before onlyWhereLinkable.
const leanUnguarded = unified()
  .use(remarkParse)
  .use(function (this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(withoutEmailAutolinks(gfm()));
    (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  })
  .freeze();

// Positions differ by design: links made by mdast-util-gfm's transform have none. Everything else must match.
function tree(processor: typeof reference, markdown: string): Root {
  return withoutPositions(processor.parse(markdown)) as Root;
}

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== "position")
      .map(([key, value]) => [key, withoutPositions(value)]),
  );
}

function expectSameTree(markdown: string): void {
  expect(tree(lean, markdown), JSON.stringify(markdown)).toEqual(tree(reference, markdown));
}

// Where emails and URLs meet the rest of Markdown: punctuation, emphasis, code, links, tables, footnotes.
const EMAIL_CASES = [
  "Write to news@example.org.",
  "Write to news@example.org, or call.",
  "(news@example.org)",
  "“tips@example.co.uk”",
  "first.last+tips@example.org and a@b.co",
  "*news@example.org* and **news@example.org**",
  "_news@example.org_ and snake_case@example.org",
  "a*b*@example.org",
  "`news@example.org` in code",
  "[write to news@example.org](https://example.org)",
  "<news@example.org> and <https://example.org>",
  "www.desk@example.org and www.@example.org and wwwdesk@example.org and _www.desk@example.org (www.desk@example.org)",
  "news@example.org_ news@example.org- news@example.org1",
  "user@localhost and user@example. and @example.org and user@",
  "www.example.org/contact@desk and https://example.org/?to=a@b.org",
  "| who | contact |\n| --- | --- |\n| Desk | news@example.org |",
  "A note.[^1]\n\n[^1]: Ask desk@example.org.",
  "# Contact desk@example.org",
  "> Quote from ed@example.org\n> - list item x@y.io",
  "- [x] emailed a@b.org\n- [ ] www.example.org",
  "~~old@example.org~~ new@example.org",
  "ünïcødé@example.org and naïve user@exämple.org",
  "a@b.c.d.e.f.g.h a.b.c@d-e.f",
  '![alt a@b.org](img.png "t a@b.org")',
  "<span>inline html a@b.org</span> a@b.org",
  "line one a@b.org  \nline two\\\nb@c.org",
  "http://example.org/a_b_c *x* www.example.org/a*b*",
];

// Markdown-like text: letters, the characters that start or end Markdown constructs, web addresses; no `@`.
const markdownPiece = fc.constantFrom(
  ..."ab._-+*~`[]()<>!#|:/\\ \n\t0wh.:ox".split(""),
  " www.example.org/a ",
  " https://example.org/b?c=d ",
  "\n\n",
  "- ",
  "> ",
  "| a |",
);
// Addresses as people write them in prose: `(first.last+tag@news.example.co.uk).`
const emailAddress = fc
  .tuple(
    fc.constantFrom(" ", " (", "\n", " “", " *", " _", " **"),
    fc.stringMatching(/^[a-z0-9]{1,6}(?:[._+-][a-z0-9]{1,6}){0,2}$/),
    fc.stringMatching(/^(?:[a-z0-9]{1,6}(?:-[a-z0-9]{1,4})?\.){1,3}[a-z]{2,4}$/),
    fc.constantFrom(" ", ". ", ", ", ") ", "\n", "; ", "? ", "! ", ": ", "” ", "* ", "_ ", "** "),
  )
  .map(([before, local, domain, after]) => `${before}${local}@${domain}${after}`);

// Where the two parsers differ, the lean one follows the GFM spec: mdast-util-gfm's transform
// links `mailto:`/`xmpp:` addresses whole (micromark leaves that as a to-do) and requires a label
// before each dot of the domain; an address with `www.` after punctuation in it becomes a web link.
const KNOWN_DIFFERENCES = [
  ["mailto:news@example.org", "mailto:news@example.org"],
  ["xmpp:desk@example.org/phone", "xmpp:desk@example.org/phone"],
  ["a@.b", undefined],
  ["a+www.desk@example.org", "http://www.desk@example.org"],
] as const;

describe("remarkGfmLean", () => {
  it("parses editors' email addresses in every context exactly as remark-gfm does", () => {
    for (const markdown of EMAIL_CASES) expectSameTree(markdown);
  });

  it("links an email address in text", () => {
    const link = JSON.stringify(tree(lean, "Write to news@example.org."));
    expect(link).toContain('"url":"mailto:news@example.org"');
  });

  it("differs from remark-gfm only on the known odd addresses", () => {
    for (const [markdown, url] of KNOWN_DIFFERENCES) {
      expect(tree(lean, markdown)).not.toEqual(tree(reference, markdown));
      const link = (tree(lean, markdown).children[0] as Paragraph).children.find((node) => node.type === "link");
      expect(link?.url, markdown).toBe(url);
    }
  });

  it("parses the sample site and the benchmark's generated articles exactly as remark-gfm does", () => {
    const folder = path.resolve(import.meta.dirname, "../../content");
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectSameTree(matter(readFileSync(path.join(folder, file), "utf8")).content);
    for (const article of generateArticles({ articles: 200, seed: 7 }).articles) expectSameTree(article.body);
  });

  it("parses random Markdown-like text with email addresses in it exactly as remark-gfm does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: markdownPiece, weight: 6 }, { arbitrary: emailAddress, weight: 1 }), { maxLength: 60 }),
        (pieces) => expectSameTree(pieces.join("")),
      ),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 3000) },
    );
  });

  it("links the same addresses whether or not the autolink transform is skipped on trees without a linkable text", () => {
    const cases = [
      ...EMAIL_CASES,
      "Write to news&#64;example.org or desk&commat;example.org.",
      "Visit WWW.EXAMPLE.ORG or HTTPS://EXAMPLE.ORG/A or Http://example.org.",
      "See [the site](https://example.org) and ![a photo](https://example.org/a.jpg), no address in the text.",
      "`www.example.org` and `a@b.org` in code only",
      "[www.example.org](https://example.org) and [a@b.org][ref]\n\n[ref]: https://example.org",
      "Plain prose with no address at all.",
    ];
    const same = (markdown: string): void => {
      expect(tree(lean, markdown), JSON.stringify(markdown)).toEqual(tree(leanUnguarded, markdown));
    };
    for (const markdown of cases) same(markdown);
    const piece = fc.oneof(
      { arbitrary: markdownPiece, weight: 6 },
      { arbitrary: emailAddress, weight: 1 },
      {
        arbitrary: fc.constantFrom("&#64;", "&commat;", "&#x40;", "WWW.", "wWw.", "HTTP://", "hTtPs://", "&#119;ww.", "mailto:", "xmpp:"),
        weight: 2,
      },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => same(pieces.join(""))),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 2000) },
    );
  });

  it("runs the autolink transform only on a tree with a text holding an @, http://, https:// or www.", () => {
    let runs = 0;
    const counted = unified()
      .use(remarkParse)
      .use(function (this: Processor) {
        const data = this.data();
        (data.fromMarkdownExtensions ??= []).push(
          onlyWhereLinkable({ enter: { literalAutolink: () => undefined }, transforms: [() => void runs++] }),
        );
      })
      .freeze();
    const runsFor = (markdown: string) => {
      runs = 0;
      counted.parse(markdown);
      return runs;
    };
    expect(runsFor("Plain prose, [a link](https://example.org) and ![a photo](https://example.org/a.jpg).")).toBe(0);
    expect(runsFor("Write to news&#64;example.org.")).toBe(1);
    expect(runsFor("Visit WWW.EXAMPLE.ORG.")).toBe(1);
    expect(runsFor("> See hTtPs://example.org")).toBe(1);
    // Another extension's transforms are left alone.
    const other = { transforms: [() => undefined] };
    expect(onlyWhereLinkable(other)).toBe(other);
  });

  it("parses a text that cannot hold a table (no |, :- or -:) to the same tree without the table construct", () => {
    const withTables = unified().use(remarkParse).use(remarkGfmLean).freeze();
    const tableless = unified().use(remarkParse).use(remarkGfmLean, { tables: false }).freeze();
    // One-column tables need no pipe: a colon against the delimiter row's dashes is enough.
    for (const table of ["a | b\n--- | ---", "a\n:--", "a\n--:", "> a\n> :-:", "- a\n\n  x\n  -:"]) {
      expect(mayHoldTable(table), table).toBe(true);
      expect(JSON.stringify(withTables.parse(table)), table).toContain('"type":"table"');
    }
    const piece = fc.constantFrom(
      "a",
      "b c",
      " ",
      "  ",
      "\t",
      "\n",
      "\n\n",
      "|",
      ":",
      "-",
      "--",
      "---",
      ":--",
      "--:",
      ":-:",
      "> ",
      "- ",
      "1. ",
      "* ",
      "`",
      "\\",
      "#",
      "=",
    );
    let compared = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        if (mayHoldTable(text)) return;
        compared++;
        expect(tableless.parse(text), JSON.stringify(text)).toEqual(withTables.parse(text));
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 3000) },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("takes only the table construct out", () => {
    const names = (extension: ReturnType<typeof gfm>) =>
      Object.values({ ...extension.flow, ...extension.document, ...extension.text })
        .flat()
        .map((construct) => construct?.name);
    expect(names(gfm())).toContain("table");
    expect(names(withoutConstructs(gfm(), new Set(["table"])))).toEqual(names(gfm()).filter((name) => name !== "table"));
    const autolinks = new Set(["wwwAutolink", "protocolAutolink", "emailAutolink"]);
    expect(names(withoutConstructs(gfm(), autolinks))).toEqual(names(gfm()).filter((name) => name === undefined || !autolinks.has(name)));
    const extension = gfm();
    expect(withoutConstructs(extension, new Set())).toBe(extension);
  });

  it("says a text can hold an autolink literal exactly when it has www., http:// or https:// (any case), or an @", () => {
    expect(gfmConstructsFor("Plain prose, with what: a colon.")).toEqual({
      tables: false,
      wwwAutolinks: false,
      protocolAutolinks: false,
      emailAutolinks: false,
    });
    expect(gfmConstructsFor("see WwW.example.org | HTTPS://example.org and desk@example.org")).toEqual({
      tables: true,
      wwwAutolinks: true,
      protocolAutolinks: true,
      emailAutolinks: true,
    });
    // Near misses: none of these is an autolink literal's start.
    expect(gfmConstructsFor("www example, wwwX.org, http:/x, https:x, ftp://x")).toMatchObject({
      wwwAutolinks: false,
      protocolAutolinks: false,
      emailAutolinks: false,
    });
    expect(gfmConstructsFor("[a](http://example.org)")).toMatchObject({ protocolAutolinks: true, wwwAutolinks: false });
  });

  it("parses a text without the autolink constructs it cannot hold to the same tree, positions included", () => {
    const full = unified().use(remarkParse).use(remarkGfmLean).freeze();
    const leanFor = (text: string) => unified().use(remarkParse).use(remarkGfmLean, gfmConstructsFor(text)).freeze();
    // Each construct still links where its text is there.
    for (const [text, url] of [
      ["Go to www.example.org now", "http://www.example.org"],
      ["Go to WWW.Example.org now", "http://WWW.Example.org"],
      ["See HTTPS://example.org/a.", "HTTPS://example.org/a"],
      ["See hTtP://example.org", "hTtP://example.org"],
      ["Mail www.desk@example.org", "mailto:www.desk@example.org"],
      ["Mail _www.desk@example.org", "mailto:_www.desk@example.org"],
    ] as const) {
      expect(JSON.stringify(leanFor(text).parse(text)), text).toContain(`"url":${JSON.stringify(url)}`);
      expect(leanFor(text).parse(text), text).toEqual(full.parse(text));
    }
    const piece = fc.constantFrom(
      ..."aw_Wh.:/@ \n*[]()<>`\\".split(""),
      "www",
      "WwW.",
      "www.",
      "http",
      "HTTP",
      "https:",
      "://",
      "//",
      "example.org",
      "desk",
      "\n\n",
      "- ",
      "> ",
    );
    const seen = { wwwAutolinks: 0, protocolAutolinks: 0, emailAutolinks: 0, none: 0 };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        const constructs = gfmConstructsFor(text);
        for (const name of ["wwwAutolinks", "protocolAutolinks", "emailAutolinks"] as const) if (!constructs[name]) seen[name]++;
        if (!constructs.wwwAutolinks && !constructs.protocolAutolinks && !constructs.emailAutolinks) seen.none++;
        expect(leanFor(text).parse(text), JSON.stringify(text)).toEqual(full.parse(text));
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 2000) },
    );
    // Each construct was left out of many parses (the property cannot pass by never leaving one out).
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(100);
  });

  it("removes only the email construct, from all but the three characters that can start a www. email", () => {
    const before = gfm().text ?? {};
    const after = withoutEmailAutolinks(gfm()).text ?? {};
    const names = (record: typeof before) =>
      Object.values(record)
        .flat()
        .map((construct) => construct?.name)
        .filter((name) => name !== undefined);
    expect(new Set(names(before))).toEqual(new Set(["emailAutolink", "protocolAutolink", "wwwAutolink", ...names(after)]));
    expect(names(after).filter((name) => name === "emailAutolink")).toHaveLength(3);
    expect(names(after)).toContain("wwwAutolink");
    expect(names(after)).toContain("protocolAutolink");
  });
});
