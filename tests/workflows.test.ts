import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CACHE_DIR, DEFAULT_OUTPUT_DIR } from "../src/build.ts";

const REPOSITORY = path.resolve(import.meta.dirname, "..");
const WORKFLOWS = path.join(REPOSITORY, ".github", "workflows");
const scripts = (JSON.parse(readFileSync(path.join(REPOSITORY, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  needs?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
const text = (file: string) => readFileSync(path.join(WORKFLOWS, file), "utf8");
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);
const runs = (file: string) => steps(file).flatMap((step) => (step.run ? [step.run] : []));
const stepIndex = (file: string, command: RegExp) => steps(file).findIndex((step) => command.test(step.run ?? ""));

describe("the GitHub Actions workflows", () => {
  it("are a pull-request workflow and a deploy workflow", () => {
    expect(files.sort()).toEqual(["deploy.yml", "pull-request.yml"]);
  });

  it("only run npm scripts that package.json defines", () => {
    for (const file of files) {
      for (const command of runs(file)) {
        for (const [, script] of command.matchAll(/\bnpm run ([\w:-]+)/g))
          expect(Object.keys(scripts), `${file}: npm run ${script}`).toContain(script);
        if (/\bnpm (test|t)\b/.test(command)) expect(scripts["test"], file).toBeDefined();
        // Anything else would be a command the project does not know about.
        expect(command, file).toMatch(/^(npm (ci|test|run [\w:-]+)|apt-get )/);
      }
    }
  });

  it("use only official actions, pinned to a full commit with its version alongside", () => {
    for (const file of files) {
      const uses = [...text(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, file).toBeGreaterThan(0);
      for (const [line, reference, comment] of uses) {
        expect(reference, line).toMatch(/^actions\/[a-z-]+(\/[a-z-]+)?@[0-9a-f]{40}$/);
        expect(comment, line).toMatch(/^ # v\d+(\.\d+){0,2}$/);
      }
    }
    // The same action is pinned to the same commit everywhere.
    const pins = new Map<string, Set<string>>();
    for (const [, reference = ""] of files.flatMap((file) => [...text(file).matchAll(/uses:\s*(\S+)/g)])) {
      const [action = "", sha = ""] = reference.split("@");
      pins.set(action, (pins.get(action) ?? new Set()).add(sha));
    }
    for (const [action, shas] of pins) expect(shas.size, action).toBe(1);
  });

  it("set minimal permissions at the top, a concurrency group, Node from .nvmrc with the npm cache, and npm ci", () => {
    expect(readFileSync(path.join(REPOSITORY, ".nvmrc"), "utf8").trim()).toBe("20");
    for (const file of files) {
      const { permissions, concurrency } = workflow(file);
      expect(permissions, file).toEqual({ contents: "read" });
      expect(concurrency?.group, file).toMatch(/\S/);
      for (const job of Object.values(workflow(file).jobs)) {
        if (!job.steps.some((step) => step.run)) continue;
        const setupNode = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
        expect(setupNode?.with, file).toEqual({ "node-version-file": ".nvmrc", cache: "npm" });
        expect(
          job.steps.some((step) => step.run?.startsWith("npm ci")),
          file,
        ).toBe(true);
      }
    }
  });

  it("check every pull request with GitHub annotations, build it, attach the site and run the tests", () => {
    const file = "pull-request.yml";
    expect(Object.keys(workflow(file).on)).toEqual(["pull_request"]);
    const check = stepIndex(file, /^npm run check -- --format github$/);
    const build = stepIndex(file, /^npm run build$/);
    const test = stepIndex(file, /^npm test$/);
    expect(check).toBeGreaterThan(-1);
    expect(build).toBeGreaterThan(check);
    expect(test).toBeGreaterThan(build);
    const upload = steps(file).find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.["path"]).toBe("_site/");
    expect(workflow(file).concurrency?.["cancel-in-progress"]).toBe(true);
  });

  it("deploy to GitHub Pages on every push to main, every 15 minutes and by hand", () => {
    const file = "deploy.yml";
    const { on, jobs, concurrency } = workflow(file);
    expect(on["push"]).toEqual({ branches: ["main"] });
    expect(on["schedule"]).toEqual([{ cron: "*/15 * * * *" }]);
    expect(on).toHaveProperty("workflow_dispatch");
    expect(concurrency).toEqual({ group: "pages", "cancel-in-progress": false });

    const build = jobs["build"];
    const deploy = jobs["deploy"];
    expect(build?.permissions).toEqual({ contents: "read", pages: "read" });
    // One load of the content: the build reports every problem as an annotation (no separate check),
    // and refuses to publish the sample newsroom or setup's placeholder text (--deploy).
    expect(stepIndex(file, /^npm run build -- --format github --deploy$/)).toBeGreaterThan(-1);
    expect(stepIndex(file, /^npm run check/)).toBe(-1);
    const uploaded = build?.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(uploaded?.with?.["path"]).toBe("_site/");
    // The site is built for the address GitHub Pages reports, sub-path included.
    const pages = build?.steps.find((step) => step.uses?.startsWith("actions/configure-pages@"));
    for (const command of ["npm run build -- --format github --deploy"]) {
      expect(build?.steps.find((step) => step.run === command)?.env).toEqual({
        TIDINGS_URL: `\${{ steps.${pages?.id ?? "?"}.outputs.base_url }}`,
      });
    }

    expect(deploy?.needs).toBe("build");
    expect(deploy?.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy?.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    expect(deploy?.steps.map((step) => [step.id, step.uses?.split("@")[0]])).toEqual([["deployment", "actions/deploy-pages"]]);
  });

  it("pass --deploy to the deploy workflow's build alone: a pull request builds the sample without refusing it", () => {
    const deployed = runs("deploy.yml").filter((command) => command.startsWith("npm run build"));
    expect(deployed).toEqual(["npm run build -- --format github --deploy"]);
    for (const command of runs("pull-request.yml")) expect(command).not.toContain("--deploy");
  });

  it("install only the build's dependencies to deploy, and everything where the tests run", () => {
    const installs = (file: string) => runs(file).filter((command) => command.startsWith("npm ci"));
    // The deploy builds and publishes: `npm ci --omit=dev` installs package.json's dependencies,
    // which tests/dependencies.test.ts keeps to what the build loads and compiles with.
    expect(installs("deploy.yml")).toEqual(["npm ci --omit=dev --no-audit --no-fund"]);
    const build = stepIndex("deploy.yml", /^npm run build -- --format github --deploy$/);
    expect(stepIndex("deploy.yml", /^npm ci --omit=dev/)).toBeLessThan(build);
    expect(runs("deploy.yml").filter((command) => /^npm (test|t)\b|^npm run (check|typecheck|bench|deps|format)\b/.test(command))).toEqual([]);
    // The pull request's job and CI's script (.ci/run) run the tests: they install everything.
    expect(installs("pull-request.yml")).toEqual(["npm ci --no-audit --no-fund"]);
    const ciScript = readFileSync(path.join(REPOSITORY, ".ci", "run"), "utf8");
    const ciInstalls = ciScript.split("\n").filter((line) => /^\s*npm (ci|install|i)\b/.test(line));
    expect(ciInstalls.map((line) => line.trim())).toEqual(["npm ci --no-audit --no-fund"]);
    expect(ciScript).toMatch(/^npm test$/m);
  });

  it("publish the folder the build command writes by default", () => {
    const uploads = files.flatMap((file) => steps(file).filter((step) => /^actions\/upload-(pages-)?artifact@/.test(step.uses ?? "")));
    const sites = uploads.filter((step) => step.with?.["name"] !== "quality");
    expect(sites.map((step) => step.with?.["path"])).toEqual([`${DEFAULT_OUTPUT_DIR}/`, `${DEFAULT_OUTPUT_DIR}/`]);
  });

  it("keep the screenshots and quality measurements of a pull request's tests, even when they fail", () => {
    const all = steps("pull-request.yml");
    const quality = all.findIndex((step) => step.with?.["name"] === "quality");
    expect(all[quality]?.with?.["path"]).toBe("artifacts/");
    expect(all[quality]?.if).toBe("${{ !cancelled() }}");
    expect(stepIndex("pull-request.yml", /^npm test$/)).toBeLessThan(quality);
  });

  it("restore the build cache before building and save it afterwards, even when the build fails or is cancelled", () => {
    for (const file of files) {
      const all = steps(file);
      const restoreAt = all.findIndex((step) => step.uses?.startsWith("actions/cache/restore@"));
      const saveAt = all.findIndex((step) => step.uses?.startsWith("actions/cache/save@"));
      const buildAt = stepIndex(file, /^npm run build( -- --format github --deploy)?$/);
      const restore = all[restoreAt];
      const save = all[saveAt];
      expect(restoreAt, file).toBeGreaterThan(all.findIndex((step) => step.run?.startsWith("npm ci")));
      expect(restoreAt, file).toBeLessThan(buildAt);
      expect(saveAt, file).toBeGreaterThan(buildAt);
      // The build cache, the compiled CLI (bin/tidings.mjs reuses it while the sources are unchanged)
      // and the last output (kept as it is when nothing changed and nothing is due).
      expect(String(restore?.with?.["path"]).trim().split("\n"), file).toEqual([CACHE_DIR, "dist", DEFAULT_OUTPUT_DIR]);
      expect(save?.with?.["path"], file).toEqual(restore?.with?.["path"]);
      // A new key for every commit, so each push saves what it built; the dependencies' hash in it
      // so that, of the older caches, one made with the same packages is found first.
      const key = String(restore?.with?.["key"]);
      expect(key, file).toContain("${{ github.sha }}");
      expect(key, file).toContain("${{ hashFiles('package-lock.json') }}");
      // Every restore key is a prefix of the key, most specific first: a push finds the previous
      // push's cache, after a dependency update too.
      const restoreKeys = String(restore?.with?.["restore-keys"]).trim().split("\n");
      expect(restoreKeys.length, file).toBeGreaterThanOrEqual(2);
      for (const prefix of restoreKeys) expect(key.startsWith(prefix), `${file}: ${prefix}`).toBe(true);
      expect([...restoreKeys].sort((a, b) => b.length - a.length), file).toEqual(restoreKeys);
      expect(key.startsWith(restoreKeys.at(-1) ?? "?") && !restoreKeys.at(-1)?.includes("hashFiles"), file).toBe(true);
      // Saved under the key the restore step looked for, whatever happened to the build, unless
      // this very commit's cache was found (nothing new to save; caches cannot be overwritten).
      expect(save?.with?.["key"], file).toBe(`\${{ steps.${restore?.id ?? "?"}.outputs.cache-primary-key }}`);
      expect(save?.if, file).toBe(`\${{ always() && steps.${restore?.id ?? "?"}.outputs.cache-hit != 'true' }}`);
    }
  });

  it("check out the whole history, which the articles' history pages are read from", () => {
    for (const file of files) {
      const checkout = steps(file).find((step) => step.uses?.startsWith("actions/checkout@"));
      expect(checkout?.with?.["fetch-depth"], file).toBe(0);
    }
  });

  it("keep the action pins up to date through Dependabot", () => {
    const dependabot = parse(readFileSync(path.join(REPOSITORY, ".github", "dependabot.yml"), "utf8")) as {
      updates: { "package-ecosystem": string }[];
    };
    expect(dependabot.updates.map((update) => update["package-ecosystem"])).toContain("github-actions");
  });
});
