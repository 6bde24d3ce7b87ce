import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DateTime } from "luxon";
import { CONFIG_FILE } from "../content/config-file.ts";
import { parseContentDate } from "../content/dates.ts";
import { readTextFile, type TextFileResult } from "../content/read-text-file.ts";
import { issuesToDiagnostics, type FieldHelp } from "../content/report-issues.ts";
import { text } from "../content/schemas.ts";
import { parseYaml } from "../content/yaml-document.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** Where editors keep the campaign, relative to the project root. */
export const CAMPAIGN_FILE = "content/campaign.yml";

const money = z.number().min(0).max(1_000_000_000);

// `ends` is read in the site's time zone, which only the config knows, so the schema is made per site.
const campaignSchema = (timeZone: string) =>
  z.strictObject({
    heading: text,
    text: text,
    goal: money.positive(),
    raised: money,
    supporters: z.number().int().min(0).optional(),
    ends: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a day like 2026-12-31" })
      .transform((value, context) => {
        const parsed = parseContentDate(value, timeZone);
        if (parsed.ok) return { day: value, startMs: parsed.value.epochMs };
        context.addIssue({ code: "custom", message: parsed.problem });
        return z.NEVER;
      })
      .optional(),
    reached: text.optional(),
    ended: text.optional(),
  });

/** The campaign as editors committed it. */
export type Campaign = z.output<ReturnType<typeof campaignSchema>>;

/** Where a campaign stands at build time. */
export type CampaignState = "under-way" | "reached" | "ended";

const HELP: Record<string, FieldHelp> = {
  heading: { expected: "the campaign's name", example: "heading: Our winter appeal" },
  text: { expected: "a sentence on what the campaign pays for", example: "text: Help us hire a court reporter for 2027." },
  goal: { expected: "the amount aimed for, a number above 0", example: "goal: 25000" },
  raised: { expected: "the amount raised so far, a number", example: "raised: 18250" },
  supporters: { expected: "the number of people who gave, a whole number", example: "supporters: 412" },
  ends: { expected: "the campaign's last day", example: "ends: 2026-12-31" },
  reached: { expected: "what to say once the goal is reached", example: "reached: We made it — thank you!" },
  ended: { expected: "what to say once the campaign is over", example: "ended: The appeal has closed. Thank you." },
};

/** The fields a campaign file has, in the order docs/features/donation.md lists them. */
export const CAMPAIGN_FIELDS: readonly string[] = Object.keys(HELP);

/** The campaign file's text (or why it cannot be read), or nothing when the newsroom runs no campaign (no file). */
export function loadCampaignText(root: string): TextFileResult | undefined {
  const file = path.join(root, CAMPAIGN_FILE);
  return existsSync(file) ? readTextFile(file, CAMPAIGN_FILE) : undefined;
}

/** Validate the campaign file: the campaign, or every problem in it with its line. */
export function parseCampaign(source: string, timeZone: string): { campaign?: Campaign; diagnostics: Diagnostic[] } {
  const yaml = parseYaml(source.replace(/^\uFEFF/, ""), CAMPAIGN_FILE);
  if (!yaml.ok) return { diagnostics: yaml.diagnostics };
  const result = campaignSchema(timeZone).safeParse(yaml.data, { reportInput: true });
  if (result.success) return { campaign: result.data, diagnostics: [] };
  return {
    diagnostics: issuesToDiagnostics(result.error.issues, {
      file: CAMPAIGN_FILE,
      lines: yaml.lines,
      help: HELP,
      knownFields: { "": CAMPAIGN_FIELDS },
      codePrefix: "campaign",
      topLine: 1,
      kindOfFile: "the campaign file can",
    }),
  };
}

/**
 * Where the campaign stands at `now`: ended once its last day is over in the site's time zone,
 * else reached once `raised` meets `goal`, else under way. Computed at build time, so a
 * scheduled rebuild (every 15 minutes on CI) moves it on.
 */
export function campaignState(campaign: Campaign, now: number, timeZone: string): CampaignState {
  if (campaign.ends !== undefined) {
    const endMs = DateTime.fromMillis(campaign.ends.startMs, { zone: timeZone }).plus({ days: 1 }).toMillis();
    if (now >= endMs) return "ended";
  }
  return campaign.raised >= campaign.goal ? "reached" : "under-way";
}

/** The campaign's goal and total are amounts, which cannot be written without the donation settings' currency. */
export function checkCampaignCurrency(campaign: Campaign | undefined, currency: string | undefined): Diagnostic[] {
  if (campaign === undefined || currency !== undefined) return [];
  return [
    error("campaign/currency", CAMPAIGN_FILE, "the campaign's goal and total need a currency, and `donation.currency` is not set", {
      fix: `Add \`currency: GBP\` (or your currency's code) under \`donation\` in ${CONFIG_FILE}.`,
    }),
  ];
}
