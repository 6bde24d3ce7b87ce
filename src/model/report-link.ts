/** What a report of an error says before the reader writes a word: which article, where, and the words around them. */
export interface ErrorReport {
  /** The article's headline. */
  title: string;
  /** The article's absolute address. */
  url: string;
  /** The email's subject, in the page's language (names the article). */
  subject: string;
  /** The email's opening, in the page's language (names the article and its address); line breaks as `\n`. */
  body: string;
}

/**
 * The address of the newsroom's channel for reporting an error (the config's `standards.reportError`)
 * with the article filled in. A `mailto:` address gets `subject` and `body` (RFC 6068: every
 * character outside the unreserved set percent-encoded as UTF-8, line breaks as CRLF), so the
 * reader's email opens ready to write in. A web form gets the headline and address where its
 * address says `{title}` and `{url}` (a form that names its fields otherwise), else as the query
 * parameters `title` and `url`.
 */
export function reportErrorHref(channel: string, report: ErrorReport): string {
  if (/^mailto:/i.test(channel)) {
    const body = report.body.replace(/\r?\n/g, "\r\n");
    return `${channel}?subject=${encodeURIComponent(report.subject)}&body=${encodeURIComponent(body)}`;
  }
  if (channel.includes("{title}") || channel.includes("{url}")) {
    return channel.replaceAll("{title}", encodeURIComponent(report.title)).replaceAll("{url}", encodeURIComponent(report.url));
  }
  const form = new URL(channel);
  form.searchParams.append("title", report.title);
  form.searchParams.append("url", report.url);
  return form.href;
}
