import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentPathProblem } from "../../src/admin/content-path.ts";
import { headerProblem } from "../../src/admin/backend-guard.ts";
import { copyFixture } from "../support/fixture-site.ts";

describe("contentPathProblem", () => {
  const root = copyFixture("newsroom");
  mkdirSync(path.join(root, "content", "images"), { recursive: true });
  symlinkSync(path.join(root, "nowhere"), path.join(root, "content", "dangling"));
  symlinkSync(path.join(root, "content", "pages"), path.join(root, "content", "images", "pages-link"));

  it.each([
    ["content/articles/2026/new-story.md", undefined],
    ["content/articles/2026/images/new/photo.jpg", undefined],
    ["content/..notes.md", undefined],
    ["content/images/pages-link/about.md", undefined],
    ["content", undefined],
    ["", "must be a path"],
    [42, "must be a path"],
    ["content/a\0.md", "contains a NUL character"],
    ["content/%E0%A4%A.md", "has a broken %-escape"],
    ["contents/x.md", "is outside content/"],
    ["content/../content-copy/x.md", "is outside content/"],
    ["content%2f..%2f..%2fx", "is outside content/"],
    ["C:/Windows/x", "is an absolute path"],
    ["\\etc\\passwd", "is outside content/"],
    ["/etc/passwd", "is an absolute path"],
    ["content/dangling/x.md", "is a symbolic link that leads nowhere"],
  ])("judges %j: %s", async (value, problem) => {
    expect(await contentPathProblem(root, value)).toBe(problem);
  });
});

describe("headerProblem", () => {
  const origins = ["http://localhost:8080", "http://127.0.0.1:8080"];

  it("lets through this machine's own names and port, with the preview's origin or none", () => {
    expect(headerProblem({ host: "127.0.0.1:8081" }, 8081, origins)).toBeUndefined();
    expect(headerProblem({ host: "LOCALHOST:8081", origin: "http://localhost:8080" }, 8081, origins)).toBeUndefined();
  });

  it("refuses another host name or port (DNS rebinding), a missing Host and another origin", () => {
    expect(headerProblem({ host: "attacker.example:8081" }, 8081, origins)).toContain('the request\'s Host is "attacker.example:8081"');
    expect(headerProblem({ host: "127.0.0.1:9999" }, 8081, origins)).toContain("not 127.0.0.1:8081 or localhost:8081");
    expect(headerProblem({}, 8081, origins)).toContain('the request\'s Host is ""');
    expect(headerProblem({ host: "127.0.0.1:8081", origin: "http://localhost:3000" }, 8081, origins)).toBe(
      "a page at http://localhost:3000 may not use the editor backend: only the preview (http://localhost:8080 or http://127.0.0.1:8080) may",
    );
  });
});
