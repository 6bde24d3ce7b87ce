import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../src/config/config.ts";

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

  describe("images", () => {
    /** The problems of a config with these `images` lines, by field. */
    function imageProblems(lines: string) {
      const result = parseConfig(`${minimal}images:\n${lines}`);
      return result.ok ? {} : Object.fromEntries(result.diagnostics.map((d) => [d.field, d]));
    }

    it("resizes locally by default, at today's formats and widths", () => {
      const result = parseConfig(minimal);
      expect(result.ok && result.config.images).toEqual({ provider: "local", signed: false, formats: ["avif", "webp", "jpeg"], widths: [400, 800, 1200] });
    });

    it("takes a CDN provider with its url, and other formats and widths", () => {
      const result = parseConfig(`${minimal}images:\n  provider: imgix\n  url: https://lantern.imgix.net\n  signed: true\n  widths: [320, 640]\n`);
      expect(result.ok && result.config.images).toEqual({ provider: "imgix", url: "https://lantern.imgix.net", signed: true, formats: ["avif", "webp", "jpeg"], widths: [320, 640] });
      const local = parseConfig(`${minimal}images: { formats: [webp, jpeg], widths: [600] }\n`);
      expect(local.ok && [local.config.images.formats, local.config.images.widths]).toEqual([["webp", "jpeg"], [600]]);
    });

    it("names every valid provider when the provider is unknown, with the closest as the fix", () => {
      const problem = imageProblems("  provider: imgx\n")["images.provider"];
      expect(problem?.message).toBe(
        "`images.provider` must be one of `local`, `cloudflare`, `netlify`, `vercel`, `imgix`, `cloudinary`, `bunny`, `ipx`, got \"imgx\" (did you mean `imgix`?)",
      );
      expect(problem).toMatchObject({ line: 5, fix: "Change it to `imgix`." });
    });

    it("says what url a provider needs, and how to add it, when it is missing", () => {
      for (const [provider, example] of [
        ["imgix", "url: https://lantern.imgix.net"],
        ["cloudinary", "url: https://res.cloudinary.com/lantern/image/upload/site"],
        ["bunny", "url: https://lantern.b-cdn.net"],
        ["ipx", "url: https://images.example.org/_ipx"],
      ]) {
        const problem = imageProblems(`  provider: ${provider}\n`)["images.url"];
        expect(problem?.message, provider).toMatch(new RegExp(`^\`images.url\` is required with \`provider: ${provider}\`: it must be `));
        expect(problem?.fix, provider).toContain(`Add \`${example}\` under \`images\``);
      }
      // The providers on the site's own host find it from the site's url.
      for (const provider of ["cloudflare", "netlify", "vercel"]) expect(imageProblems(`  provider: ${provider}\n`), provider).toEqual({});
    });

    it("refuses settings that do not fit the provider: a url or signing for local, signing where URLs are not signed, a Cloudinary url that is not one", () => {
      expect(imageProblems("  url: https://lantern.imgix.net\n")["images.url"]?.message).toContain("only for image CDNs");
      expect(imageProblems("  signed: true\n")["images.signed"]?.message).toContain("only for image CDNs");
      expect(imageProblems("  provider: cloudflare\n  signed: true\n")["images.signed"]?.message).toBe(
        "`images.signed` cannot be used with `provider: cloudflare`, whose URLs are not signed (only `imgix` and `cloudinary` sign theirs)",
      );
      expect(imageProblems("  provider: cloudinary\n  url: https://lantern.example.org/images\n")["images.url"]?.message).toContain("must be a Cloudinary delivery address");
      expect(imageProblems("  provider: ipx\n  url: ftp://images.example.org\n")["images.url"]?.message).toContain("starting with https://");
    });

    it("refuses unknown formats, repeated formats and widths out of order", () => {
      const problems = imageProblems("  formats: [webp, webp]\n  widths: [800, 400]\n  sizes: []\n");
      expect(problems["images.formats"]?.message).toBe("`images.formats` must name each format once, got [webp, webp]");
      expect(problems["images.widths"]?.message).toBe("`images.widths` must list widths from the narrowest up, each once, got [800, 400]");
      expect(problems["images.sizes"]?.message).toContain("not a field");
      expect(imageProblems("  formats: [gif]\n")["images.formats[1]"]?.message).toBe("`images.formats[1]` must be one of `avif`, `webp`, `jpeg`, got \"gif\"");
      expect(imageProblems("  widths: []\n")["images.widths"]).toBeDefined();
    });
  });

  describe("links (reviewer: `javascript:` in the config was printed as a link on every page)", () => {
    /** The problems of a config whose navigation and donation button link to `url`, by field. */
    function linkProblems(url: string) {
      const result = parseConfig(`name: Gazette\nurl: https://news.example.org/\nnavigation:\n  - { label: Home, url: "${url}" }\ndonation: { heading: H, text: T, button: B, url: "${url}" }\n`);
      return result.ok ? {} : Object.fromEntries(result.diagnostics.map((d) => [d.field, d]));
    }

    it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example", "/\\\\evil.example", "/\t/evil.example", "mailto:"])(
      "refuses %j in the navigation and the donation button, with the line and field",
      (url) => {
        const problems = linkProblems(url);
        expect(problems["navigation[1].url"]).toMatchObject({ severity: "error", code: "config/navigation", file: "tidings.config.yml", line: 4 });
        expect(problems["donation.url"]).toMatchObject({ severity: "error", code: "config/donation", file: "tidings.config.yml", line: 5 });
        expect(problems["donation.url"]?.message).toContain("a path on this site starting with /");
      },
    );

    it.each(["/donate/", "https://give.example.org/news", "http://example.org", "mailto:editor@example.org"])("accepts %j", (url) => {
      expect(linkProblems(url)).toEqual({});
    });

    it("refuses an editor backend address that is not a web address", () => {
      const result = parseConfig(`${minimal}editor: { backend: { name: github, repo: a/b, base_url: "javascript:alert(1)" } }\n`);
      expect(result.ok ? [] : result.diagnostics.map((d) => [d.field, d.line])).toEqual([["editor.backend.base_url", 4]]);
    });
  });
});

describe("standards", () => {
  const problems = (lines: string) => {
    const result = parseConfig(`${minimal}standards:\n${lines}`);
    return result.ok ? {} : Object.fromEntries(result.diagnostics.map((d) => [d.field, [d.code, d.line, d.message]]));
  };

  it("takes each policy as a path of the site or a web address, and a mailto: or https form to report errors", () => {
    const result = parseConfig(`${minimal}standards:\n  masthead: /masthead/\n  ethicsPolicy: https://group.example.com/ethics\n  ownershipFundingInfo: /about/#funding\n  reportError: https://forms.example.org/report?story={title}\n`);
    expect(result.ok && result.config.standards).toEqual({
      masthead: "/masthead/",
      ethicsPolicy: "https://group.example.com/ethics",
      ownershipFundingInfo: "/about/#funding",
      reportError: "https://forms.example.org/report?story={title}",
    });
    expect(result.ok && result.lines.get("standards.masthead")).toBe(5);
    expect(problems("  reportError: mailto:corrections@example.org\n")).toEqual({});
  });

  it("refuses an address that is neither, a report channel that is not one address or an https form, and a misspelt policy, each at its line", () => {
    expect(problems("  masthead: masthead\n  ethicsPolicy: javascript:alert(1)\n  reportError: mailto:a@example.org?subject=Hi\n  corectionsPolicy: /corrections/\n")).toEqual({
      "standards.masthead": ["config/standards", 5, expect.stringContaining("must be a path on this site starting with /")],
      "standards.ethicsPolicy": ["config/standards", 6, expect.stringContaining("or a web address starting with https://")],
      "standards.reportError": ["config/standards", 7, expect.stringContaining("without ?subject=")],
      "standards.corectionsPolicy": ["config/unknown-field", 8, expect.stringContaining("not a field")],
    });
    expect(problems("  reportError: http://forms.example.org/report\n")["standards.reportError"]).toBeDefined();
    expect(problems("  reportError: /report/\n")["standards.reportError"]).toBeDefined();
  });
});

describe("loadConfig", () => {
  it("refuses a config saved as Windows-1252, with the line and column of the first bad byte (reviewer item 13)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "tidings-config-"));
    try {
      writeFileSync(path.join(root, "tidings.config.yml"), Buffer.from("url: https://example.org\nname: Le Caf\u00e9\n", "latin1"));
      expect(loadConfig(root)).toMatchObject({ ok: false, diagnostics: [{ code: "content/encoding", file: "tidings.config.yml", line: 2, column: 13 }] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
