import { compareText } from "../diagnostics/diagnostic.ts";
import type { Article, DateInfo, DaySpan, ListPage } from "../model/types.ts";
import { listPagePath } from "../model/urls.ts";

/** Newest first; same-moment articles by title then URL so the order never depends on file-system order. */
export function newestFirst(a: Article, b: Article): number {
  return b.date.epochMs - a.date.epochMs || compareText(a.title, b.title) || compareText(a.url, b.url);
}

/**
 * Paginate a newest-first list (of articles, or of corrections): a front page at `base` with the newest `size` items and, when
 * there are more, archive blocks of `size` counted from the oldest end at `base + page/N/` (block
 * 1 holds the oldest). The front page's "older" link goes to the block holding the newest article
 * it does not show. Only the front page, the newest block and at most one neighbour's link change
 * when an article is added, so an incremental build leaves the rest of the archive alone.
 */
export function paginate<Item extends { date: DateInfo }>(items: readonly Item[], size: number, base: string): ListPage<Item>[] {
  const front: ListPage<Item> = { url: base, number: 0, items: items.slice(0, size) };
  if (items.length <= size) return [front];
  const count = items.length;
  // The block holding the newest article that is not on the front page. The blocks after it
  // would hold only front-page articles, so they are not published until their articles leave
  // the front page, and this one leaves out the ones still there: a reader going older never
  // sees an article twice, and every older block is full and never changes again.
  const firstOlder = Math.floor((count - 1 - size) / size) + 1;
  front.next = listPagePath(base, firstOlder);
  const pages: ListPage<Item>[] = [front];
  for (let number = firstOlder; number >= 1; number--) {
    const page: ListPage<Item> = {
      url: listPagePath(base, number),
      number,
      items: items.slice(Math.max(number === firstOlder ? size : 0, count - number * size), count - (number - 1) * size),
      previous: number === firstOlder ? base : listPagePath(base, number + 1),
      newest: base,
    };
    if (number > 1) page.next = listPagePath(base, number - 1);
    pages.push(page);
  }
  // Each page's older neighbour is the next one down; its link names that page's days.
  pages.forEach((page, index) => {
    const older = pages[index + 1];
    if (older !== undefined) page.olderDays = daySpan(older.items);
  });
  return pages;
}

function daySpan(items: readonly { date: DateInfo }[]): DaySpan {
  return { oldest: items.at(-1)?.date.day ?? "", newest: items[0]?.date.day ?? "" };
}
