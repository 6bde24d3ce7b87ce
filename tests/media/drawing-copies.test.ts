import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishCleanDrawings, type PublishedDrawing } from "../../src/media/drawing-copies.ts";
import type { ImageReference } from "../../src/model/types.ts";
import { hostileParts } from "../support/svg.ts";

describe("publishCleanDrawings", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tidings-drawings-"));
  const cacheDir = path.join(root, ".tidings-cache");
  const sourcePath = path.join(root, "content", "chart.svg");
  mkdirSync(path.dirname(sourcePath), { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const reference: ImageReference = { sourcePath, url: "/media/chart.svg", uses: [{ file: "content/story.md", line: 7, field: "image.src", lead: true }] };
  /** Publish the drawing once, as prepareMedia hands it over (the original first in its files). */
  const publish = async () => {
    const image: PublishedDrawing = { original: { format: "svg" }, files: [{ from: sourcePath, to: reference.url }] };
    const diagnostics = await publishCleanDrawings([reference], new Map([[sourcePath, image]]), { root, cacheDir });
    return { image, diagnostics };
  };

  it("publishes the cleaned copy, never the editor's file, and cleans each text once", async () => {
    writeFileSync(sourcePath, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>');
    const first = await publish();
    expect(first.image.files).toEqual([{ from: expect.stringContaining(path.join(".tidings-cache", "images", "drawings")), to: "/media/chart.svg", version: expect.any(String) }]);
    expect(hostileParts(readFileSync(first.image.files[0]?.from ?? "", "utf8"))).toEqual([]);
    expect(first.diagnostics.map((d) => [d.code, d.file, d.line, d.field])).toEqual([["content/image-svg-cleaned", "content/story.md", 7, "image.src"]]);
    // The record of what cleaning this text gave is what the next build uses: marked, it shows.
    const folder = path.join(cacheDir, "images", "drawings");
    const [record = ""] = readdirSync(folder).filter((name) => name.endsWith(".json"));
    const known = JSON.parse(readFileSync(path.join(folder, record), "utf8")) as object;
    writeFileSync(path.join(folder, record), JSON.stringify({ ...known, removed: ["the part the cache remembers"] }));
    const second = await publish();
    expect(second.image.files).toEqual(first.image.files);
    expect(second.diagnostics[0]?.message).toContain("was published without them: the part the cache remembers");
  });

  it("cleans again a drawing whose cleaned copy was changed in the cache, or whose record names another file", async () => {
    writeFileSync(sourcePath, '<svg xmlns="http://www.w3.org/2000/svg"><rect width="2" height="2" onclick="alert(1)"/></svg>');
    const first = await publish();
    const copy = first.image.files[0]?.from ?? "";
    // A script put back into the cleaned copy (a damaged disk or cache restore, or a hand edit).
    writeFileSync(copy, readFileSync(copy, "utf8").replace("</svg>", "<script>alert(2)</script></svg>"));
    const second = await publish();
    expect(hostileParts(readFileSync(second.image.files[0]?.from ?? "", "utf8"))).toEqual([]);
    // A record pointing at a file outside the cache's folder.
    const folder = path.join(cacheDir, "images", "drawings");
    const outside = path.join(root, "outside.svg");
    writeFileSync(outside, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(3)</script></svg>');
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".json"))) {
      const known = JSON.parse(readFileSync(path.join(folder, name), "utf8")) as object;
      writeFileSync(path.join(folder, name), JSON.stringify({ ...known, copy: outside }));
    }
    const third = await publish();
    expect(third.image.files[0]?.from).not.toBe(outside);
    expect(hostileParts(readFileSync(third.image.files[0]?.from ?? "", "utf8"))).toEqual([]);
  });

  it("drops the file of a drawing that cannot be cleaned, with an error", async () => {
    writeFileSync(sourcePath, "not a drawing at all");
    const { image, diagnostics } = await publish();
    expect(image.files).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "content/image-svg-refused", file: "content/story.md", line: 7, message: "the drawing content/chart.svg cannot be published safely: it has no <svg> element" })]);
  });
});
