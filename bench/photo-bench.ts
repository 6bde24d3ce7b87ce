// The photo site of `npm run bench -- --photos <n>`: the generated news site with camera-sized
// photos (a lead photo on every article, the rest in bodies), built with the local provider and
// with an image CDN, cold, warm, after one edit and after a fresh checkout as CI makes one (every
// file's mtime new, bytes and git's index the same, the cache restored, no output), beside the
// same site without photos. Each site is a git repository, as a newsroom's is.
import { execSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { generateArticles, writeTidingsSite, type GeneratedArticle } from "./generate-site.ts";
import { writePhoto } from "./generate-photos.ts";
import { measureProcess, type ProcessCost } from "./measure.ts";
import { setAside } from "./set-aside.ts";

/** What to generate and build. */
export interface PhotoBenchOptions {
  repo: string;
  /** Where the sites and the generated photos are kept (photos are generated once and reused). */
  work: string;
  /** Where output and caches are set aside instead of deleted before a measured build (bench/set-aside.ts). */
  trash: string;
  articles: number;
  photos: number;
  seed: number;
  /** Tell how far the benchmark has got. */
  log: (line: string) => void;
}

/** One measured build and what it left in `_site/`. */
export interface PhotoBuild extends ProcessCost {
  unchanged: boolean;
  /** Milliseconds the build spent on pictures (resizing, or reading headers for a CDN). */
  mediaMs: number;
  /** Files in `_site/` and their bytes; resized copies among them. */
  outputFiles: number;
  outputBytes: number;
  resizedCopies: number;
}

/** Every measure of the photo site. */
export interface PhotoBenchResult {
  articles: number;
  photos: number;
  photoBytes: number;
  withoutPhotos: { cold: PhotoBuild; warm: PhotoBuild; oneEdit: PhotoBuild; freshCheckout: PhotoBuild };
  cdn: { cold: PhotoBuild; warm: PhotoBuild; oneEdit: PhotoBuild; freshCheckout: PhotoBuild };
  local: { cold: PhotoBuild; warm: PhotoBuild; oneEdit: PhotoBuild; freshCheckout: PhotoBuild };
}

const PHOTO_SIZE = { width: 2400, height: 1600 };
// Resized copies are named after the original with a key and a width: flood-3f2a9c1b7e-800.avif.
const RESIZED = /-[0-9a-f]{10}-\d+\.(avif|webp|jpeg|png)$/;

/** Generate the photo site in three variants and measure each. */
export async function runPhotoBench(options: PhotoBenchOptions): Promise<PhotoBenchResult> {
  const { articles: articleCount, photos: photoCount, work, log } = options;
  const generated = generateArticles({ articles: articleCount, seed: options.seed });
  const photoDir = path.join(work, "photos", `${PHOTO_SIZE.width}x${PHOTO_SIZE.height}`);
  const started = performance.now();
  for (let index = 0; index < photoCount; index++) {
    await writePhoto(path.join(photoDir, `photo-${index}.jpg`), PHOTO_SIZE, options.seed + index);
    if ((index + 1) % 100 === 0)
      log(`  photos: ${index + 1}/${photoCount} generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const photoBytes = Array.from({ length: photoCount }, (_, index) => statSync(path.join(photoDir, `photo-${index}.jpg`)).size).reduce(
    (a, b) => a + b,
    0,
  );

  const plain = path.join(work, `photos-none-${articleCount}`);
  const cdnRoot = path.join(work, `photos-cdn-${articleCount}`);
  const localRoot = path.join(work, `photos-local-${articleCount}`);
  for (const root of [plain, cdnRoot, localRoot]) setAside(root, options.trash);
  writeTidingsSite(plain, generated);
  for (const [root, images] of [
    [cdnRoot, "images:\n  provider: cloudflare\n"],
    [localRoot, ""],
  ] as const) {
    writeTidingsSite(root, generated);
    addPhotos(root, generated.articles, photoDir, photoCount);
    if (images) appendFileSync(path.join(root, "tidings.config.yml"), images);
  }
  for (const root of [plain, cdnRoot, localRoot]) {
    cpSync(path.join(options.repo, "public"), path.join(root, "public"), { recursive: true });
    commitAll(root);
  }

  const newest = generated.articles.at(-1);
  if (!newest) throw new Error("no articles generated");
  const buildOnce = async (root: string, what: string): Promise<PhotoBuild> => {
    execSync("sync");
    // Exactly what `npm run build` runs, with what the build did printed as JSON.
    const measured = await measureProcess(process.execPath, [path.join(options.repo, "bin", "tidings.mjs"), "build", "--json"], root);
    const { unchanged, timings } = JSON.parse(measured.stdout) as { unchanged: boolean; timings: { media: number } };
    const files = listFiles(path.join(root, "_site"));
    const build: PhotoBuild = {
      wallMs: measured.wallMs,
      cpuMs: measured.cpuMs,
      peakRssMb: measured.peakRssMb,
      unchanged,
      mediaMs: timings.media,
      outputFiles: files.length,
      outputBytes: files.reduce((total, file) => total + file.size, 0),
      resizedCopies: files.filter((file) => RESIZED.test(file.path)).length,
    };
    log(
      `  ${what}: ${(build.wallMs / 1000).toFixed(2)} s wall, ${(build.cpuMs / 1000).toFixed(2)} s CPU, media ${(build.mediaMs / 1000).toFixed(2)} s, ${build.outputFiles} files, ${(build.outputBytes / 1e6).toFixed(0)} MB, ${build.resizedCopies} resized copies`,
    );
    return build;
  };
  const editNewest = (root: string, run: number) => {
    const file = path.join(root, "content", "articles", newest.year, `${newest.slug}.md`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: "/m, `title: "Edit ${run}: `));
  };
  const coldWarmEdit = async (root: string, name: string) => {
    clean(root, options.trash);
    const cold = await buildOnce(root, `${name} cold`);
    const warm = await buildOnce(root, `${name} warm`);
    editNewest(root, 1);
    const oneEdit = await buildOnce(root, `${name} one edit`);
    return { cold, warm, oneEdit };
  };
  // What CI does for a push: a fresh checkout (every file new to the file system, git's index
  // made for them) with the build cache restored and no output, and the pushed edit.
  const freshCheckout = async (root: string, name: string) => {
    const now = Date.now() / 1000;
    for (const file of listFiles(path.join(root, "content"))) utimesSync(path.join(root, "content", file.path), now, now);
    execSync("git update-index -q --refresh", { cwd: root, stdio: "ignore" });
    setAside(path.join(root, "_site"), options.trash);
    editNewest(root, 2);
    return buildOnce(root, `${name} fresh checkout`);
  };
  const withoutPhotos = await coldWarmEdit(plain, "no photos");
  const cdn = await coldWarmEdit(cdnRoot, "CDN");
  const local = await coldWarmEdit(localRoot, "local");
  return {
    articles: articleCount,
    photos: photoCount,
    photoBytes,
    withoutPhotos: { ...withoutPhotos, freshCheckout: await freshCheckout(plain, "no photos") },
    cdn: { ...cdn, freshCheckout: await freshCheckout(cdnRoot, "CDN") },
    local: { ...local, freshCheckout: await freshCheckout(localRoot, "local") },
  };
}

// The site as a newsroom keeps it: a git repository with everything committed (a fresh checkout
// finds its photos by their blob ids), the output and the cache left out.
function commitAll(root: string): void {
  writeFileSync(path.join(root, ".gitignore"), "_site/\n.tidings-cache/\n");
  const env = { ...process.env, GIT_AUTHOR_NAME: "Bench", GIT_AUTHOR_EMAIL: "bench@example.org", GIT_COMMITTER_NAME: "Bench", GIT_COMMITTER_EMAIL: "bench@example.org" };
  rmSync(path.join(root, ".git"), { recursive: true, force: true });
  for (const command of ["git init -q -b main", "git add -A", "git commit -q -m generated"]) execSync(command, { cwd: root, env, stdio: "ignore" });
}

/**
 * Give the articles their photos: the first `count` articles a lead photo each, and past one per
 * article, a photo in the body of the next ones. Photos are hard-linked from the generated set
 * (same bytes, no copy), into each year's `images/` folder as an editor would put them.
 */
function addPhotos(root: string, articles: readonly GeneratedArticle[], photoDir: string, count: number): void {
  for (let index = 0; index < count; index++) {
    const article = articles[index % articles.length];
    if (!article) break;
    const lead = index < articles.length;
    const name = `${article.slug}${lead ? "" : "-body"}.jpg`;
    const folder = path.join(root, "content", "articles", article.year);
    mkdirSync(path.join(folder, "images"), { recursive: true });
    linkSync(path.join(photoDir, `photo-${index}.jpg`), path.join(folder, "images", name));
    const file = path.join(folder, `${article.slug}.md`);
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      lead
        ? text.replace(
            /^---\n/,
            `---\nimage: { src: images/${name}, alt: "A generated photo for the benchmark", caption: A caption, credit: Bench staff }\n`,
          )
        : `${text}\n![A second generated photo](images/${name} "A caption | Bench staff")\n`,
    );
  }
}

// A cold build starts with no output and no cache (set aside); the disk is flushed so the last build's writes do not slow this one.
function clean(root: string, trash: string): void {
  setAside(path.join(root, "_site"), trash);
  setAside(path.join(root, ".tidings-cache"), trash);
  execSync("sync");
}

function listFiles(folder: string): { path: string; size: number }[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return { path: path.relative(folder, full), size: statSync(full).size };
      });
  } catch {
    return [];
  }
}

/** The photo site's numbers as a Markdown table, printed beside the JSON (docs/performance.md). */
export function photoTable(result: PhotoBenchResult): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const row = (name: string, build: PhotoBuild) =>
    `| ${name} | ${seconds(build.wallMs)} | ${seconds(build.cpuMs)} | ${seconds(build.mediaMs)} | ${build.peakRssMb.toFixed(0)} MB | ${build.outputFiles.toLocaleString("en")} | ${(build.outputBytes / 1e6).toFixed(0)} MB | ${build.resizedCopies.toLocaleString("en")} |`;
  return [
    `Photo site: ${result.articles.toLocaleString("en")} articles, ${result.photos.toLocaleString("en")} photos of ${PHOTO_SIZE.width} × ${PHOTO_SIZE.height} (${(result.photoBytes / 1e6).toFixed(0)} MB of JPEG):`,
    "",
    "| build | wall | CPU | of which pictures | peak RSS | files in _site | _site size | resized copies |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    row("no photos, cold", result.withoutPhotos.cold),
    row("no photos, warm (nothing changed)", result.withoutPhotos.warm),
    row("no photos, one edit", result.withoutPhotos.oneEdit),
    row("no photos, fresh checkout (cache restored, no output) + one edit", result.withoutPhotos.freshCheckout),
    row("CDN (cloudflare), cold", result.cdn.cold),
    row("CDN, warm (nothing changed)", result.cdn.warm),
    row("CDN, one edit", result.cdn.oneEdit),
    row("CDN, fresh checkout (cache restored, no output) + one edit", result.cdn.freshCheckout),
    row("local, cold", result.local.cold),
    row("local, warm (nothing changed)", result.local.warm),
    row("local, one edit", result.local.oneEdit),
    row("local, fresh checkout (cache restored, no output) + one edit", result.local.freshCheckout),
    "",
    `CDN − no photos: cold ${seconds(result.cdn.cold.wallMs - result.withoutPhotos.cold.wallMs)}, one edit ${seconds(result.cdn.oneEdit.wallMs - result.withoutPhotos.oneEdit.wallMs)}, fresh checkout ${seconds(result.cdn.freshCheckout.wallMs - result.withoutPhotos.freshCheckout.wallMs)} (wall).`,
  ].join("\n");
}
