import { describe, expect, it } from "vitest";
import { rehypeTableAlign } from "../../../src/markdown/plugins/rehype-table-align.ts";
import { runOnHtml } from "../support/run.ts";

describe("rehypeTableAlign", () => {
  it("turns the align attribute of header and data cells into a class", () => {
    const { html } = runOnHtml(
      '<table><tr><th align="left">Ward</th><th align="right">Homes</th></tr><tr><td align="center">East</td><td align="RIGHT" class="total">300</td></tr></table>',
      rehypeTableAlign(),
    );
    expect(html).toBe(
      '<table><tbody><tr><th class="align-left">Ward</th><th class="align-right">Homes</th></tr><tr><td class="align-center">East</td><td class="total align-right">300</td></tr></tbody></table>',
    );
  });

  it("drops alignments HTML never had, and leaves cells without one alone", () => {
    const { html } = runOnHtml('<table><tr><td align="justify">a</td><td>b</td></tr></table><p align="right">c</p>', rehypeTableAlign());
    expect(html).toBe('<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table><p align="right">c</p>');
  });
});
