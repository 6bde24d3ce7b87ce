#!/usr/bin/env node
// The `tidings` command behind `npm run build`, `check` and `new`: it runs the CLI bundled into
// plain JavaScript in dist/, bundling it first when the sources have changed since the last
// bundle. Run from the TypeScript sources through tsx instead, every module a build loads goes
// through tsx's loader hooks (about a second of every build); compiled module by module, Node
// still resolves, reads and links some 600 modules of Tidings and the packages it bundles (0.4 s
// of every build and of each render worker). One bundle per entry (the CLI and each worker
// thread's module), with the code they share in chunks beside them, loads in a third of that.
// The check compares a hash of the sources and the lock file, not modification times, so a dist/
// restored from CI's cache is used as long as the commit did not change the code or the packages.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const stampFile = path.join(dist, ".sources-sha256");
// Two folders down from the package root, as every module in src/ is: the paths they make from
// their own folder (templates/, the catalogues, the sample's record) are the same bundled.
const BUNDLE = "bundle";

// The bundles, each named as the module that starts it names it (workerEntry: `<name>.js` beside
// the starting module's own file, which bundled is dist/bundle/cli.js or a chunk beside it).
const ENTRIES = {
  cli: "src/cli.ts",
  "render-worker": "src/render/render-worker.ts",
  "search-worker": "src/search/search-worker.ts",
  "ready-output-worker": "src/publish/ready-output-worker.ts",
};

// Loaded from node_modules, not bundled: packages with native binaries or programs of their own
// (sharp, pagefind), the packages whose objects pass between Eleventy and Tidings' glue (one copy
// of each), and Eleventy's dev server, which only the preview loads. Eleventy itself is bundled
// (its 300 modules load in half the time), with the file addresses it finds its own files by kept
// (keepOwnAddress); the watcher it imports by a name held in a variable stays a package anyway.
const EXTERNAL = ["@11ty/eleventy-img", "sharp", "pagefind", "nunjucks", "luxon", "@11ty/eleventy-dev-server"];

// Eleventy finds its own files (its package.json, its default config, the modules it imports
// by name) from `import.meta.url`: in a bundle that would be the bundle's address, so each of its
// modules that reads it gets its own file's address written in instead.
const keepOwnAddress = {
  name: "keep-own-address",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@11ty[\\/]eleventy[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "js" };
    });
  },
};

/**
 * A hash of everything the bundles are made from: the sources, the compiler settings (this file),
 * the installed packages the bundles take in (by the lock file npm installs from: a dist/ restored
 * from a CI cache made before a dependency's update is bundled again, not run with the old
 * package's code), and the bundler's version.
 */
function sourcesHash() {
  const hash = createHash("sha256");
  const files = readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const lock = path.join(root, "package-lock.json");
  for (const file of [...files, path.join(root, "tsconfig.json"), fileURLToPath(import.meta.url), ...(existsSync(lock) ? [lock] : [])]) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const esbuild = JSON.parse(readFileSync(path.join(root, "node_modules", "esbuild", "package.json"), "utf8"));
  return hash.update(esbuild.version).digest("hex");
}

async function compile(stamp) {
  // Into a folder of its own, swapped in whole: a second command starting meanwhile never runs half a bundle.
  const temporary = `${dist}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const { build } = await import("esbuild");
  try {
    // Types are `npm test`'s business (tsc --noEmit): esbuild only strips them.
    await build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: path.join(temporary, BUNDLE),
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: EXTERNAL,
      plugins: [keepOwnAddress],
      // CommonJS packages bundled into ES modules still call require() for Node's built-ins.
      banner: { js: 'import { createRequire as __tidingsCreateRequire } from "node:module"; const require = __tidingsCreateRequire(import.meta.url);' },
      logLevel: "error",
    });
  } catch {
    rmSync(temporary, { recursive: true, force: true });
    process.stderr.write("✖ bundling Tidings (src/ to dist/) failed; see the messages above\n");
    process.exit(2);
  }
  writeFileSync(path.join(temporary, ".sources-sha256"), stamp);
  const old = `${dist}.${process.pid}.old`;
  try {
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(temporary, dist);
  } catch {
    // Another command bundled the same sources at the same moment and swapped its copy in first.
    rmSync(temporary, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

const stamp = sourcesHash();
if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) await compile(stamp);
await import(pathToFileURL(path.join(dist, BUNDLE, "cli.js")).href);
