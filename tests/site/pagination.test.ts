import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paginate } from "../../src/site/pagination.ts";
import type { Article, ListPage } from "../../src/model/types.ts";

// paginate only moves articles around; a name is all a test needs to tell them apart.
const articles = (count: number): Article[] => Array.from({ length: count }, (_, i) => ({ url: `/a${count - i}/`, date: { day: `day ${count - i}` } }) as Article);
// Everything an archive page shows of the list: its articles and its links, with the days they name.
const shape = (page: ListPage) => JSON.stringify([page.items.map((a) => a.url), page.previous, page.next, page.olderDays, page.newest]);

describe("paginate", () => {
  it("keeps everything on the front page while it fits", () => {
    expect(paginate(articles(3), 3, "/").map((p) => [p.url, p.items.length, p.next])).toEqual([["/", 3, undefined]]);
    expect(paginate([], 3, "/tags/x/").map((p) => [p.url, p.items.length])).toEqual([["/tags/x/", 0]]);
  });

  it("lists every article on the front page or exactly one archive block, oldest in block 1, each link leading to a page that exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (count, size) => {
        const items = articles(count);
        const pages = paginate(items, size, "/");
        const urls = new Set(pages.map((p) => p.url));
        const blocks = pages.filter((p) => p.number > 0).sort((a, b) => b.number - a.number);
        // The front page holds the newest articles and the blocks every other, once each, in order.
        expect([...pages[0]!.items, ...blocks.flatMap((p) => p.items)]).toEqual(items);
        // Every block but the newest is full, so its articles never change as new ones arrive.
        expect(blocks.every((p, i) => p.url === `/page/${blocks.length - i}/` && (i === 0 || p.items.length === size))).toBe(true);
        for (const page of pages) {
          if (page.previous !== undefined) expect(urls.has(page.previous)).toBe(true);
          if (page.next !== undefined) expect(urls.has(page.next)).toBe(true);
        }
        // Going older from the front page reaches the newest article it does not show.
        const front = pages[0]!;
        const older = pages.find((p) => p.url === front.next);
        if (count > size) expect(older?.items[0]).toBe(items[size]);
        // Each older link names the days of the page it leads to; each archive page leads back to the newest.
        for (const page of pages) {
          const target = pages.find((p) => p.url === page.next);
          expect(page.olderDays).toEqual(target === undefined ? undefined : { oldest: target.items.at(-1)?.date.day, newest: target.items[0]?.date.day });
          expect(page.newest).toBe(page.number > 0 ? "/" : undefined);
        }
      }),
    );
  });

  it("changes only the front page and at most two blocks when an article is added", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 }), (count, size) => {
        const before = new Map(paginate(articles(count), size, "/").map((p) => [p.url, shape(p)]));
        const after = paginate(articles(count + 1), size, "/");
        const changed = after.filter((p) => before.get(p.url) !== shape(p)).map((p) => p.url);
        // The block that appears as its articles leave the front page, and the one before it,
        // whose "newer" link moves from the front page to it.
        expect(changed.filter((url) => url !== "/").length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
