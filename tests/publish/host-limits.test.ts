import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { checkHostLimits, formatBytes, HOST_LIMITS, type OutputFileSize } from "../../src/publish/host-limits.ts";
import { copyFixture } from "../support/fixture-site.ts";

const MiB = 1024 * 1024;

/** `count` files under `folder`, `size` bytes each. */
function files(count: number, size: number, folder = "media/articles/2026/images"): OutputFileSize[] {
  return Array.from({ length: count }, (_, index) => ({ path: `${folder}/photo-${index}-800.avif`, size }));
}

describe("checkHostLimits", () => {
  it("says nothing for a site every host takes, up to each limit exactly", () => {
    expect(checkHostLimits([{ path: "index.html", size: 20_000 }], "_site")).toEqual([]);
    const atLimits = [...files(HOST_LIMITS.cloudflareFiles - 1, 40_000), { path: "big.pdf", size: HOST_LIMITS.cloudflareFileBytes }];
    expect(atLimits.length).toBe(HOST_LIMITS.cloudflareFiles);
    expect(checkHostLimits(atLimits, "_site")).toEqual([]);
  });

  it("warns past GitHub Pages' 1 GB, saying how much is pictures and what to set", () => {
    const site = [...files(12_000, 90_000), { path: "index.html", size: 30_000 }];
    const [problem, ...others] = checkHostLimits(site, "_site");
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      severity: "warning",
      code: "build/host-size",
      file: "_site/",
      message: "the built site is 1.08 GB, more than the 1 GB GitHub Pages publishes (pictures under media/ are 1.08 GB of it)",
    });
    expect(problem?.fix).toContain("Set `images.provider` in tidings.config.yml to an image CDN");
  });

  it("warns past Cloudflare Pages' 20,000 files, counting the pictures", () => {
    const site = [...files(19_500, 10_000), ...files(600, 5_000, "2026/11")];
    expect(checkHostLimits(site, "out/")).toEqual([
      expect.objectContaining({
        code: "build/host-files",
        file: "out/",
        message: "the built site has 20,100 files, more than the 20,000 Cloudflare Pages deploys (19,500 of them pictures under media/)",
      }),
    ]);
  });

  it("names each file over 25 MiB, the largest first, and counts those past the fifth", () => {
    const large = [30, 26, 40, 27, 28, 29, 31].map((mebibytes, index) => ({ path: `downloads/file-${index}.zip`, size: mebibytes * MiB }));
    const problems = checkHostLimits([...large, { path: "index.html", size: 1_000 }], "_site");
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([
      ["build/host-file-size", "_site/downloads/file-2.zip"],
      ["build/host-file-size", "_site/downloads/file-6.zip"],
      ["build/host-file-size", "_site/downloads/file-0.zip"],
      ["build/host-file-size", "_site/downloads/file-5.zip"],
      ["build/host-file-size", "_site/downloads/file-4.zip"],
      ["build/host-file-size", "_site/"],
    ]);
    expect(problems[0]?.message).toBe("this file is 40.0 MiB, more than the 25 MiB Cloudflare Pages accepts for one file");
    expect(problems[5]?.message).toBe("2 more files are over the 25 MiB Cloudflare Pages accepts for one file");
  });

  it("leaves the image CDN out of the fix when the size is not pictures", () => {
    const [problem] = checkHostLimits([{ path: "archive.tar", size: 1_200_000_000 }], "_site");
    expect(problem?.message).toBe("the built site is 1.20 GB, more than the 1 GB GitHub Pages publishes");
    expect(problem?.fix).not.toContain("images.provider");
  });
});

describe("formatBytes", () => {
  it("uses decimal units, as GitHub states its limit", () => {
    expect([999, 640_400_000, 1_310_000_000].map(formatBytes)).toEqual(["1 kB", "640 MB", "1.31 GB"]);
  });
});

describe("host limits after a build", () => {
  it("warns about a file too large for Cloudflare Pages on a build and on a build that keeps the output, and still builds", async () => {
    const root = copyFixture("newsroom");
    mkdirSync(path.join(root, "public"), { recursive: true });
    writeFileSync(path.join(root, "public", "briefing.pdf"), Buffer.alloc(26 * MiB));
    for (const result of [await build({ root }), await build({ root })]) {
      expect(result.ok).toBe(true);
      expect(result.diagnostics.filter((d) => d.code.startsWith("build/host"))).toEqual([
        expect.objectContaining({ severity: "warning", code: "build/host-file-size", file: "_site/briefing.pdf" }),
      ]);
    }
  });
});
