import { spawn } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writePhoto } from "../../bench/generate-photos.ts";
import { build, RESIZING_PHOTOS, type BuildProgress } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const IMAGES = "content/articles/2026/images";
// Whole seconds, which every file system stores exactly, so a test can put a file's time back.
const PHOTO_TIME = 1_780_000_000;

/** The manifests in a site's image cache: one per photo finished. */
function finishedPhotos(root: string): string[] {
  try {
    return readdirSync(path.join(root, ".tidings-cache", "images")).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
}

/** The newsroom fixture with an article showing `count` generated photos (camera-like JPEGs) in its body. */
async function siteWithPhotos(count: number, size = { width: 1600, height: 1067 }): Promise<string> {
  const root = copyFixture("newsroom");
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    await writePhoto(path.join(root, IMAGES, `photo-${index}.jpg`), size, index + 1);
    lines.push(`![Photo ${index}](images/photo-${index}.jpg)`);
  }
  writeFiles(root, {
    "content/articles/2026/gallery.md": `---\ntitle: Gallery\ndate: 2026-11-10\nbyline: R\n---\nPictures.\n\n${lines.join("\n\n")}\n`,
  });
  return root;
}

/** Every resized version a build published, with its bytes' hash. */
function publishedVersions(outputDir: string): string[] {
  const media = path.join(outputDir, "media");
  return readdirSync(media, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(avif|webp|jpeg|png)$/.test(file))
    .map((file) => `${file} ${readFileSync(path.join(media, file)).toString("base64").slice(0, 40)}`)
    .sort();
}

describe("local photos: the cache", () => {
  it("reads no photo's bytes on a build where no photo changed, whatever else did", async () => {
    const root = copyFixture("newsroom");
    const photos = ["pier.jpg", "wall.png"].map((name) => path.join(root, IMAGES, name));
    for (const file of photos) utimesSync(file, PHOTO_TIME, PHOTO_TIME);
    const first = await build({ root, now: NOW });
    expect(first.ok).toBe(true);
    const versions = publishedVersions(first.outputDir);
    // Same size, same modification time, other bytes: a build that read them would see no picture
    // (an error), or other bytes (other file names); one that trusts size and time sees neither.
    for (const file of photos) {
      writeFileSync(file, Buffer.alloc(statSync(file).size));
      utimesSync(file, PHOTO_TIME, PHOTO_TIME);
    }
    const unchanged = await build({ root, now: NOW });
    expect([unchanged.ok, unchanged.unchanged]).toEqual([true, true]);
    appendFileSync(path.join(root, "content/articles/2026/flood-wall.md"), "\nOne more line.\n");
    const edited = await build({ root, now: NOW });
    expect(edited.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(edited.unchanged).toBeUndefined();
    expect(publishedVersions(edited.outputDir)).toEqual(versions);
    expect(readPage(edited.outputDir, "/2026/11/24/flood-wall/")("figure.lead-image picture source")).toHaveLength(2);
  });

  it("reads a photo again, and encodes it again, when its bytes change", async () => {
    const root = copyFixture("newsroom");
    const first = publishedVersions((await build({ root, now: NOW })).outputDir);
    const pier = path.join(root, IMAGES, "pier.jpg");
    await writePhoto(`${pier}.new.jpg`, { width: 500, height: 300 }, 7);
    writeFileSync(pier, readFileSync(`${pier}.new.jpg`));
    const progress: BuildProgress[] = [];
    const again = await build({ root, now: NOW, onProgress: (step) => progress.push(step) });
    expect(again.ok).toBe(true);
    expect(progress.filter((step) => step.task === RESIZING_PHOTOS).at(-1)).toEqual({ task: RESIZING_PHOTOS, done: 1, total: 1 });
    expect(publishedVersions(again.outputDir)).not.toEqual(first);
    const img = readPage(again.outputDir, "/2026/11/20/second-story/")(".article-body picture img");
    // 500 pixels is too close to 400 for a version of its own (the 25 % rule).
    expect([img.attr("width"), img.attr("height")]).toEqual(["400", "240"]);
  });

  it("tells how many photos are resized, one at a time up to all, and says nothing when the cache has them all", async () => {
    const root = await siteWithPhotos(3, { width: 900, height: 600 });
    const progress: BuildProgress[] = [];
    expect((await build({ root, now: NOW, onProgress: (step) => progress.push(step) })).ok).toBe(true);
    const photos = progress.filter((step) => step.task === RESIZING_PHOTOS).map(({ done, total }) => `${done}/${total}`);
    // The gallery's three and the fixture's two.
    expect(photos).toEqual(["0/5", "1/5", "2/5", "3/5", "4/5", "5/5"]);
    const warm: BuildProgress[] = [];
    appendFileSync(path.join(root, "content/articles/2026/gallery.md"), "\nMore.\n");
    expect((await build({ root, now: NOW, onProgress: (step) => warm.push(step) })).ok).toBe(true);
    expect(warm.filter((step) => step.task === RESIZING_PHOTOS)).toEqual([]);
  });

  it("keeps every photo a stopped build finished, and resizes only the rest when built again", async () => {
    const count = 10;
    const root = await siteWithPhotos(count, { width: 1000, height: 667 });
    // A real build in another process, killed (as CI cancels a job) once a few photos are done.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "..", "support", "build-and-hash.ts"), root, String(NOW)],
      {
        stdio: "ignore",
      },
    );
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (finishedPhotos(root).length >= 2) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > 50_000 || child.exitCode !== null) {
          clearInterval(poll);
          reject(
            new Error(
              `the build in the child process finished ${finishedPhotos(root).length} photos before it ${child.exitCode === null ? "timed out" : "exited"}`,
            ),
          );
        }
      }, 10);
    });
    child.kill("SIGKILL");
    await exited;
    const finished = finishedPhotos(root).length;
    expect(finished).toBeGreaterThanOrEqual(2);
    expect(finished, "the build was stopped before it finished every photo").toBeLessThan(count + 2);
    const progress: BuildProgress[] = [];
    const again = await build({ root, now: NOW, onProgress: (step) => progress.push(step) });
    expect(again.ok).toBe(true);
    expect(progress.find((step) => step.task === RESIZING_PHOTOS)?.total).toBe(count + 2 - finished);
    expect(finishedPhotos(root)).toHaveLength(count + 2);
  });
});

describe("local photos: formats and widths from the config", () => {
  it("encodes only the chosen formats, at the chosen widths", async () => {
    const root = copyFixture("newsroom");
    appendFileSync(path.join(root, "tidings.config.yml"), "\nimages:\n  formats: [webp, jpeg]\n  widths: [320, 640]\n");
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(true);
    const $ = readPage(result.outputDir, "/2026/11/24/flood-wall/");
    expect(
      $("figure.lead-image source")
        .map((_, source) => $(source).attr("type"))
        .get(),
    ).toEqual(["image/webp"]);
    const srcset = $("figure.lead-image img").attr("srcset") ?? "";
    expect(srcset.split(", ").map((candidate) => candidate.split(" ")[1])).toEqual(["320w", "640w"]);
    expect(publishedVersions(result.outputDir).some((file) => file.includes(".avif"))).toBe(false);
  });
});
