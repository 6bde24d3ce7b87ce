import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "../support/free-port.ts";
import { startLocalBackend, type LocalBackend } from "../../src/admin/local-backend.ts";
import { copyFixture } from "../support/fixture-site.ts";

// Away from decap-server's default (8081) and from the browser test's range.
// Given out by the operating system in beforeAll, so concurrent runs never collide.
let backendPort = 0;
const PREVIEW = "http://localhost:8080";

/** POST `body` to the backend with these headers, reading the status and the JSON answer (node:http, which lets a test set any Host). */
function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: { error?: string; message?: string } & Record<string, unknown> }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: "127.0.0.1", port: backendPort, method: "POST", path: "/api/v1", headers: { "content-type": "application/json", host: `127.0.0.1:${backendPort}`, ...headers } },
      (response) => {
        let answer = "";
        response.on("data", (chunk: Buffer) => (answer += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(answer) as { error?: string } }));
      },
    );
    sent.once("error", reject);
    sent.end(text);
  });
}

const options = { collectionName: "articles", commitMessage: "Save", useWorkflow: false, status: "draft" };
const persistEntry = (file: string, raw = "x") => ({ action: "persistEntry", params: { branch: "main", entry: { slug: "x", path: file, raw }, assets: [], options } });
const persistMedia = (file: string) => ({ action: "persistMedia", params: { branch: "main", asset: { path: file, content: Buffer.from("<svg/>").toString("base64"), encoding: "base64" }, options: { commitMessage: "Upload" } } });

// Reviewer item 1: decap-server wrote package.json and templates/ and read .git/config for any page that asked.
describe("the editor backend (decap-server behind its guard)", () => {
  let root: string;
  let backend: LocalBackend;

  beforeAll(async () => {
    [backendPort = 0] = await freePorts(1);
    root = copyFixture("newsroom");
    writeFileSync(path.join(root, "package.json"), '{"name":"site"}\n');
    mkdirSync(path.join(root, ".git"), { recursive: true });
    writeFileSync(path.join(root, ".git", "config"), "[core]\n");
    mkdirSync(path.join(root, "templates"), { recursive: true });
    // A link inside content/ to the project root: following it leaves content/.
    symlinkSync(root, path.join(root, "content", "escape"));
    backend = await startLocalBackend(root, backendPort, { origins: [PREVIEW] });
  }, 30_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it("still saves an article and a picture into content/ and reads them back", async () => {
    const saved = await post(persistEntry("content/articles/2026/saved.md", "---\ntitle: Saved\n---\n"), { origin: PREVIEW });
    expect(saved).toEqual({ status: 200, json: { message: "entry persisted" } });
    expect(readFileSync(path.join(root, "content/articles/2026/saved.md"), "utf8")).toBe("---\ntitle: Saved\n---\n");
    const media = await post(persistMedia("content/articles/2026/images/chart.svg"));
    expect(media.status).toBe(200);
    expect(existsSync(path.join(root, "content/articles/2026/images/chart.svg"))).toBe(true);
    const read = await post({ action: "getEntry", params: { branch: "main", path: "content/articles/2026/saved.md" } });
    expect(read.json["data"]).toBe("---\ntitle: Saved\n---\n");
    const listed = await post({ action: "entriesByFolder", params: { branch: "main", folder: "content/articles", extension: "md", depth: 3 } });
    expect(listed.status).toBe(200);
  });

  it.each([
    ["package.json", "outside content/"],
    ["zz-outside-content.txt", "outside content/"],
    ["../x", "outside content/"],
    ["content/../package.json", "outside content/"],
    ["/tmp/x.md", "absolute path"],
    ["content\\..\\package.json", "outside content/"],
    ["content/%2e%2e/package.json", "outside content/"],
    ["content/%252e%252e/package.json", "outside content/"],
    ["content/escape/package.json", "through a symbolic link"],
  ])("refuses persistEntry to %j with a JSON error, writing nothing", async (file, why) => {
    const before = readFileSync(path.join(root, "package.json"), "utf8");
    const refused = await post(persistEntry(file, '{"scripts":{"prebuild":"touch pwned"}}'), { origin: PREVIEW });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toContain(`persistEntry refused: \`params.entry.path\` ${JSON.stringify(file)}`);
    expect(refused.json.error).toContain(why);
    expect(refused.json.error).toContain("the web editor reads and writes only files in content/");
    expect(readFileSync(path.join(root, "package.json"), "utf8")).toBe(before);
    expect(existsSync(path.join(root, "zz-outside-content.txt"))).toBe(false);
    expect(existsSync(path.join(path.dirname(root), "x"))).toBe(false);
  });

  it("refuses every other path-taking action outside content/: media under templates/, reading .git/config, listing, deleting", async () => {
    const media = await post(persistMedia("templates/evil.njk"));
    expect([media.status, media.json.error]).toEqual([403, expect.stringContaining("persistMedia refused: `params.asset.path` \"templates/evil.njk\" is outside content/")]);
    expect(existsSync(path.join(root, "templates", "evil.njk"))).toBe(false);
    const git = await post({ action: "getEntry", params: { branch: "main", path: ".git/config" } });
    expect([git.status, git.json.error, git.json["data"]]).toEqual([403, expect.stringContaining("getEntry refused: `params.path` \".git/config\""), undefined]);
    const refusals = await Promise.all([
      post({ action: "entriesByFiles", params: { branch: "main", files: [{ path: "content/pages/about.md" }, { path: ".git/config" }] } }),
      post({ action: "entriesByFolder", params: { branch: "main", folder: ".", extension: "json", depth: 1 } }),
      post({ action: "getMedia", params: { branch: "main", mediaFolder: "templates" } }),
      post({ action: "getMediaFile", params: { branch: "main", path: "package.json" } }),
      post({ action: "deleteFile", params: { branch: "main", path: "package.json", options: { commitMessage: "x" } } }),
      post({ action: "deleteFiles", params: { branch: "main", paths: ["content/pages/about.md", "package.json"], options: { commitMessage: "x" } } }),
      post({ action: "persistEntry", params: { branch: "main", dataFiles: [{ slug: "x", path: "content/a.md", raw: "x", newPath: "package.json" }], assets: [], options } }),
      post({ action: "persistEntry", params: { branch: "main", entry: { slug: "x", path: "content/a.md", raw: "x" }, assets: [{ path: "public/x.js", content: "eA==", encoding: "base64" }], options } }),
    ]);
    expect(refusals.map((refusal) => refusal.status)).toEqual(Array(refusals.length).fill(403));
    expect(existsSync(path.join(root, "package.json"))).toBe(true);
    expect(existsSync(path.join(root, "content/pages/about.md"))).toBe(true);
    expect(existsSync(path.join(root, "public/x.js"))).toBe(false);
  });

  it("refuses actions it does not know, a Host that is not its own (DNS rebinding) and a page from another origin", async () => {
    const unknown = await post({ action: "unpublishedEntries", params: { branch: "main" } });
    expect([unknown.status, unknown.json.error]).toEqual([422, expect.stringContaining('unknown action "unpublishedEntries"')]);
    const rebound = await post(persistEntry("content/articles/2026/rebound.md"), { host: `evil.example:${backendPort}` });
    expect([rebound.status, rebound.json.error]).toEqual([403, expect.stringContaining(`the request's Host is "evil.example:${backendPort}", not 127.0.0.1:${backendPort} or localhost:${backendPort}`)]);
    const elsewhere = await post(persistEntry("content/articles/2026/elsewhere.md"), { origin: "http://evil.example" });
    expect([elsewhere.status, elsewhere.json.error]).toEqual([403, expect.stringContaining("a page at http://evil.example may not use the editor backend")]);
    expect(existsSync(path.join(root, "content/articles/2026/rebound.md"))).toBe(false);
    expect(existsSync(path.join(root, "content/articles/2026/elsewhere.md"))).toBe(false);
    // localhost is this machine too.
    expect((await post({ action: "info" }, { host: `localhost:${backendPort}` })).status).toBe(200);
  });
});
