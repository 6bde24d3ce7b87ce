/**
 * Placeholder text: what setup writes where only the newsroom can say what goes (who it is, how to
 * reach it), between ⟦ and ⟧ so an editor finds every one with a search and the deploy build can
 * refuse to publish a page that still has one.
 */

/** Placeholder text around `words`, e.g. `⟦Say who you are⟧`. */
export function placeholder(words: string): string {
  return `⟦${words}⟧`;
}

/** The placeholders in a file's text, each with its 1-based line. */
export function findPlaceholders(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(/⟦[^⟧\n]*⟧/g)) found.push({ line: index + 1, text: match[0] });
  });
  return found;
}
