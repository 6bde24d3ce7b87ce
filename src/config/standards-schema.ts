import { z } from "zod";
import type { FieldHelp } from "../content/report-issues.ts";
import { isHttpUrl, isSitePath, text } from "../content/schemas.ts";

/**
 * The newsroom's published standards, by the names schema.org gives them on a
 * `NewsMediaOrganization` (from the Trust Project's indicators), in the order the footer lists them.
 */
export const STANDARD_POLICIES = [
  "publishingPrinciples",
  "correctionsPolicy",
  "ethicsPolicy",
  "verificationFactCheckingPolicy",
  "unnamedSourcesPolicy",
  "diversityPolicy",
  "ownershipFundingInfo",
  "masthead",
  "actionableFeedbackPolicy",
] as const;

/** One of `STANDARD_POLICIES`. */
export type StandardPolicy = (typeof STANDARD_POLICIES)[number];

/** True for where readers can report an error: one `mailto:` address (Tidings adds the subject and body) or a web form's https address. */
export function isReportChannel(value: string): boolean {
  return /^mailto:[^\s?#@/\\]+@[^\s?#@/\\]+$/i.test(value) || (isHttpUrl(value) && value.startsWith("https:"));
}

const policyAddress = text.refine((value) => isSitePath(value) || isHttpUrl(value), {
  error: (issue) =>
    `must be a path on this site starting with / (such as /standards/ or /about/#funding) or a web address starting with https://, got ${JSON.stringify(issue.input)}`,
});

const reportChannel = text.refine(isReportChannel, {
  error: (issue) =>
    `must be one mailto: address (such as mailto:corrections@example.org, without ?subject=: Tidings writes it) or a web form's address starting with https://, got ${JSON.stringify(issue.input)}`,
});

/**
 * `standards`: where each published policy is (a page of the site, a section of one, or elsewhere),
 * named on every article's publisher in its structured data and listed in the footer, and where
 * readers report an error, linked from every article.
 */
export const standardsSchema = z
  .strictObject({
    ...(Object.fromEntries(STANDARD_POLICIES.map((policy) => [policy, policyAddress.optional()])) as Record<
      StandardPolicy,
      z.ZodOptional<typeof policyAddress>
    >),
    reportError: reportChannel.optional(),
  })
  .optional();

/** The `standards` settings, as validated. */
export type StandardsSettings = NonNullable<z.output<typeof standardsSchema>>;

/** The `standards` field names, for "did you mean". */
export const STANDARDS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  standards: [...STANDARD_POLICIES, "reportError"],
};

const policyHelp = (what: string, example: string): FieldHelp => ({
  expected: `the address of ${what}: a path on this site or a web address`,
  example,
});

/** What each `standards` field expects, with an example line. */
export const STANDARDS_HELP: Readonly<Record<string, FieldHelp>> = {
  standards: {
    expected: "the newsroom's published policies and where to report an error",
    example: "standards: { correctionsPolicy: /corrections-policy/ }",
  },
  "standards.publishingPrinciples": policyHelp("the newsroom's editorial standards", "publishingPrinciples: /standards/"),
  "standards.correctionsPolicy": policyHelp("the corrections policy", "correctionsPolicy: /corrections-policy/"),
  "standards.ethicsPolicy": policyHelp("the ethics policy", "ethicsPolicy: /standards/#ethics"),
  "standards.verificationFactCheckingPolicy": policyHelp(
    "how the newsroom checks facts",
    "verificationFactCheckingPolicy: /standards/#checking-the-facts",
  ),
  "standards.unnamedSourcesPolicy": policyHelp("the policy on unnamed sources", "unnamedSourcesPolicy: /standards/#unnamed-sources"),
  "standards.diversityPolicy": policyHelp("the diversity policy", "diversityPolicy: /diversity/"),
  "standards.ownershipFundingInfo": policyHelp("who owns and funds the newsroom", "ownershipFundingInfo: /about/#how-we-are-funded"),
  "standards.masthead": policyHelp("the list of who runs the newsroom", "masthead: /who-we-are/"),
  "standards.actionableFeedbackPolicy": policyHelp(
    "how readers take part and what the newsroom does with their feedback",
    "actionableFeedbackPolicy: /about/#contact",
  ),
  "standards.reportError": {
    expected: "one mailto: address, or a web form's https:// address",
    example: "reportError: mailto:corrections@example.org",
  },
};
