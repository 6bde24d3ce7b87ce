import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWN_ACTIONS, requestPaths } from "../../src/admin/backend-request.ts";
import { decapServerEntry } from "../../src/admin/local-backend.ts";

describe("requestPaths", () => {
  it("knows exactly the actions decap-server's fs mode answers, so a new one is refused until its paths are listed", () => {
    const source = readFileSync(decapServerEntry() ?? "", "utf8");
    // The fs middleware's switch, from its `info` case to its `Unknown action` default.
    const fsMode = source.slice(source.indexOf('case"info":r.json({repo:i.default.basename(e),publish_modes:["simple"]'), source.indexOf("Unknown action"));
    const answered = [...fsMode.matchAll(/case"([A-Za-z]+)"/g)].map((match) => match[1]);
    expect(answered.length).toBeGreaterThan(5);
    expect([...KNOWN_ACTIONS].sort()).toEqual([...answered].sort());
  });

  it("lists every path of a save: the entry, its new path, the data files and the assets", () => {
    const asked = requestPaths({
      action: "persistEntry",
      params: {
        entry: { path: "content/a.md", newPath: "content/b.md" },
        dataFiles: [{ path: "content/c.md" }],
        assets: [{ path: "content/images/d.png" }],
      },
    });
    expect(asked).toEqual({
      ok: true,
      action: "persistEntry",
      paths: [
        { field: "params.entry.path", value: "content/a.md" },
        { field: "params.entry.newPath", value: "content/b.md" },
        { field: "params.dataFiles[0].path", value: "content/c.md" },
        { field: "params.assets[0].path", value: "content/images/d.png" },
      ],
    });
  });

  it("refuses unknown actions and parts that are not shaped as decap-server reads them", () => {
    expect(requestPaths({ action: "publishUnpublishedEntry", params: {} })).toMatchObject({ ok: false, problem: expect.stringContaining("unknown action") });
    expect(requestPaths({ action: "__proto__" })).toMatchObject({ ok: false });
    expect(requestPaths([])).toMatchObject({ ok: false });
    expect(requestPaths({ action: "deleteFiles", params: { paths: "package.json" } })).toMatchObject({ ok: false, problem: "deleteFiles: `params.paths` must be a list" });
    expect(requestPaths({ action: "persistMedia", params: {} })).toMatchObject({ ok: false });
  });
});
