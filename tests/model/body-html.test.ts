import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyFacts, changedBody, deferredBody, withoutLede, type BodyParts } from "../../src/model/body-html.ts";
import { bodyWithDateline, withDateline } from "../../src/model/dateline.ts";
import { splitLede } from "../../src/model/lede.ts";
import { htmlBody } from "../support/html-body.ts";

// Pieces rendered bodies are made of: paragraphs (plain, with inline markup, with a picture),
// headings, blank lines, white space.
const piece = fc.constantFrom(
  "<p>Councillors voted.</p>",
  "<p>The <em>wall</em> is <a href=\"/x/\">here</a>.</p>",
  '<p><img src="/media/a.jpg" alt="A"></p>',
  "<h2>What happened</h2>",
  "\n",
  "  ",
  "<p></p>",
  "<ul>\n<li>One</li>\n</ul>",
);
const part = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join("\n"));
const parts: fc.Arbitrary<BodyParts> = fc.oneof(part.map((one): BodyParts => [one]), fc.tuple(part, part));

describe("BodyHtml", () => {
  it("takes the lede and puts the dateline in when asked, as the same steps on the HTML itself do, with the standfirst known at once", () => {
    fc.assert(
      fc.property(parts, fc.boolean(), fc.boolean(), (html, hasSummary, hasDateline) => {
        // The model's steps on the HTML (how the body was made before it was deferred).
        const lede = hasSummary ? undefined : splitLede(html[0]);
        const split = { body: (lede ? [lede.rest, ...html.slice(1)] : html) as BodyParts, standfirst: hasSummary ? "Summary." : (lede?.lede ?? "") };
        const eager = hasDateline ? withDateline(split, "MILLBROOK —") : split;

        // The same steps on a body known by its facts, whose HTML is read only at the end.
        let reads = 0;
        const deferred = deferredBody(bodyFacts(html), () => {
          reads += 1;
          return html;
        });
        const known = hasSummary ? { body: deferred, standfirst: "Summary." } : { body: withoutLede(deferred), standfirst: deferred.lede ?? "" };
        const lazy = hasDateline ? bodyWithDateline(known, "MILLBROOK —") : known;
        expect(lazy.standfirst).toBe(eager.standfirst);
        expect(reads).toBe(0);
        expect(lazy.body.parts()).toEqual(eager.body);
        lazy.body.parts();
        expect(reads).toBe(1);
      }),
    );
  });

  it("has one key for one HTML, and another for any other, however the text falls between the parts", () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        expect(htmlBody(...a).key === htmlBody(...b).key).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
    expect(htmlBody("<p>A</p>", "<p>B</p>").key).not.toBe(htmlBody("<p>A</p><p>B</p>").key);
    expect(htmlBody("<p>A</p><p>", "B</p>").key).not.toBe(htmlBody("<p>A</p>", "<p>B</p>").key);
  });

  it("gives a changed body a key of its own for each step, so a page showing it is rendered again", () => {
    const body = htmlBody("<p>Text.</p>");
    const upper = (parts: BodyParts) => parts.map((text) => text.toUpperCase()) as BodyParts;
    const once = changedBody(body, "pictures\0[1]", upper);
    expect(once.key).not.toBe(body.key);
    expect(changedBody(body, "pictures\0[1]", upper).key).toBe(once.key);
    expect(changedBody(body, "pictures\0[2]", upper).key).not.toBe(once.key);
    expect(once.parts()).toEqual(["<P>TEXT.</P>"]);
  });

  it("knows the images and the framed origins of its HTML as it was rendered", () => {
    const body = htmlBody('<p><img src="/media/a.jpg" alt="A"></p>', '<div class="embed" data-embed-src="https://www.youtube-nocookie.com/embed/x"></div><img src="/media/b.png">');
    expect(body.imageSources).toEqual(["/media/a.jpg", "/media/b.png"]);
    expect(body.frameOrigins).toEqual(["https://www.youtube-nocookie.com"]);
    expect(body.chars).toBe(body.parts().join("").length);
  });
});
