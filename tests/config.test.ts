import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.ts";

const minimal = "name: Gazette\nurl: https://news.example.org/\ndonation: { heading: H, text: T, button: B, url: /donate/ }\n";

describe("parseConfig", () => {
  it("fills in every default", () => {
    const result = parseConfig(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      url: "https://news.example.org",
      pathPrefix: "/",
      language: "en",
      timeZone: "UTC",
      articlesPerPage: 10,
      feeds: { items: 20 },
      ageNotice: { enabled: true, days: 365 },
      donation: { enabled: true, exclude: { types: [], tags: [] } },
    });
    expect(Object.keys(result.config.types)).toContain("opinion");
  });

  it("keeps the path of a site that lives in a sub-folder", () => {
    const result = parseConfig(minimal.replace("https://news.example.org/", "https://example.github.io/gazette"));
    expect(result.ok && [result.config.url, result.config.pathPrefix]).toEqual(["https://example.github.io/gazette", "/gazette/"]);
  });

  it("reports every problem at once with the line of each field", () => {
    const result = parseConfig(
      "name: Gazette\nurl: not a url\ntimeZone: Mars/Olympus\narticlesPerPage: 0\nnavigaton: []\ndonation: { heading: H }\n",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.diagnostics.map((d) => [d.field, d]));
    expect(byField["url"]).toMatchObject({ file: "tidings.config.yml", line: 2 });
    expect(byField["timeZone"]?.message).toContain("IANA time zone");
    expect(byField["articlesPerPage"]).toMatchObject({ line: 4 });
    expect(byField["navigaton"]?.message).toContain("did you mean `navigation`?");
    expect(byField["donation.text"]?.message).toBe("`donation.text` is required but missing");
  });

  it("checks the age notice and the logo like every other field", () => {
    const result = parseConfig(`${minimal}ageNotice: { days: 0, weeks: 2 }\nlogo: logo.png\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.diagnostics.map((d) => [d.field, d]));
    expect(byField["ageNotice.days"]).toMatchObject({ line: 4 });
    expect(byField["ageNotice.days"]?.fix).toContain("days: 365");
    expect(byField["ageNotice.weeks"]?.message).toContain("not a field");
    expect(byField["logo"]?.message).toContain("starting with /");
  });
});
