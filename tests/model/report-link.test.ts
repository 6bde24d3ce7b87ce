import { describe, expect, it } from "vitest";
import { reportErrorHref, type ErrorReport } from "../../src/model/report-link.ts";

const report: ErrorReport = {
  title: "Council’s £14m “flood wall” & the 9–4 vote? #river",
  url: "https://news.example.org/2026/11/24/flood-wall/",
  subject: "Possible error in “Council’s £14m “flood wall” & the 9–4 vote? #river”",
  body: "About the story\nhttps://news.example.org/2026/11/24/flood-wall/\n\nWhat I think is wrong:\n",
};

describe("reportErrorHref", () => {
  it("fills in a mailto: address's subject and body, every reserved character percent-encoded and line breaks as CRLF (RFC 6068)", () => {
    const href = reportErrorHref("mailto:corrections@news.example.org", report);
    const [address, query = ""] = href.split("?");
    expect(address).toBe("mailto:corrections@news.example.org");
    // Two fields only: the title's own & ? # and spaces cannot start another or end the address.
    expect(query.split("&").map((field) => field.split("=")[0])).toEqual(["subject", "body"]);
    expect(query).not.toMatch(/[ \n#?"“]/);
    expect(query).toContain("body=About%20the%20story%0D%0Ahttps%3A%2F%2Fnews.example.org");
    const fields = Object.fromEntries(query.split("&").map((field) => field.split("=").map(decodeURIComponent)));
    expect(fields).toEqual({ subject: report.subject, body: report.body.replace(/\n/g, "\r\n") });
  });

  it("gives a web form the headline and address as query parameters, keeping its own", () => {
    const href = reportErrorHref("https://forms.example.org/report?from=site", report);
    const url = new URL(href);
    expect([url.origin + url.pathname, url.searchParams.get("from"), url.searchParams.get("title"), url.searchParams.get("url")]).toEqual([
      "https://forms.example.org/report",
      "site",
      report.title,
      report.url,
    ]);
    expect(href).not.toMatch(/[ #"“]/);
  });

  it("puts them where a form's address names them, for a form whose fields are called otherwise", () => {
    const href = reportErrorHref("https://docs.example.com/forms/d/abc/viewform?entry.1={title}&entry.2={url}", report);
    const url = new URL(href);
    expect([url.searchParams.get("entry.1"), url.searchParams.get("entry.2")]).toEqual([report.title, report.url]);
    expect([...url.searchParams.keys()]).toEqual(["entry.1", "entry.2"]);
  });
});
