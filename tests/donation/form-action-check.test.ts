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
});
