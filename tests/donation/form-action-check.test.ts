import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkNewsletterFormAction, formActionAllows } from "../../src/donation/form-action-check.ts";

const BUTTONDOWN = "https://buttondown.com/api/emails/embed-subscribe/lantern";

describe("formActionAllows", () => {
  it("reads form-action's sources: origins, subdomain wildcards, schemes and *", () => {
    expect(formActionAllows("default-src 'none'; form-action 'self' https://buttondown.com", BUTTONDOWN)).toBe(true);
    expect(formActionAllows("form-action 'self'", BUTTONDOWN)).toBe(false);
    expect(formActionAllows("form-action https://*.list-manage.com", "https://lantern.us1.list-manage.com/subscribe/post?u=1&id=2")).toBe(true);
    expect(formActionAllows("form-action https://*.list-manage.com", "https://list-manage.com.evil.example/")).toBe(false);
    expect(formActionAllows("form-action https:", BUTTONDOWN)).toBe(true);
    expect(formActionAllows("form-action http://buttondown.com", BUTTONDOWN)).toBe(false);
  });

  it("allows any target when the policy has no form-action (it does not fall back to default-src)", () => {
    expect(formActionAllows("default-src 'none'", BUTTONDOWN)).toBe(true);
  });
});

describe("checkNewsletterFormAction", () => {
  it("warns, with the fix, when public/_headers would stop the signup form", () => {
    const headers = "/*\n  Content-Security-Policy: default-src 'none'; form-action 'self'\n";
    expect(checkNewsletterFormAction(headers, BUTTONDOWN)).toMatchObject([
      { severity: "warning", code: "config/newsletter-csp", file: "tidings.config.yml", fix: "Add https://buttondown.com to `form-action` in public/_headers, e.g. `form-action 'self' https://buttondown.com`." },
    ]);
    expect(checkNewsletterFormAction(headers.replace("'self'", "'self' https://buttondown.com"), BUTTONDOWN)).toEqual([]);
    expect(checkNewsletterFormAction(undefined, BUTTONDOWN)).toEqual([]);
    expect(checkNewsletterFormAction(headers, undefined)).toEqual([]);
  });

  it("reads the policy the site's pages get, not the web editor's, as the sample's public/_headers sets them", () => {
    const sample = readFileSync(path.join(import.meta.dirname, "..", "..", "public", "_headers"), "utf8");
    // The sample's /admin/* rule says form-action 'none'; no newsletter form is there.
    expect(sample).toMatch(/\/admin\/\*[\s\S]*form-action 'none'/);
    expect(checkNewsletterFormAction(sample, BUTTONDOWN)).toEqual([]);
    // A pages' rule that does not allow the service still warns, whatever the editor's rule says.
    expect(checkNewsletterFormAction(sample.replace("form-action 'self' https://buttondown.com", "form-action 'self'"), BUTTONDOWN)).toHaveLength(1);
    // As does a rule for the articles' addresses that detaches the site-wide policy and sets its own.
    const stricter = `${sample}\n/20*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'self'; form-action 'self'\n`;
    expect(checkNewsletterFormAction(stricter, BUTTONDOWN)).toHaveLength(1);
  });
});
