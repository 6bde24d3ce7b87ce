import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/content/read-text-file.ts";

const FILE = "content/articles/2026/cafe.md";

describe("decodeText", () => {
  it("reads UTF-8, keeping a byte-order mark for the readers that drop it", () => {
    expect(decodeText(Buffer.from("---\ntitle: Café “Noël”\n---\n"), FILE)).toEqual({ ok: true, text: "---\ntitle: Café “Noël”\n---\n" });
    expect(decodeText(Buffer.from("\uFEFF---\n"), FILE)).toEqual({ ok: true, text: "\uFEFF---\n" });
  });

  it("refuses Latin-1 bytes with the line and column of the first one, the character meant and the iconv command (reviewer item 13)", () => {
    const bytes = Buffer.concat([Buffer.from("---\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from(" r\u00e9opens\n---\n", "latin1")]);
    const result = decodeText(bytes, FILE);
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({ severity: "error", code: "content/encoding", file: FILE, line: 2, column: 11 }),
      ],
    });
    if (result.ok) return;
    const [problem] = result.diagnostics;
    expect(problem.message).toBe(
      "the file is not UTF-8: byte 0xE9 at line 2, column 11 is not valid UTF-8; the file looks saved as Windows-1252 (Latin-1), where it reads “é”",
    );
    expect(problem.fix).toContain(`iconv -f WINDOWS-1252 -t UTF-8 ${FILE} > fixed.txt`);
    expect(problem.fix).toContain("Save it as UTF-8 in your editor");
  });

  it("counts columns in characters after valid accents and finds a Windows-1252 curly quote", () => {
    const bytes = Buffer.concat([Buffer.from("Été ok\nLe “"), Buffer.from([0x93]), Buffer.from("mot")]);
    const result = decodeText(bytes, FILE);
    expect(result.ok ? undefined : result.diagnostics[0]).toMatchObject({ line: 2, column: 5, message: expect.stringContaining("reads ““”") });
  });

  it("finds a truncated or overlong sequence as the first bad byte", () => {
    expect(decodeText(Buffer.from([0x61, 0xc3]), FILE)).toMatchObject({ ok: false, diagnostics: [{ line: 1, column: 2 }] });
    expect(decodeText(Buffer.from([0x61, 0x62, 0xc0, 0xaf]), FILE)).toMatchObject({ ok: false, diagnostics: [{ line: 1, column: 3 }] });
    expect(decodeText(Buffer.from([0x0a, 0xed, 0xa0, 0x80]), FILE)).toMatchObject({ ok: false, diagnostics: [{ line: 2, column: 1 }] });
  });

  it.each([
    ["LE with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\ntitle: x\n", "utf16le")]), "LE"],
    ["LE without one", Buffer.from("---\ntitle: x\n", "utf16le"), "LE"],
    ["BE with a byte-order mark", Buffer.from("\uFEFF---\ntitle: x\n", "utf16le").swap16(), "BE"],
    ["BE without one", Buffer.from("---\ntitle: x\n", "utf16le").swap16(), "BE"],
  ])("names UTF-16 %s instead of calling the front matter missing (reviewer item 13)", (_, bytes, order) => {
    const result = decodeText(bytes, FILE);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: "content/encoding", line: 1, column: 1, message: `the file is saved as UTF-16 ${order}, not UTF-8` }] });
    if (!result.ok) expect(result.diagnostics[0].fix).toContain(`iconv -f UTF-16${order} -t UTF-8 ${FILE}`);
  });
});
