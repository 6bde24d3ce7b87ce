import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reachableCode } from "../src/cache/code-fingerprint.ts";

// What a production install (`npm ci --omit=dev`, as the deploy workflow runs it) must hold: the
// packages that `npm run build`, `check` and `new` load, and the bundler that bin/tidings.mjs
// bundles the sources with; nothing else. Tests, the preview's extras, lint and benchmarks are
// development dependencies. docs/deploying.md, "What the deploy installs".

const REPOSITORY = path.resolve(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Packages the code names on purpose but a production install may lack, and why. */
const DEVELOPMENT_ONLY: Record<string, string> = {
  // worker-entry.ts registers tsx in worker threads (render, search) only when Tidings runs from
  // its TypeScript sources (the tests, `npm start`); the compiled CLI's workers are JavaScript.
  tsx: "src/core/worker-entry.ts",
  // The preview's editor backend; `serve` reports it missing rather than failing to load.
  "decap-server": "src/admin/local-backend.ts",
};

/** The bundler that bin/tidings.mjs runs to bundle src/ into dist/ before a command runs. */
const BUNDLER = "esbuild";

// Statements that import or re-export types only: TypeScript erases them (verbatimModuleSyntax),
// so they load nothing. `import { type A } from "x"` is kept (as `import {} from "x"`), so it counts.
const TYPE_ONLY = /\b(?:import|export)\s+type\s+(?:\*\s+as\s+\w+|\{[^}]*\}|\w+)\s+from\s+["'][^"']+["'];?/g;
// Static imports and re-exports, side-effect imports, dynamic imports, and the packages resolved
// by name for their files (createRequire(…).resolve, import.meta.resolve).
const LOADS = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']|\.resolve\(\s*["']([^"'.][^"']*)["']\s*\)/g;

const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** The packages the modules reachable from the CLI load when they run, by name. */
function packagesLoadedByTheCommands(): Set<string> {
  const { modules } = reachableCode([path.join(REPOSITORY, "src", "cli.ts")]);
  const loaded = new Set<string>();
  for (const file of modules) {
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .replace(TYPE_ONLY, "");
    for (const match of text.matchAll(LOADS)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? "";
      // Relative and built-in modules aside; and text that only looks like an import (`"an @import"` in a string).
      if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/.test(specifier) || specifier.startsWith("node:")) continue;
      loaded.add(packageName(specifier));
    }
  }
  return loaded;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe("the dependencies in package.json", () => {
  const loaded = packagesLoadedByTheCommands();

  it("are exactly the packages the commands load, and the bundler bin/tidings.mjs runs", () => {
    expect(loaded.size).toBeGreaterThan(10);
    const needed = new Set([...loaded].filter((name) => !(name in DEVELOPMENT_ONLY)));
    needed.add(BUNDLER);
    expect(sorted(Object.keys(manifest.dependencies))).toEqual(sorted(needed));
  });

  it("leave to development the packages only the sources or the preview load, which the code names on purpose", () => {
    for (const [name, file] of Object.entries(DEVELOPMENT_ONLY)) {
      expect(loaded.has(name), name).toBe(true);
      expect(readFileSync(path.join(REPOSITORY, file), "utf8"), file).toContain(`"${name}/`);
      expect(manifest.devDependencies, name).toHaveProperty(name);
      expect(manifest.dependencies, name).not.toHaveProperty(name);
    }
  });

  it("hold no type definitions or test, lint and benchmark tools", () => {
    const tools = Object.keys(manifest.dependencies).filter((name) => /^@types\/|^(vitest|prettier|tsx|dependency-cruiser|lighthouse|playwright|@axe-core|html-validate|vnu-jar|linkinator)/.test(name));
    expect(tools).toEqual([]);
  });

  it("include the bundler, pinned, and leave the type checker (TypeScript) to development: the bundler only strips types", () => {
    const launcher = readFileSync(path.join(REPOSITORY, "bin", "tidings.mjs"), "utf8");
    expect(launcher).toContain(`await import("${BUNDLER}")`);
    expect(manifest.dependencies[BUNDLER]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies).not.toHaveProperty("typescript");
    expect(manifest.devDependencies).toHaveProperty("typescript");
  });

  it("are what `npm run build`, `check` and `new` run with: the compiled CLI, not tsx", () => {
    for (const script of ["build", "check", "new"]) expect(manifest.scripts[script], script).toBe(`node bin/tidings.mjs ${script}`);
  });
});
