import { describe, expect, it } from "vitest";
import { withDateline } from "../../src/model/dateline.ts";

const MARK = '<span class="place-dateline">MILLBROOK &amp; DISTRICT —</span>';

describe("withDateline", () => {
  it("runs the dateline into the body's first paragraph, escaped, leaving the rest and the standfirst alone", () => {
    const opened = withDateline(
      { body: ["<p>Councillors voted.</p>\n<p>More.</p>", "<p>After the ask.</p>"], standfirst: "The wall." },
      "MILLBROOK & DISTRICT —",
    );
    expect(opened).toEqual({ body: [`<p>${MARK} Councillors voted.</p>\n<p>More.</p>`, "<p>After the ask.</p>"], standfirst: "The wall." });
  });

  it("gives it a line of its own when the body opens with something else", () => {
    const opened = withDateline({ body: ["\n<h2>What happened</h2>\n<p>Text.</p>"], standfirst: "" }, "MILLBROOK & DISTRICT —");
    expect(opened.body[0]).toBe(`\n<p class="place-dateline-line">${MARK}</p>\n<h2>What happened</h2>\n<p>Text.</p>`);
  });

  it("opens the standfirst with it when the body is all standfirst", () => {
    expect(withDateline({ body: ["\n"], standfirst: "The only paragraph." }, "MILLBROOK & DISTRICT —")).toEqual({
      body: ["\n"],
      standfirst: `${MARK} The only paragraph.`,
    });
  });
});
