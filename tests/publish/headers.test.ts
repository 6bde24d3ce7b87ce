import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { launchChromium } from "../support/browser.ts";
import { copyFixture } from "../support/fixture-site.ts";
import { headersFor, parseCsp, parseHeadersFile, patternMatches, type HeaderRule } from "../support/headers-file.ts";
import { serveFolder, type StaticServer } from "../support/static-server.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
const NOW = Date.UTC(2026, 10, 27, 12);

const rules = parseHeadersFile(readFileSync(path.join(REPOSITORY, "public", "_headers"), "utf8"));
const csp = parseCsp(headersFor(rules, "/").find(([name]) => name === "Content-Security-Policy")?.[1] ?? "");

// Runs in the page before its own code (as a string: the tests have no DOM types): records every
// violation the browser reports.
const RECORD_VIOLATIONS = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(event.effectiveDirective + " " + event.blockedURI));`;

/** Every HTML file of a built site, as site paths. */
function htmlPages(outputDir: string): string[] {
  return readdirSync(outputDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => `/${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

describe("public/_headers", () => {
  it("never sets one header in two rules that can match the same path (Cloudflare would join the values)", () => {
    const overlapping = (a: HeaderRule, b: HeaderRule) => patternMatches(a.pattern, b.pattern) || patternMatches(b.pattern, a.pattern);
    for (const [index, rule] of rules.entries()) {
      for (const other of rules.slice(index + 1).filter((candidate) => overlapping(rule, candidate))) {
        // A later rule may set a header again only after detaching the earlier value (`! Name`).
        const shared = rule.headers
          .map(([name]) => name.toLowerCase())
          .filter((name) => other.headers.some(([otherName]) => otherName.toLowerCase() === name) && !other.detached.includes(name));
        expect(shared, `${rule.pattern} and ${other.pattern}`).toEqual([]);
      }
    }
  });

  it("caches fingerprinted assets for a year and leaves pages, feeds and images to revalidate", () => {
    const cacheControl = (sitePath: string) => headersFor(rules, sitePath).find(([name]) => name === "Cache-Control")?.[1];
    expect(cacheControl("/assets/site.0123456789.css")).toBe("public, max-age=31536000, immutable");
    for (const sitePath of ["/", "/2026/11/24/flood-wall/", "/feed.xml", "/media/articles/2026/images/wall.png", "/css/site.css"]) {
      expect(cacheControl(sitePath), sitePath).toBeUndefined();
    }
  });

  it("sends a strict policy to every path: nothing inline, nothing from other sites but images", () => {
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "https:", "data:"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    for (const sitePath of ["/", "/assets/site.0123456789.css", "/pagefind/pagefind-worker.js"]) {
      expect(
        headersFor(rules, sitePath).filter(([name]) => name === "Content-Security-Policy"),
        sitePath,
      ).toHaveLength(1);
    }
  });
});

describe("public/_headers for the web editor at /admin/", () => {
  const adminPolicies = headersFor(rules, "/admin/").filter(([name]) => name === "Content-Security-Policy");
  const sitePolicy = headersFor(rules, "/").find(([name]) => name === "Content-Security-Policy")?.[1];

  it("sends /admin/ one policy of its own, and the site's everywhere else", () => {
    expect(adminPolicies).toHaveLength(1);
    expect(adminPolicies[0]?.[1]).not.toBe(sitePolicy);
    for (const sitePath of ["/", "/administration/", "/2026/11/24/admin/"]) {
      expect(headersFor(rules, sitePath).filter(([name]) => name === "Content-Security-Policy").map(([, value]) => value), sitePath).toEqual([sitePolicy]);
    }
  });

  it("allows the CMS what it needs and nothing inline for scripts or from other sites but GitHub's API and images", () => {
    const policy = parseCsp(adminPolicies[0]?.[1] ?? "");
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "blob:", "https://api.github.com"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("the web editor under public/_headers, in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    writeFileSync(
      path.join(root, "tidings.config.yml"),
      `${readFileSync(path.join(root, "tidings.config.yml"), "utf8")}editor:\n  backend: { name: github, repo: gazette/site, branch: main, base_url: https://auth.gazette.example.org }\n`,
    );
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    server = await serveFolder(result.outputDir, (sitePath) => headersFor(rules, sitePath));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads the CMS from the site's own files with no policy violation, up to GitHub's login", async () => {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    const page = await context.newPage();
    const problems: string[] = [];
    const offSite: string[] = [];
    page.on("pageerror", (failure) => problems.push(`error ${failure.message}`));
    page.on("requestfailed", (request) => problems.push(`failed ${request.url()} ${request.failure()?.errorText}`));
    page.on("request", (request) => {
      if (!request.url().startsWith(server.origin)) offSite.push(request.url());
    });
    const response = await page.goto(`${server.origin}/admin/`, { waitUntil: "load" });
    expect(response?.headers()["content-security-policy"]).toBe(headersFor(rules, "/admin/").find(([name]) => name === "Content-Security-Policy")?.[1]);
    await page.getByRole("button", { name: /Login with GitHub/i }).waitFor({ timeout: 30_000 });
    problems.push(...((await page.evaluate("window.cspViolations")) as string[]));
    expect(problems).toEqual([]);
    // No CDN: everything the editor loaded came from the site.
    expect(offSite).toEqual([]);
    await context.close();
  });
});

describe("the built site under public/_headers", () => {
  let outputDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const root = copyFixture("newsroom");
    cpSync(path.join(REPOSITORY, "public"), path.join(root, "public"), { recursive: true });
    const result = await build({ root, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    outputDir = result.outputDir;
    // Probes for the policy itself: an inline script and styles (must be refused) and JSON-LD (must not be).
    mkdirSync(path.join(outputDir, "csp-probe", "json-ld"), { recursive: true });
    writeFileSync(
      path.join(outputDir, "csp-probe", "index.html"),
      '<!doctype html><title>p</title><style>p{color:red}</style><p style="color:blue">x</p><script>document.title="ran"</script>',
    );
    writeFileSync(
      path.join(outputDir, "csp-probe", "json-ld", "index.html"),
      '<!doctype html><title>p</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>',
    );
    server = await serveFolder(outputDir, (sitePath) => headersFor(rules, sitePath));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("publishes _headers and fingerprints every file under /assets/ with its content hash", () => {
    expect(readFileSync(path.join(outputDir, "_headers"), "utf8")).toBe(readFileSync(path.join(REPOSITORY, "public", "_headers"), "utf8"));
    const assets = readdirSync(path.join(outputDir, "assets"));
    expect(assets.length).toBeGreaterThan(0);
    for (const name of assets) {
      const hash = /\.([0-9a-f]{10})\.[a-z]+$/.exec(name)?.[1];
      expect(hash, name).toBe(
        createHash("sha256")
          .update(readFileSync(path.join(outputDir, "assets", name)))
          .digest("hex")
          .slice(0, 10),
      );
    }
  });

  it("uses nothing on any page that the policy forbids", () => {
    const pages = htmlPages(outputDir).filter((page) => !page.startsWith("/csp-probe/"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const $ = load(readFileSync(path.join(outputDir, page.endsWith("/") ? `${page}index.html` : page), "utf8"));
      const where = (what: string) => `${what} on ${page}`;
      expect($("style").length, where("<style>")).toBe(0);
      expect($("[style]").length, where("a style attribute")).toBe(0);
      expect(
        $("script:not([src])").filter((_, element) => $(element).attr("type") !== "application/ld+json").length,
        where("inline script"),
      ).toBe(0);
      expect(
        $("script[src], link[rel=stylesheet]").filter((_, element) =>
          /^(https?:)?\/\//.test($(element).attr("src") ?? $(element).attr("href") ?? ""),
        ).length,
        where("an off-site script or stylesheet"),
      ).toBe(0);
      expect(
        $("img").filter((_, element) => /^(http:|\/\/|data:)/.test($(element).attr("src") ?? "")).length,
        where("an image the policy refuses"),
      ).toBe(0);
      expect($("iframe, object, embed, frame").length, where("an embedded frame")).toBe(0);
      expect(
        $("*").filter((_, element) => Object.keys("attribs" in element ? element.attribs : {}).some((name) => name.startsWith("on"))).length,
        where("an event handler attribute"),
      ).toBe(0);
      expect($("[href^='javascript:' i], [src^='javascript:' i]").length, where("a javascript: link")).toBe(0);
    }
  });

  it("loads every page in Chromium without a single policy violation or failed request", async () => {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    const problems: string[] = [];
    const page = await context.newPage();
    page.on("requestfailed", (request) => {
      // A lazy thumbnail still loading when the test moves on to the next page is cancelled by the
      // navigation (net::ERR_ABORTED), as when a reader clicks away; a request the policy refuses
      // fails with net::ERR_BLOCKED_BY_CSP and still counts.
      if (request.resourceType() === "image" && request.failure()?.errorText === "net::ERR_ABORTED") return;
      problems.push(`failed ${request.url()} ${request.failure()?.errorText}`);
    });
    for (const sitePath of htmlPages(outputDir).filter((candidate) => !candidate.startsWith("/csp-probe/"))) {
      const response = await page.goto(`${server.origin}${sitePath}`, { waitUntil: "load" });
      expect(response?.headers()["content-security-policy"], sitePath).toBe(
        headersFor(rules, "/").find(([name]) => name === "Content-Security-Policy")?.[1],
      );
      const violations = (await page.evaluate("window.cspViolations")) as string[];
      problems.push(...violations.map((violation) => `${sitePath}: ${violation}`));
      // The stylesheet really applied: the policy (and upgrade-insecure-requests) let it through.
      expect(await page.evaluate("getComputedStyle(document.body).fontFamily"), sitePath).toMatch(/Charter|Georgia|serif/);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("would catch inline script and styles, and lets JSON-LD through", async () => {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    const page = await context.newPage();
    const violationsAt = async (sitePath: string) => {
      await page.goto(`${server.origin}${sitePath}`, { waitUntil: "load" });
      const violations = (await page.evaluate("window.cspViolations")) as string[];
      return [...new Set(violations.map((violation) => violation.split(" ")[0]))].sort();
    };
    expect(await violationsAt("/csp-probe/")).toEqual(["script-src-elem", "style-src-attr", "style-src-elem"]);
    expect(await page.title()).toBe("p");
    expect(await violationsAt("/csp-probe/json-ld/")).toEqual([]);
    await context.close();
  });
});
