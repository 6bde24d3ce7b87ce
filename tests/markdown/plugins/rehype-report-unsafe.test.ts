import { describe, expect, it } from "vitest";
import { rehypeReportUnsafe } from "../../../src/markdown/plugins/rehype-report-unsafe.ts";
import { messages, runOnHtml } from "../support/run.ts";

const reportUnsafe = rehypeReportUnsafe();

describe("rehypeReportUnsafe", () => {
  it("warns about a script element on its line", () => {
    const { file } = runOnHtml("<p>Fine</p>\n<script>alert(1)</script>", reportUnsafe);
    expect(messages(file)).toEqual(["unsafe-html: removed a <script> element: raw HTML scripts are not allowed in articles"]);
    expect(file.messages[0]).toMatchObject({ line: 2, column: 1, fatal: false, source: "markdown" });
  });

  it("names frames, styles and forms with a reason an editor understands", () => {
    const { file } = runOnHtml(
      '<iframe src="https://video.example"></iframe><style>p{}</style><form><input name="q"></form>',
      reportUnsafe,
    );
    expect(messages(file)).toEqual([
      "unsafe-html: removed an <iframe> element: embedded frames and plugins are not allowed in articles",
      "unsafe-html: removed a <style> element: styles come from the site design, not from articles",
      "unsafe-html: removed a <form> element: forms are not allowed in articles",
      "unsafe-html: removed an <input> element: forms are not allowed in articles",
    ]);
  });

  it("warns about event handlers and style attributes", () => {
    const { file } = runOnHtml('<img src="/a.jpg" alt="A" onerror="alert(1)"><p style="color:red" onclick="x()">t</p>', reportUnsafe);
    expect(messages(file)).toEqual([
      "unsafe-html: removed an onerror= event handler from <img>: scripts are not allowed in articles",
      "unsafe-html: removed a style= attribute from <p>: styles come from the site design, not from articles",
      "unsafe-html: removed an onclick= event handler from <p>: scripts are not allowed in articles",
    ]);
  });

  it("warns about javascript:, vbscript: and data: URLs", () => {
    const html =
      '<a href="javascript:alert(1)">a</a><a href="VBScript:x">b</a><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="c">';
    const { file } = runOnHtml(html, reportUnsafe);
    expect(file.messages.map((m) => m.ruleId)).toEqual(["unsafe-link", "unsafe-link", "unsafe-link"]);
    expect(file.messages[0]?.reason).toBe(
      "removed the link target “javascript:alert(1)” from <a>: links must start with http://, https://, mailto: or tel:, or be a path on this site",
    );
    // Quoted URLs are cut short so a 2 MB data: URL cannot flood the terminal.
    expect(file.messages[2]?.reason).toContain("“data:image/png;base64,iVBORw0KGgoAAAANSU…”");
  });

  it("says nothing about safe links and allowed HTML", () => {
    const html =
      '<a href="https://example.org">a</a><a href="mailto:a@example.org">b</a><a href="tel:+441234">c</a><a href="/x?y=a:b">d</a><a href="#n">e</a>' +
      '<abbr title="Environment Agency">EA</abbr><time datetime="2026-03-01">1 March</time><details><summary>More</summary>x</details><mark>m</mark><kbd>k</kbd>';
    expect(runOnHtml(html, reportUnsafe).file.messages).toEqual([]);
  });

  it("reports a stripped element once, not what was inside it", () => {
    const { file } = runOnHtml('<svg><script>alert(1)</script><a href="javascript:x">y</a></svg>', reportUnsafe);
    expect(messages(file)).toEqual(["unsafe-html: removed an <svg> element: inline SVG and MathML are not allowed in articles"]);
  });

  it("tells apart HTML that is merely unsupported", () => {
    const { file } = runOnHtml("<center>Big news</center>", reportUnsafe);
    expect(messages(file)).toEqual([
      "unsupported-html: removed the <center> tag but kept its content: it is not in the list of HTML allowed in articles",
    ]);
  });

  it("warns about dangerous URLs in attributes the schema drops anyway", () => {
    const { file } = runOnHtml('<img src="/a.jpg" alt="a" srcset="/b.jpg 1x, javascript:alert(1) 2x">', reportUnsafe);
    expect(file.messages.map((m) => m.ruleId)).toEqual(["unsafe-link"]);
  });
});
