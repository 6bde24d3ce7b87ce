import { load } from "cheerio";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.ts";

// Pieces an attacker or a careless paste could combine; joined in random orders and nestings.
const fragments = [
  "<script>alert(1)</script>",
  "<script",
  "</script>",
  "<SCRIPT SRC=//evil.example/x.js>",
  "<scr<script>ipt>alert(1)</script>",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "&#106;avascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  '<a href="javascript:alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x]: javascript:alert(1)\n\n[x]",
  "![x](javascript:alert(1))",
  "<javascript:alert(1)>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)" alt="a">',
  " onload=alert(1) ",
  ' onclick="x()"',
  "<svg/onload=alert(1)>",
  '<body onload="x()">',
  '<a href="x" style="color:red">s</a>',
  '<p style="x">',
  "<iframe src=//evil.example></iframe>",
  "<object data=x>",
  "<embed src=x>",
  "<form><input><button>",
  "<!-- donate -->",
  "<!--DONATE-->",
  "<!-- a --!>",
  "-->",
  "<!--",
  "<![CDATA[",
  "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<style>*{}</style>",
  "<template><script>alert(1)</script></template>",
  "<textarea><script>x</script></textarea>",
  "<div>",
  "</div>",
  "<p>",
  "<table><tr><td>",
  "<details open ontoggle=alert(1)>",
  "# h",
  "## Main",
  "> ",
  "- ",
  "1. ",
  "- [x] ",
  "```\n",
  "`",
  "*",
  "_",
  "~~",
  "|a|b|\n|-|-|\n|1|2|",
  "[^1]",
  "[^1]: note",
  '![alt](/a.jpg "cap")',
  "![](/b.jpg)",
  "{{ title }}",
  "{% raw %}",
  "“",
  "—",
  "\n",
  "\n\n",
  "  ",
  "text",
  "https://evil.example/x",
  "www.example.org",
];

const markdownish = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((pieces) => pieces.join(""));
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { maxLength: 30 })
  .map((pieces) => pieces.join(""));

const urlAttributes = ["href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "longdesc"];

/** Every way the output could still run code, found by parsing it as a browser would. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const $ = load(html, null, false);
  if ($("script, style, iframe, object, embed, form, input, button, svg, math, base, meta, link, template, textarea").length > 0)
    problems.push("dangerous element");
  if (html.includes("<!--")) problems.push("comment");
  $("*").each((_, element) => {
    if (element.type !== "tag") return;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) problems.push(`${name}= handler`);
      if (name === "style") problems.push("style attribute");
      // Browsers ignore leading whitespace and control characters and tabs inside the scheme.
      const normalised = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (urlAttributes.includes(name) && /^(?:javascript|vbscript|data):/.test(normalised)) problems.push(`${name}=${value}`);
    }
  });
  return problems;
}

function check(source: string): void {
  const result = renderMarkdown(source, { file: "content/fuzz.md", bodyLine: 3, reservedIds: ["main"], siteHosts: ["news.example.org"] });
  expect([1, 2]).toContain(result.parts.length);
  for (const part of result.parts) {
    expect(typeof part).toBe("string");
    expect(unsafeParts(part), part).toEqual([]);
  }
  // Output is split at top level only, so each part must stand alone as balanced HTML.
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.line ?? 3).toBeGreaterThanOrEqual(3);
    expect(diagnostic.code).toMatch(/^markdown\/[a-z-]+$/);
  }
}

describe("renderMarkdown on hostile and arbitrary input", () => {
  it("never throws and never outputs scripts, handlers, styles or script URLs, for arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { numRuns: 300 });
  });

  it("never throws and never outputs scripts, handlers, styles or script URLs, for arbitrary Unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 120 }), check), { numRuns: 200 });
  });

  it("stays safe for any mix of Markdown and hostile HTML fragments", () => {
    fc.assert(fc.property(markdownish, check), { numRuns: 600 });
  });

  it("stays safe when hostile fragments are cut by random text", () => {
    fc.assert(fc.property(mixed, check), { numRuns: 400 });
  });

  it("splits into two parts wherever a marker stands between blocks of copy", () => {
    const copy = fc
      .array(fc.constantFrom("Text", "## Heading", "“Quoted” — said", "*em*", "[a link](/b)", "- item", "> quote", "\n\n"), {
        maxLength: 12,
      })
      .map((pieces) => pieces.join(" "));
    fc.assert(
      fc.property(copy, copy, (before, after) => {
        const result = renderMarkdown(`${before}\n\n<!-- donate -->\n\n${after}`, { file: "content/fuzz.md", bodyLine: 1 });
        expect(result.parts).toHaveLength(2);
        expect(result.diagnostics).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("returns one or two parts when a marker lands anywhere", () => {
    fc.assert(
      fc.property(markdownish, markdownish, (before, after) => {
        const result = renderMarkdown(`${before}<!-- donate -->${after}`, { file: "content/fuzz.md", bodyLine: 1 });
        expect([1, 2]).toContain(result.parts.length);
      }),
      { numRuns: 200 },
    );
  });
});
