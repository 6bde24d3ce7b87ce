import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isHttpUrl } from "../../src/content/schemas.ts";

// What the check stands for: an absolute http(s) address with a host, as the URL standard parses it.
function parsesAsHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

describe("isHttpUrl", () => {
  it("agrees with the URL standard's parse on any text, including relative paths it refuses without parsing", () => {
    const piece = fc.constantFrom("http", "HTTPS", "s", ":", "//", "/", "\\", "\t", "\n", " ", "example.org", "images", ".jpg", "?", "#", "@", "mailto", "é", "%20");
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join("")));
    fc.assert(
      fc.property(text, (value) => {
        expect(isHttpUrl(value)).toBe(parsesAsHttpUrl(value));
      }),
      { numRuns: 5000 },
    );
  });

  it("takes http and https addresses with a host, and nothing else", () => {
    expect(isHttpUrl("https://example.org/photo.jpg")).toBe(true);
    expect(isHttpUrl(" HTTP://example.org")).toBe(true);
    expect(isHttpUrl("images/photo.jpg")).toBe(false);
    expect(isHttpUrl("/media/photo.jpg")).toBe(false);
    expect(isHttpUrl("mailto:desk@example.org")).toBe(false);
    expect(isHttpUrl("https:")).toBe(false);
  });
});
