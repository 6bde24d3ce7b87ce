import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { check } from "../../src/check.ts";
import { copySampleSite, readPage } from "../support/fixture-site.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");

/** Run `tidings setup` with flags in `root`, as `npm run setup -- …` does; never throws, so a refusal can be read. */
async function setup(root: string, flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(REPOSITORY, "node_modules", ".bin", "tsx"),
      [path.join(REPOSITORY, "src", "cli.ts"), "setup", ...flags],
      {
        cwd: root,
        env: { ...process.env, TIDINGS_URL: "" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (cause) {
    const failed = cause as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const FLAGS = [
  "--name",
  "Le Courrier du Port",
  "--url",
  "https://courrier-du-port.fr",
  "--language",
  "fr",
  "--time-zone",
  "Europe/Paris",
  "--currency",
  "EUR",
  "--donation",
  "liberapay",
  "--donation-account",
  "https://liberapay.com/CourrierDuPort/",
  "--newsletter",
  "buttondown",
  "--newsletter-account",
  "courrier-du-port",
  "--sections",
  "Actualités, Politique",
  "--author",
  "Élise Martin",
  "--yes",
];

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
}

describe("npm run setup with flags, on a copy of the sample newsroom", () => {
  it("makes the site the new newsroom's, which builds and checks clean; a second run refuses, and --force keeps the newsroom's own files", async () => {
    const root = copySampleSite();
    const first = await setup(root, FLAGS);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("✔ Le Courrier du Port is set up");
    expect(first.stdout).toContain("content/pages/about.md (4 to replace)");

    // No Millbrook content is left: the sample's articles, authors, fronts, series and campaign are gone.
    expect(existsSync(path.join(root, "content", "fronts"))).toBe(false);
    expect(existsSync(path.join(root, "content", "series"))).toBe(false);
    expect(existsSync(path.join(root, "content", "campaign.yml"))).toBe(false);
    expect(readdirSync(path.join(root, "content", "authors"))).toEqual(["elise-martin.md"]);
    expect(readdirSync(path.join(root, "content", "pages")).sort()).toEqual(["about.md", "corrections-policy.md", "donate.md"]);
    expect(readFileSync(path.join(root, "public", "_headers"), "utf8")).toContain("form-action 'self' https://buttondown.com;");

    // `check` passes with nothing to say, the sample's problems included; the deploy refuses only the placeholders.
    const checked = check({ root });
    expect(checked.ok).toBe(true);
    expect(checked.diagnostics).toEqual([]);
    const deploy = check({ root, deploy: true });
    expect(new Set(deploy.diagnostics.map((problem) => problem.code))).toEqual(new Set(["deploy/placeholder"]));

    const result = await build({ root, cache: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const home = readPage(result.outputDir, "/");
    expect(home("html").attr("lang")).toBe("fr");
    expect(home("title").text()).toContain("Le Courrier du Port");
    expect(home.text()).toContain("Bienvenue sur Le Courrier du Port");
    const about = readPage(result.outputDir, "/about/");
    expect(about("h1").text()).toBe("Qui sommes-nous ?");
    // Its standards are its starter pages: named on the publisher and listed in the footer.
    const article = readPage(result.outputDir, htmlFiles(result.outputDir).map((file) => `/${file.replace(/index\.html$/, "")}`).find((page) => /^\/\d{4}\//.test(page)) ?? "/");
    const publisher = (JSON.parse(article('script[type="application/ld+json"]').first().text()) as { publisher: Record<string, string> }).publisher;
    expect(publisher["correctionsPolicy"]).toMatch(/\/corrections-policy\/$/);
    expect(publisher["publishingPrinciples"]).toMatch(/\/about\/$/);
    // The links between the starter pages resolve, and not one page of the Lantern is left.
    expect(existsSync(path.join(result.outputDir, "corrections-policy", "index.html"))).toBe(true);
    expect(existsSync(path.join(result.outputDir, "donate", "index.html"))).toBe(true);
    for (const file of htmlFiles(result.outputDir))
      expect(readFileSync(path.join(result.outputDir, file), "utf8"), file).not.toMatch(/Millbrook|Lantern/);

    // The content is the newsroom's now: setup refuses, names why, and changes nothing.
    writeFileSync(
      path.join(root, "content", "pages", "about.md"),
      readFileSync(path.join(root, "content", "pages", "about.md"), "utf8")
        .replace("⟦", "Nous sommes ")
        .replace("⟧", ""),
    );
    const again = await setup(root, ["--name", "Autre", "--url", "https://autre.fr", "--yes"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("this content is no longer the sample's");
    expect(again.stderr).toContain("content/pages/about.md (changed since the sample)");
    expect(again.stderr).toContain("content/authors/elise-martin.md (not one of the sample's files)");
    expect(again.stderr).toContain("--force");
    expect(readFileSync(path.join(root, "tidings.config.yml"), "utf8")).toContain("name: Le Courrier du Port");

    writeFileSync(path.join(root, "content", "pages", "masthead.md"), "---\ntitle: L’équipe\n---\nÉlise Martin, rédactrice en chef.\n");
    const forced = await setup(root, [
      "--name",
      "Autre",
      "--url",
      "https://autre.fr",
      "--language",
      "en",
      "--author",
      "Élise Martin",
      "--yes",
      "--force",
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Kept as they were (not the sample's): content/pages/masthead.md");
    expect(check({ root }).ok).toBe(true);
  });

  it("refuses an answer given as a flag with the message check gives, and --yes without a name and address", async () => {
    const root = copySampleSite();
    const wrong = await setup(root, ["--name", "Courier", "--url", "courier.news", "--time-zone", "Europe/Londres", "--yes"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--url: `url` must be the site\'s web address starting with https://, got "courier.news"');
    expect(wrong.stderr).toContain("--time-zone: `timeZone` must be an IANA time zone name such as Europe/London");
    const bare = await setup(root, ["--yes"]);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("With --yes, give at least --name and --url");
    // Nothing was touched: the sample is still the sample.
    expect(readFileSync(path.join(root, "tidings.config.yml"), "utf8")).toContain("The Millbrook Lantern");
  });
});
