/**
 * Take the opening paragraph off a rendered body so the page can show it as the standfirst
 * instead of printing it twice. Only a body that starts with a plain paragraph (no image) gives
 * one; its inline HTML (links, emphasis) is kept.
 */
export function splitLede(html: string): { lede: string; rest: string } | undefined {
  const start = html.search(/\S/);
  if (start === -1 || !html.startsWith("<p>", start)) return undefined;
  // Paragraphs cannot contain paragraphs, so the first closing tag ends the first paragraph.
  const end = html.indexOf("</p>", start);
  if (end === -1) return undefined;
  const lede = html.slice(start + 3, end);
  if (lede.includes("<img") || lede.trim() === "") return undefined;
  return { lede, rest: html.slice(end + 4).replace(/^\n/, "") };
}

/** Escape text for use inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
