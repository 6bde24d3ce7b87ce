import { createRequire } from "node:module";
import nunjucks, { type Environment } from "nunjucks";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { configureEleventy } from "../../src/eleventy/configure.ts";
import { copySampleSite } from "../support/fixture-site.ts";
import { richSite } from "../support/rich-site.ts";

// Nunjucks' environment as this test makes one (Tidings itself only receives Eleventy's).
const { Environment: NunjucksEnvironment } = createRequire(import.meta.url)("nunjucks") as {
  Environment: new () => Environment & { addFilter(name: string, filter: () => string): void };
};

type Compile = (text: string, inputPath: string) => (data: object) => Promise<string>;

// What configureEleventy registers for `njk`: the library amendment and the compile (every other call is ignored).
function njkGlue(): { amend: (environment: Environment) => void; compile: Compile } {
  let amend: ((environment: Environment) => void) | undefined;
  let compile: Compile | undefined;
  const config = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (name === "amendLibrary") return (_library: string, callback: typeof amend) => (amend = callback);
        if (name === "addExtension") return (_key: string, extension: { compile: Compile }) => (compile = extension.compile);
        if (name === "benchmarkManager") return undefined;
        return () => undefined;
      },
    },
  );
  configureEleventy(config as Parameters<typeof configureEleventy>[0], { root: copySampleSite(), site: richSite(), pathPrefix: "/" });
  if (!amend || !compile) throw new Error("configureEleventy registered no njk compile");
  return { amend, compile };
}

function environmentSaying(word: string): Environment {
  const environment = new NunjucksEnvironment();
  environment.addFilter("who", () => word);
  return environment;
}

const NOW = Date.UTC(2026, 10, 27, 12);

describe("Nunjucks templates in a build", () => {
  const original = nunjucks.Template;
  afterEach(() => {
    nunjucks.Template = original;
  });

  // The path of every Template made through `nunjucks.Template` (Eleventy's compile and Tidings'; not the ones Nunjucks' loader makes).
  function countTemplates(): string[] {
    const made: string[] = [];
    nunjucks.Template = class extends original {
      constructor(...args: ConstructorParameters<typeof original>) {
        super(...args);
        made.push(args[2]);
      }
    };
    return made;
  }

  it("renders a compiled template in the environment Eleventy set up last, compiling it again only for a new one", async () => {
    const made = countTemplates();
    const { amend, compile } = njkGlue();
    const render = compile("{{ 'x' | who }}", "./templates/page.njk");
    amend(environmentSaying("first"));
    expect(await render({})).toBe("first");
    expect(await render({})).toBe("first");
    expect(made).toEqual(["./templates/page.njk"]);
    // The dev server's rebuild set up a new environment (new filters, a fresh loader cache).
    amend(environmentSaying("second"));
    expect(await render({})).toBe("second");
    expect(made).toHaveLength(2);
  });

  // Eleventy 3.1 keeps no compiled Nunjucks template, so without Tidings' own compile each page of
  // a paginated template made (and compiled) a Template of its own.
  it("makes one Template of a paginated page template per Eleventy run, not one per page", async () => {
    const made = countTemplates();
    const root = copySampleSite();
    const result = await build({ root, now: NOW, pagesPerRun: 20 });
    expect(result.ok).toBe(true);
    const runs = Math.ceil(result.pages / 20);
    const articleTemplates = made.filter((file) => /(^|[\\/])templates[\\/]article\.njk$/.test(file));
    expect(result.articles).toBeGreaterThan(10);
    expect(articleTemplates.length).toBeGreaterThan(0);
    // At most one a run (a run without an article page makes none).
    expect(articleTemplates.length).toBeLessThanOrEqual(runs);
    expect(articleTemplates.length).toBeLessThan(result.articles);
  });
});
