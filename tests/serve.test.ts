import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentCache } from "../src/cache/content-cache.ts";
import { createPreviewProvider, findPage } from "../src/serve.ts";
import { copyFixture } from "./support/fixture-site.ts";

describe("createPreviewProvider", () => {
  it("lets the rebuild after a fast-path peek reuse what the peek loaded, unless a save came in between", async () => {
    const root = copyFixture("newsroom");
    const changes = { count: 0 };
    const provide = createPreviewProvider({ root, cache: new ContentCache("code"), changes });
    await provide();
    const file = "content/articles/2026/second-story.md";
    const full = path.join(root, file);
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: First edit"));
    changes.count++;
    const peeked = await provide.peek();
    expect(peeked && findPage(peeked, file)?.item.title).toBe("First edit");
    // A write the counter has not seen yet: a reused load cannot know it, which shows it was reused.
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: Second edit"));
    expect(findPage(await provide(), file)?.item.title).toBe("First edit");
    // Once counted, the next rebuild loads again.
    await provide.peek();
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: Third edit"));
    changes.count++;
    expect(findPage(await provide(), file)?.item.title).toBe("Third edit");
  });

  it("lets a rebuild that starts while a peek is still loading wait for that load instead of loading again", async () => {
    const root = copyFixture("newsroom");
    const changes = { count: 0 };
    const provide = createPreviewProvider({ root, cache: new ContentCache("code"), changes });
    await provide();
    const file = "content/articles/2026/second-story.md";
    const full = path.join(root, file);
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: First edit"));
    changes.count++;
    const peeking = provide.peek();
    // Uncounted, as above: a rebuild that loaded on its own would see it.
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: Second edit"));
    const rebuilt = provide();
    expect(findPage((await peeking)!, file)?.item.title).toBe("First edit");
    expect(findPage(await rebuilt, file)?.item.title).toBe("First edit");
  });
});
