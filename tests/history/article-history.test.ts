import { describe, expect, it } from "vitest";
import { articleRecord, readableText, type ArticleVersion } from "../../src/history/article-history.ts";

const HOUR = 3_600_000;
const PUBLISHED = Date.UTC(2026, 10, 24, 18);

function version(commit: string, hoursAfter: number, fields: string, body: string): ArticleVersion {
  return { commit: commit.padEnd(40, "0"), time: PUBLISHED + hoursAfter * HOUR, text: `---\n${fields}\n---\n${body}\n` };
}

const fields = "title: Council approves flood wall\ndate: 2026-11-24 18:00\nbyline: Priya Raman\ntags: [Council, River]";
const body = "Councillors voted 9–4 on Tuesday night to build the wall.\n\nThe wall will protect 300 homes.";
const options = { timeZone: "UTC" };

describe("articleRecord", () => {
  it("starts at the first published version and lists every visible change after it, newest first", () => {
    const record = articleRecord(
      [
        version("a1", -5, `${fields}\ndraft: true`, "Draft text."),
        version("b2", 0, fields, body),
        version("c3", 2, fields.replace("flood wall", "riverside flood wall"), body.replace("300", "320")),
        version("d4", 3, `${fields}\ncorrections:\n  - date: 2026-11-25\n    text: The vote was 9–4, not 8–5.`, body.replace("300", "320")),
      ],
      options,
    );
    expect(record?.published).toEqual({ commit: "b2".padEnd(40, "0"), time: PUBLISHED });
    expect(record?.changes.map((change) => change.commit.slice(0, 2))).toEqual(["d4", "c3"]);
    const [correction, retitle] = record?.changes ?? [];
    expect(correction?.fields).toEqual([
      { field: "title", from: "Council approves riverside flood wall", to: "Council approves flood wall" },
      { field: "corrections", added: ["The vote was 9–4, not 8–5."] },
    ]);
    expect(correction?.body).toBeUndefined();
    expect(retitle?.fields).toEqual([{ field: "title", from: "Council approves flood wall", to: "Council approves riverside flood wall" }]);
    expect(retitle?.body?.filter((part) => part.kind === "removed" || part.kind === "added")).toEqual([
      { kind: "removed", text: "300" },
      { kind: "added", text: "320" },
    ]);
  });

  it("leaves out what readers cannot see: spacing, a topic's capitals, the draft flag, the updated stamp", () => {
    const record = articleRecord(
      [
        version("b2", 0, fields, body),
        version("c3", 1, fields.replace("[Council, River]", "[council, river]"), body.replace("the wall.", "the   wall.\n")),
        version("d4", 2, `${fields}\nupdated: 2026-11-24 20:00\ndraft: false`, body),
      ],
      options,
    );
    expect(record?.changes).toEqual([]);
  });

  it("waits for the article's date: a version committed before it is not yet published", () => {
    const record = articleRecord([version("a1", -2, fields, "Early."), version("b2", 1, fields, body)], options);
    expect(record?.published.commit.slice(0, 2)).toBe("b2");
    expect(articleRecord([version("a1", -2, fields, "Early.")], options)).toBeUndefined();
  });

  it("keeps excluded commits out of the record, by abbreviated id", () => {
    const versions = [version("b2", 0, fields, body), version("c3", 1, fields, `${body}\n\nA defamatory line.`), version("d4", 2, fields, body)];
    expect(articleRecord(versions, options)?.changes).toHaveLength(2);
    expect(articleRecord(versions, { ...options, exclude: ["c3000000"] })?.changes).toEqual([]);
  });

  it("names topics and sources added and removed, and bylines changed", () => {
    const record = articleRecord(
      [
        version("b2", 0, `${fields}\nsources: [Council minutes]`, body),
        version("c3", 1, `${fields.replace("[Council, River]", "[Council, Housing]").replace("Priya Raman", "[Priya Raman, Owen Halloran]")}\nsources: [Council minutes, { name: Flood study }]`, body),
      ],
      options,
    );
    expect(record?.changes[0]?.fields).toEqual([
      { field: "byline", from: ["Priya Raman"], to: ["Priya Raman", "Owen Halloran"] },
      { field: "tags", added: ["Housing"], removed: ["River"] },
      { field: "sources", added: ["Flood study"], removed: [] },
    ]);
  });

  it("shows the text's changes with a few words around each, the rest left out", () => {
    const long = Array.from({ length: 80 }, (_, index) => `word${index}`).join(" ");
    const record = articleRecord([version("b2", 0, fields, long), version("c3", 1, fields, long.replace("word40", "changed"))], options);
    const parts = record?.changes[0]?.body ?? [];
    expect(parts.map((part) => part.kind)).toEqual(["gap", "same", "removed", "added", "same", "gap"]);
    expect(parts[1]?.text.trim().split(" ")).toHaveLength(12);
  });
});

describe("readableText", () => {
  it("is the words of the Markdown without its syntax", () => {
    expect(readableText("A **bold** [link](https://example.org) and `code`.\n\n<!-- donate -->\n\n- one\n- two")).toBe("A bold link and code.\n\none\ntwo");
  });
});
