import { parseContentDate } from "../../src/content/dates.ts";
import { buildSite } from "../../src/site/build-site.ts";
import type { Site } from "../../src/site/site.ts";
import { articleEntry, authorEntry, siteInput, testConfig } from "./site-input.ts";
import { htmlBody } from "./html-body.ts";

/** A headline that tries to end every container it could be written into. */
export const HOSTILE_TITLE = `</script><script>alert(1)</script> ]]> <!-- & "quotes" \u2028`;

function date(text: string) {
  const result = parseContentDate(text, "Europe/London");
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

/**
 * A small site with everything feeds and structured data carry: two bylines (one with an author
 * page), tags, sources, a lead image, an update, corrections, relative links in the body, a
 * hostile headline, and a draft, a scheduled and an expired article that must stay out.
 * The build's `now` is 27 November 2026, 12:00 UTC.
 */
export function richSite(overrides: { config?: Record<string, unknown>; mode?: "production" | "preview" } = {}): Site {
  const { site, diagnostics } = buildSite(
    siteInput({
      config: testConfig({ logo: "/logo.png", tagline: "News for the valley", ...overrides.config }),
      mode: overrides.mode ?? "production",
      authors: [
        authorEntry("content/authors/priya-raman.md", {
          name: "Priya Raman",
          role: "Reporter",
          links: [{ label: "Mastodon", url: "https://social.example/@priya" }],
        }),
      ],
      articles: [
        {
          ...articleEntry("content/articles/flood.md", {
            title: "Flood wall approved",
            date: "2026-11-26 18:40",
            updated: date("2026-11-27 09:15"),
            byline: ["Priya Raman", "Staff reporter"],
            summary: "The wall will protect <300> homes & shops.",
            tags: ["River", "Council"],
            image: { src: "images/wall.jpg", alt: "A wall by the river", caption: "Work began.", credit: "Staff" },
            sources: [
              { name: "Council minutes", url: "https://council.example/minutes/é", note: "Item 7" },
              { name: "Interview with the study’s author" },
            ],
            corrections: [
              { date: date("2026-11-27 08:00"), text: "An earlier version gave the length as 400 metres." },
              { date: date("2026-11-26 20:00"), text: "An earlier version misspelt a name." },
            ],
          }),
          html: htmlBody(
            '<p>See <a href="#note">the note</a>, <a href="/tags/river/">river news</a> and <a href="https://elsewhere.example/x">elsewhere</a>.</p>\n<p><img src="/media/articles/map.png" alt="Map"></p>',
          ),
        },
        articleEntry("content/articles/hostile.md", {
          title: HOSTILE_TITLE,
          date: "2026-11-26 10:00",
          byline: [HOSTILE_TITLE],
          tags: ["River"],
          summary: HOSTILE_TITLE,
        }),
        articleEntry("content/articles/old.md", { title: "Older story", date: "2026-11-01", byline: ["Priya Raman"], tags: ["Council"] }),
        articleEntry("content/articles/draft.md", { title: "Draft story", date: "2026-11-26", draft: true, tags: ["River"] }),
        articleEntry("content/articles/future.md", { title: "Future story", date: "2026-12-25", tags: ["River"] }),
        articleEntry("content/articles/expired.md", {
          title: "Expired story",
          date: "2026-11-02",
          tags: ["River"],
          expires: date("2026-11-20"),
        }),
      ],
    }),
  );
  if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
  // What src/media/ adds to a local lead image: its 1200-pixel share version.
  const flood = site.articles.find((article) => article.file === "content/articles/flood.md");
  if (flood?.image) flood.image.share = { url: "/media/articles/images/wall-0123456789-1200.jpeg", width: 1200, height: 750 };
  return site;
}
