import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.ts";

describe("parseFrontMatter", () => {
  it("splits YAML front matter from the body and knows the line of every key", () => {
    const result = parseFrontMatter("---\ntitle: Hello\nsources:\n  - name: A\n    url: https://example.org\n---\nBody text\n", "a.md");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.data).toEqual({ title: "Hello", sources: [{ name: "A", url: "https://example.org" }] });
    expect(result.value.body).toBe("Body text\n");
    expect(result.value.bodyLine).toBe(7);
    expect(result.value.lines.get("title")).toBe(2);
    expect(result.value.lines.get("sources.0")).toBe(4);
    expect(result.value.lines.get("sources.0.url")).toBe(5);
  });

  it("keeps dates as text so no library can roll 2023-13-45 over into another day", () => {
    const result = parseFrontMatter("---\ndate: 2023-13-45\nyes: no\n---\n", "a.md");
    expect(result.ok && result.value.data).toEqual({ date: "2023-13-45", yes: "no" });
  });

  it.each([
    ["---js\nmodule.exports = { title: require('fs').writeFileSync('/tmp/pwned', 'x') }\n---\nBody", "JavaScript"],
    ["---javascript\n{ title: 'x' }\n---\n", "JavaScript"],
    ["---json\n{ \"title\": \"x\" }\n---\n", "JSON"],
    ["---toml\ntitle = 'x'\n---\n", "TOML"],
  ])("refuses non-YAML front matter without running it (%#)", (source, language) => {
    const result = parseFrontMatter(source, "a.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]?.code).toBe("front-matter/language");
    expect(result.diagnostics[0]?.message).toContain(language);
  });

  it("never executes JavaScript front matter", () => {
    const marker = path.join(tmpdir(), `tidings-js-front-matter-${process.pid}`);
    const source = `---js\n{ title: require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran") }\n---\n`;
    parseFrontMatter(source, "a.md");
    expect(existsSync(marker)).toBe(false);
  });

  it("reports a file without front matter", () => {
    const result = parseFrontMatter("# Just a heading\n", "a.md");
    expect(!result.ok && result.diagnostics[0]?.code).toBe("front-matter/missing");
  });

  it("reports front matter that is never closed", () => {
    const result = parseFrontMatter("---\ntitle: Hello\n\nBody", "a.md");
    expect(!result.ok && result.diagnostics[0]?.code).toBe("front-matter/unclosed");
  });

  it("reports malformed YAML with the file line of the problem", () => {
    const result = parseFrontMatter("---\ntitle: ok\nsummary: a: b\n---\n", "a.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ code: "yaml/syntax", file: "a.md", line: 3 });
    expect(result.diagnostics[0]?.fix).toMatch(/double quotes/);
  });

  it("reports a field written twice", () => {
    const result = parseFrontMatter("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n", "a.md");
    expect(!result.ok && result.diagnostics[0]).toMatchObject({ line: 4, message: "a field appears twice" });
  });

  it("handles Windows line endings and a byte-order mark", () => {
    const result = parseFrontMatter("\uFEFF---\r\ntitle: Hello\r\n---\r\nBody\r\n", "a.md");
    expect(result.ok && result.value.data).toEqual({ title: "Hello" });
    expect(result.ok && result.value.body).toBe("Body\n");
  });

  it("defuses a YAML alias bomb", () => {
    const bomb = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), "---", ""].join("\n");
    const result = parseFrontMatter(bomb, "a.md");
    expect(result.ok).toBe(false);
  });

  it("treats a top-level list as a mistake, not as fields", () => {
    const result = parseFrontMatter("---\n- title\n- date\n---\n", "a.md");
    expect(!result.ok && result.diagnostics[0]?.code).toBe("yaml/not-a-map");
  });

  it("keeps none of the file's text alive through the values it parses", () => {
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    // Long enough that V8 would cut the values as views into each file's text, body included.
    const body = "“A long body,” she said. ".repeat(40_000);
    collect();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 40 }, (_, index) => {
      const parsed = parseFrontMatter(`---\ntitle: The headline of story number ${index}\nbyline:\n  - A reporter with a long name\n---\n${body}${index}\n`, "story.md");
      if (!parsed.ok) throw new Error("did not parse");
      return parsed.value.data;
    });
    collect();
    // 40 bodies of a million two-byte characters held would be 80 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 2 ** 20);
    expect(kept[39]?.["title"]).toBe("The headline of story number 39");
  });
});
