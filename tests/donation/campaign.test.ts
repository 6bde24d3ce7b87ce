import { describe, expect, it } from "vitest";
import { toCampaignView } from "../../src/donation/ask-view.ts";
import { campaignState, parseCampaign } from "../../src/donation/campaign.ts";

const FILE = "heading: Winter appeal\ntext: Help us hire a court reporter.\ngoal: 24000\nraised: 17350\nsupporters: 412\nends: 2026-12-31\nreached: Goal reached!\nended: The appeal has closed.\n";
const ZONE = "Europe/London";

function parsed(text = FILE) {
  const result = parseCampaign(text, ZONE);
  if (!result.campaign) throw new Error(JSON.stringify(result.diagnostics));
  return result.campaign;
}

describe("campaignState", () => {
  it("is under way before the goal and before the end of its last day in the site's time zone", () => {
    expect(campaignState(parsed(), Date.UTC(2026, 11, 1), ZONE)).toBe("under-way");
    expect(campaignState(parsed(), Date.UTC(2026, 11, 31, 23, 59), ZONE)).toBe("under-way");
  });

  it("has reached its goal once raised meets the goal", () => {
    expect(campaignState(parsed(FILE.replace("raised: 17350", "raised: 24000")), Date.UTC(2026, 11, 1), ZONE)).toBe("reached");
  });

  it("has ended once its last day is over, reached or not", () => {
    expect(campaignState(parsed(), Date.UTC(2027, 0, 1, 0, 0), ZONE)).toBe("ended");
    expect(campaignState(parsed(FILE.replace("raised: 17350", "raised: 30000")), Date.UTC(2027, 0, 2), ZONE)).toBe("ended");
  });

  it("ends at midnight in the site's zone, not UTC", () => {
    // 31 December 23:30 in New York is already 1 January in UTC.
    expect(campaignState(parseCampaign(FILE, "America/New_York").campaign!, Date.UTC(2027, 0, 1, 4, 30), "America/New_York")).toBe("under-way");
  });
});

describe("toCampaignView", () => {
  const settings = { language: "en-GB", timeZone: ZONE, dateFormat: "d MMMM yyyy", currency: "GBP" };

  it("formats the figures and picks the copy for the state", () => {
    const view = toCampaignView(parsed(), Date.UTC(2026, 11, 1), settings);
    expect(view).toMatchObject({ state: "under-way", raised: "£17,350", goal: "£24,000", supporters: 412, ends: "31 December 2026", value: 17350, max: 24000, percent: 72, text: "Help us hire a court reporter." });
    expect(toCampaignView(parsed(), Date.UTC(2027, 0, 5), settings).text).toBe("The appeal has closed.");
  });

  it("never lets the progress value pass the goal", () => {
    const view = toCampaignView(parsed(FILE.replace("raised: 17350", "raised: 30000")), Date.UTC(2026, 11, 1), settings);
    expect(view).toMatchObject({ state: "reached", value: 24000, percent: 100, raised: "£30,000", text: "Goal reached!" });
  });
});

describe("parseCampaign", () => {
  it("reports every problem at once, each with its line, field and a fix", () => {
    const { campaign, diagnostics } = parseCampaign("heading: Winter appeal\ngoal: lots\nraised: -5\nends: 2026-02-30\ntarget: 3\n", ZONE);
    expect(campaign).toBeUndefined();
    const byField = Object.fromEntries(diagnostics.map((d) => [d.field, d]));
    expect(Object.keys(byField).sort()).toEqual(["ends", "goal", "raised", "target", "text"]);
    expect(byField["goal"]).toMatchObject({ file: "content/campaign.yml", line: 2, code: "campaign/goal" });
    expect(byField["ends"]?.line).toBe(4);
    expect(byField["ends"]?.message).toContain("February 2026 has 28 days");
    expect(byField["target"]?.code).toBe("campaign/unknown-field");
    expect(diagnostics.every((d) => d.severity === "error")).toBe(true);
  });

  it("reports broken YAML instead of crashing", () => {
    const { diagnostics } = parseCampaign("heading: [unclosed\n", ZONE);
    expect(diagnostics[0]).toMatchObject({ file: "content/campaign.yml", code: "yaml/syntax" });
  });
});
