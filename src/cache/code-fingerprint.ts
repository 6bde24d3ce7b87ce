import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The Tidings installation's package root (its TypeScript sources are in src/). */
export const PACKAGE_ROOT = path.resolve(import.meta.dirname, "..", "..");
// The sources, also when this runs compiled (dist/ is compiled from exactly these: bin/tidings.mjs),
// so `npm run build` and `npm start` (run from the sources) share one cache.
const SRC_DIR = path.join(PACKAGE_ROOT, "src");
const sourceFiles = (files: readonly string[]) => files.map((file) => path.join(SRC_DIR, `${file}.ts`));

/**
 * The modules whose code decides what the content cache holds: front matter validated by the
 * schemas, bodies rendered by the Markdown pipeline (in the build's process and in workers), and articles' records of changes.
 */
export const CONTENT_CODE = sourceFiles(["./content/validate-entry", "./render/render-all", "./render/render-worker", "./history/read-records"]);

/** The modules whose code turns a page's view into HTML besides the templates: the Eleventy glue, its filters and what they call. */
export const PAGE_CODE = sourceFiles(["./eleventy/run-eleventy"]);

/** All the code a build runs: what decides, with the files it reads, everything it writes. */
export const BUILD_CODE = sourceFiles(["./build"]);

/** The module that cleans SVG drawings: what decides the cleaned copies in the image cache. */
export const DRAWING_CODE = sourceFiles(["./media/clean-svg"]);
/** The modules that build the search index from the articles' search documents (with Pagefind's version, what decides a shard's bundle). */
export const SEARCH_CODE = sourceFiles(["./search/write-search-index", "./search/search-worker"]);

/**
 * A hash of the code reachable from `entries` by their imports, as far as it decides what they
 * compute: the text of every Tidings module they import, directly or not; the exact version of
 * every package they import and of everything those packages depend on (from package-lock.json);
 * and the Node.js, ICU and time-zone data versions (dates are read and formatted with them). A
 * change to any of these gives a new fingerprint, so a cache keyed on it never serves what older
 * code computed; a change elsewhere (the CLI, the tests' tools, a dev dependency) keeps it, so it
 * does not cost a full re-render.
 */
export function codeFingerprint(entries: readonly string[], packageRoot = PACKAGE_ROOT): string {
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node} icu ${process.versions.icu ?? ""} tz ${process.versions.tz ?? ""}\0`);
  const { modules, packages } = reachableCode(entries);
  for (const file of [...modules].sort()) {
    hash.update(path.relative(packageRoot, file)).update("\0");
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("missing");
    }
    hash.update("\0");
  }
  for (const entry of lockedPackages(packages, packageRoot)) hash.update(entry).update("\0");
  return hash.digest("hex");
}

/** The Tidings modules reachable from `entries` through relative imports, and the packages they import by name. */
export function reachableCode(entries: readonly string[]): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      // The other form of a module named both ways (render-worker.ts and .js): not part of this code.
      if (!entries.includes(file)) modules.delete(file);
      continue;
    }
    for (const specifier of importSpecifiers(text)) {
      if (specifier.startsWith(".")) pending.push(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith("node:")) packages.add(packageName(specifier));
    }
  }
  return { modules, packages };
}

// Static imports and re-exports (`from "x"`, `import "x"`), dynamic imports with a literal and
// `new URL("./x.ts", import.meta.url)` (how worker entries are named); what is not there is skipped.
const IMPORT = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']|new URL\(\s*["'](\.[^"']+)["']\s*,\s*import\.meta\.url/g;

function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? "").filter((specifier) => specifier !== "");
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * `path@version integrity` of every installed package the named ones need, following
 * package-lock.json as Node resolves packages (a nested node_modules folder first, then its
 * parents'). Without a lock file, its absence is all that is known.
 */
function lockedPackages(names: ReadonlySet<string>, packageRoot: string): string[] {
  const lockFile = path.join(packageRoot, "package-lock.json");
  if (!existsSync(lockFile)) return ["package-lock.json missing", ...[...names].sort()];
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { packages?: Record<string, LockEntry> };
  const installed = lock.packages ?? {};
  const found = new Map<string, LockEntry | undefined>();
  const resolve = (name: string, from: string): string => {
    for (let folder = from; ; folder = folder.includes("/node_modules/") ? folder.slice(0, folder.lastIndexOf("/node_modules/")) : "") {
      const candidate = folder === "" ? `node_modules/${name}` : `${folder}/node_modules/${name}`;
      if (candidate in installed || folder === "") return candidate;
    }
  };
  const pending = [...names].map((name) => resolve(name, ""));
  while (pending.length > 0) {
    const at = pending.pop() as string;
    if (found.has(at)) continue;
    const entry = installed[at];
    found.set(at, entry);
    for (const dependency of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) pending.push(resolve(dependency, at));
  }
  return [...found].map(([at, entry]) => `${at}@${entry?.version ?? "missing"} ${entry?.integrity ?? ""}`).sort();
}
