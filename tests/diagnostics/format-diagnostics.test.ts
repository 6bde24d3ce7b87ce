import { describe, expect, it } from "vitest";
import { error, warning } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostics, summarizeDiagnostics } from "../../src/diagnostics/format-diagnostics.ts";

describe("formatDiagnostics (github)", () => {
  it("writes one workflow command per problem, with file, line, column and the code as title", () => {
    const text = formatDiagnostics(
      [
        warning("site/tag-case", "content/b.md", "the tag differs", { line: 4 }),
        error("front-matter/date", "content/a.md", "`date` is wrong", { line: 3, column: 7, fix: "Write 2026-03-01." }),
      ],
      "github",
    );
    expect(text.split("\n")).toEqual([
      "::error file=content/a.md,line=3,col=7,title=front-matter/date::`date` is wrong. Write 2026-03-01.",
      "::warning file=content/b.md,line=4,title=site/tag-case::the tag differs",
    ]);
  });

  it("escapes what would end a property or a command, as GitHub's toolkit does", () => {
    const text = formatDiagnostics([error("x/y", "content/a,b:c%.md", "100% sure:\nline two\r, yes")], "github");
    expect(text).toBe("::error file=content/a%2Cb%3Ac%25.md,title=x/y::100%25 sure:%0Aline two%0D, yes");
    expect(text.split("\n")).toHaveLength(1);
  });
});

describe("summarizeDiagnostics", () => {
  it("counts errors, warnings and files", () => {
    expect(summarizeDiagnostics([error("a/b", "x.md", "m"), error("a/b", "x.md", "n"), warning("c/d", "y.md", "o")])).toBe(
      "✖ 2 errors and 1 warning in 2 files",
    );
  });
});
