/** Element ids the page templates use; article headings must never take one of them. */
export const PAGE_IDS: readonly string[] = [
  "main",
  "donate",
  "donate-heading",
  "sources",
  "sources-heading",
  "corrections",
  "corrections-heading",
  "methods",
  "methods-heading",
  "related",
  "live-updates-heading",
  "series-heading",
  "related-heading",
  "search",
  "top",
];
