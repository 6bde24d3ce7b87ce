import { readFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.ts";
import { copyFixture, readPage, writeFiles } from "../support/fixture-site.ts";

// 27 November 2026, noon UTC: every published fixture article is out.
const NOW = Date.UTC(2026, 10, 27, 12);
const FLOOD_WALL = "/2026/11/24/flood-wall/"; // tags Council, River; type analysis; a <!-- donate --> marker
const SECOND = "/2026/11/20/second-story/"; // tags river, Schools; type news

const CAMPAIGN = `heading: Winter appeal
text: Help us hire a court reporter.
goal: 24000
raised: 17350
supporters: 412
ends: 2026-12-31
reached: We reached our goal!
ended: The winter appeal has closed.
`;

/** The fixture's config with a donation block (indented YAML under `donation:`) and optionally more top-level settings. */
function configWith(donation: string, extra = ""): string {
  const base = readFileSync(path.resolve(import.meta.dirname, "../fixtures/sites/newsroom/tidings.config.yml"), "utf8");
  return `${base.slice(0, base.indexOf("donation:"))}donation:
  heading: Support independent news
  text: The Gazette is paid for by its readers.
  short: Stories like this are paid for by readers.
  button: Give now
  url: /donate/
${donation}
${extra}`;
}

async function buildSite(files: Record<string, string>, now = NOW): Promise<{ out: string; result: BuildResult }> {
  const root = copyFixture("newsroom");
  writeFiles(root, files);
  const result = await build({ root, now });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.filter((d) => d.severity === "error")));
  return { out: result.outputDir, result };
}

/** Every amount's button in the full ask, by frequency: [its text, its address]. */
function choiceLinks($: CheerioAPI, scope = "aside.donate"): Record<string, [string, string][]> {
  const links: Record<string, [string, string][]> = {};
  $(`${scope} .choice-amounts`).each((_, list) => {
    links[$(list).attr("data-frequency") ?? ""] = $(list)
      .find("a.choice-go")
      .map((_, a) => [[$(a).text(), $(a).attr("href") ?? ""]])
      .get() as [string, string][];
  });
  return links;
}

const FREQUENCIES = `  frequencies:
    default: monthly
    once: { amounts: [10, 25], default: 25 }
    monthly: { amounts: [5, 10], default: 10 }
    annual: { amounts: [100], default: 100 }`;

describe("the donation ask, built (the newsroom fixture)", () => {
  describe("with Stripe Payment Links, a campaign, variants and a newsletter", () => {
    let out: string;
    beforeAll(async () => {
      ({ out } = await buildSite({
        "tidings.config.yml": configWith(
          `  currency: GBP
  provider:
    name: stripe
    links:
      once: { 10: https://buy.stripe.com/o10, 25: https://buy.stripe.com/o25, other: https://buy.stripe.com/oX }
      monthly: { 5: https://buy.stripe.com/m5, 10: https://buy.stripe.com/m10, other: https://buy.stripe.com/mX }
      annual: { 100: https://buy.stripe.com/a100, other: https://buy.stripe.com/aX }
${FREQUENCIES}
  cap: { closeDays: 3, supporterDays: 30 }
  variants:
    - name: analysis
      types: [analysis]
      heading: Analysis takes time
    - name: schools
      tags: [Schools]
      heading: Keep schools reporting going
      text: Our schools reporter is paid for by readers.
    - name: later
      from: 2027-01-01
      heading: Not yet`,
          `newsletter:
  heading: The Gazette by email
  text: Every weekday morning.
  provider: buttondown
  username: gazette
`,
        ),
        "content/campaign.yml": CAMPAIGN,
      }));
    });

    it("offers every tier of every frequency as a link to its own Payment Link, amounts formatted in the site's language", () => {
      const $ = readPage(out, FLOOD_WALL);
      expect(choiceLinks($)).toEqual({
        once: [["Give £10", "https://buy.stripe.com/o10"], ["Give £25", "https://buy.stripe.com/o25"], ["Give another amount", "https://buy.stripe.com/oX"]],
        monthly: [["Give £5 a month", "https://buy.stripe.com/m5"], ["Give £10 a month", "https://buy.stripe.com/m10"], ["Give another amount a month", "https://buy.stripe.com/mX"]],
        annual: [["Give £100 a year", "https://buy.stripe.com/a100"], ["Give another amount a year", "https://buy.stripe.com/aX"]],
      });
      // The frequencies are a labelled radio group with the default checked; each frequency's
      // amounts are a radio group too, named by their question, the default chosen, and each
      // amount's button right after its card, so the stylesheet shows the chosen one's alone.
      expect($("aside.donate .choice-frequencies legend").text()).toBe("How often would you like to give?");
      expect($("aside.donate .choice-frequencies input[type=radio]:checked").attr("value")).toBe("monthly");
      const monthly = $("aside.donate .choice-amounts[data-frequency=monthly]");
      expect(monthly.find("legend").text()).toBe("How much each month?");
      expect(monthly.find("input[type=radio]:checked + label").text()).toBe("£10");
      expect(monthly.find("input[type=radio]:checked + label + a.choice-go").text()).toBe("Give £10 a month");
      expect(monthly.find("input[type=radio]").map((_, input) => $(`label[for="${$(input).attr("id")}"]`).text()).get()).toEqual(["£5", "£10", "Other"]);
      // No second call to action beside the button: the donate page is a quiet link.
      expect($("aside.donate a.donate-button:not(.choice-go)")).toHaveLength(0);
      expect($("aside.donate .donate-more a").attr("href")).toBe("/donate/");
    });

    it("puts a short ask with the default choice at the marker and the full ask at the end", () => {
      const $ = readPage(out, FLOOD_WALL);
      const short = $("article aside.ask-short");
      expect(short.text()).toContain("Stories like this are paid for by readers.");
      expect(short.find("a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get()).toEqual([["Give £10 a month", "https://buy.stripe.com/m10"], ["choose another amount", "/donate/"]]);
      expect($("article > aside.donate")).toHaveLength(1);
    });

    it("chooses the first variant whose rules match: by type, then by tag, and not one whose dates have not come", () => {
      expect(readPage(out, FLOOD_WALL)("aside.donate").attr("data-variant")).toBe("analysis");
      expect(readPage(out, FLOOD_WALL)("#donate-heading").text()).toBe("Analysis takes time");
      const second = readPage(out, SECOND);
      expect(second("aside.donate").attr("data-variant")).toBe("schools");
      expect(second("#donate-heading").text()).toBe("Keep schools reporting going");
      expect(second("aside.donate > p").first().text()).toBe("Our schools reporter is paid for by readers.");
    });

    it("shows the campaign's progress as a progress bar named by its figures", () => {
      const $ = readPage(out, SECOND);
      const campaign = $("aside.donate .campaign");
      expect(campaign.attr("data-campaign-state")).toBe("under-way");
      const progress = campaign.find("progress");
      expect([progress.attr("max"), progress.attr("value")]).toEqual(["24000", "17350"]);
      const label = $(`#${progress.attr("aria-labelledby") ?? ""}`);
      expect(label.text()).toBe("£17,350 raised of £24,000 from 412 supporters; until 31 December 2026.");
    });

    it("hides the cap's buttons until the script shows them, and tells the script the configured days", () => {
      const $ = readPage(out, FLOOD_WALL);
      const controls = $("aside.donate [data-ask-controls]");
      expect(controls.attr("hidden")).toBeDefined();
      expect(controls.find("button").map((_, b) => [[$(b).text(), $(b).attr("data-ask-days")]]).get()).toEqual([["Not now", "3"], ["I already support The Test Gazette", "30"]]);
      expect($('script[type="module"]').attr("src")).toMatch(/^\/assets\/ask\.[0-9a-f]{10}\.js$/);
      expect(readFileSync(path.join(out, $('script[type="module"]').attr("src") ?? ""), "utf8")).toContain("localStorage");
    });

    it("shows no ask, script or campaign on the donate page's own ask, but the tiers and the campaign in full; none on corrections or where excluded", () => {
      const donate = readPage(out, "/donate/");
      expect(donate("[data-ask]")).toHaveLength(0);
      expect(donate("script[src]")).toHaveLength(0);
      expect(donate(".donate-campaign progress").attr("value")).toBe("17350");
      expect(choiceLinks(donate, ".donate-tiers").monthly?.[1]).toEqual(["Give £10 a month", "https://buy.stripe.com/m10"]);
      expect(readPage(out, "/corrections/")("[data-ask]")).toHaveLength(0);
      const third = readPage(out, "/2026/11/10/third-story/");
      expect(third("[data-ask]")).toHaveLength(0);
      expect(third("script[src]")).toHaveLength(0);
    });

    it("ends articles with a plain newsletter form posting to Buttondown, and the RSS feed", () => {
      const $ = readPage(out, SECOND);
      const form = $("aside.newsletter form");
      expect([form.attr("method"), form.attr("action")]).toEqual(["post", "https://buttondown.com/api/emails/embed-subscribe/gazette"]);
      expect(form.find("input[type=email]").attr("name")).toBe("email");
      expect($(`label[for=${form.find("input").attr("id") ?? ""}]`).text()).toBe("Email address");
      expect($("aside.newsletter .newsletter-feed a").attr("href")).toBe("/feed.xml");
    });
  });

  it.each([
    ["paypal", "  provider: { name: paypal, business: give@gazette.example }\n  frequencies: { once: { amounts: [10, 25], default: 25 } }", {
      once: [["Give £10", "https://www.paypal.com/donate/?business=give%40gazette.example&amount=10&currency_code=GBP"], ["Give £25", "https://www.paypal.com/donate/?business=give%40gazette.example&amount=25&currency_code=GBP"], ["Give another amount", "https://www.paypal.com/donate/?business=give%40gazette.example&currency_code=GBP"]],
    }],
    ["liberapay", "  provider: { name: liberapay, account: Gazette }\n  frequencies: { monthly: { amounts: [5, 10] } }", {
      monthly: [["Give £5 a month", "https://liberapay.com/Gazette/donate?currency=GBP&period=monthly&amount=5"], ["Give £10 a month", "https://liberapay.com/Gazette/donate?currency=GBP&period=monthly&amount=10"], ["Give another amount a month", "https://liberapay.com/Gazette/donate?currency=GBP&period=monthly"]],
    }],
    ["opencollective", "  provider: { name: opencollective, collective: gazette }\n  frequencies: { once: { amounts: [20] }, annual: { amounts: [60] } }", {
      once: [["Give £20", "https://opencollective.com/gazette/donate?amount=20"], ["Give another amount", "https://opencollective.com/gazette/donate"]],
      annual: [["Give £60 a year", "https://opencollective.com/gazette/donate?amount=60&interval=year"], ["Give another amount a year", "https://opencollective.com/gazette/donate?interval=year"]],
    }],
    ["givebutter", "  provider: { name: givebutter, campaign: https://givebutter.com/gazette }\n  frequencies: { monthly: { amounts: [15] } }", {
      monthly: [["Give £15 a month", "https://givebutter.com/gazette?amount=15&frequency=monthly"], ["Give another amount a month", "https://givebutter.com/gazette?frequency=monthly"]],
    }],
    ["custom", '  provider: { name: custom, template: "https://give.example.org/{frequency}?amount={amountMinor}&c={currency}", other: https://give.example.org/ }\n  frequencies: { monthly: { amounts: [7.5] } }', {
      monthly: [["Give £7.50 a month", "https://give.example.org/monthly?amount=750&c=GBP"], ["Give another amount a month", "https://give.example.org/"]],
    }],
  ])("links every choice to %s's exact address", async (_name, donation, expected) => {
    const { out } = await buildSite({ "tidings.config.yml": configWith(`  currency: GBP\n${donation}`) });
    expect(choiceLinks(readPage(out, SECOND))).toEqual(expected);
  });

  it.each([
    ["under way", NOW, CAMPAIGN, "under-way", "Help us hire a court reporter.", "£17,350 raised of £24,000 from 412 supporters; until 31 December 2026."],
    ["goal reached", NOW, CAMPAIGN.replace("raised: 17350", "raised: 25100"), "reached", "We reached our goal!", "£25,100 raised of £24,000 from 412 supporters; until 31 December 2026."],
    ["ended", Date.UTC(2027, 0, 1, 0, 30), CAMPAIGN, "ended", "The winter appeal has closed.", "£17,350 raised of £24,000 from 412 supporters; the campaign ended on 31 December 2026."],
  ])("shows a campaign that is %s at build time", async (_state, now, campaign, state, text, figures) => {
    const { out } = await buildSite({ "tidings.config.yml": configWith(`  currency: GBP\n  provider: { name: liberapay, account: Gazette }\n  frequencies: { monthly: { amounts: [5] } }`), "content/campaign.yml": campaign }, now);
    for (const $ of [readPage(out, SECOND), readPage(out, "/donate/")]) {
      const block = $(".campaign");
      expect(block.attr("data-campaign-state")).toBe(state);
      expect(block.find("p").eq(1).text()).toBe(text);
      expect(block.find(".campaign-figures").text()).toBe(figures);
      expect(Number(block.find("progress").attr("value"))).toBeLessThanOrEqual(Number(block.find("progress").attr("max")));
    }
  });

  it("keeps the plain ask (heading, text, button) when no choices are configured", async () => {
    const { out } = await buildSite({});
    const $ = readPage(out, SECOND);
    expect($("aside.donate .choices")).toHaveLength(0);
    expect($("aside.donate a.donate-button").attr("href")).toBe("/donate/");
  });

  it("prints hostile copy in the ask and the campaign as text", async () => {
    const { out } = await buildSite({
      "tidings.config.yml": configWith(`  currency: GBP\n  provider: { name: paypal, business: "a&b=<c>" }\n  frequencies: { once: { amounts: [5] } }\n  variants:\n    - { name: x, tags: [Schools], heading: "<script>alert(1)</script>" }`),
      "content/campaign.yml": CAMPAIGN.replace("heading: Winter appeal", 'heading: "</p><script>alert(2)</script>"'),
    });
    const $ = readPage(out, SECOND);
    expect($("#donate-heading").text()).toBe("<script>alert(1)</script>");
    expect($(".campaign-heading strong").text()).toBe("</p><script>alert(2)</script>");
    expect($("script").not("[src]").not('[type="application/ld+json"]')).toHaveLength(0);
    expect(choiceLinks($).once?.[0]?.[1]).toBe("https://www.paypal.com/donate/?business=a%26b%3D%3Cc%3E&amount=5&currency_code=GBP");
  });

  it("asks for a currency when there is a campaign but none is configured", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/campaign.yml": CAMPAIGN });
    const result = await build({ root, now: NOW });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.code])).toEqual([["content/campaign.yml", "campaign/currency"]]);
  });

  it("reports a broken campaign file with its line, and writes nothing", async () => {
    const root = copyFixture("newsroom");
    writeFiles(root, { "content/campaign.yml": "heading: Appeal\ntext: Give.\ngoal: 0\nraised: 10\n" });
    const result = await build({ root, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file, d.line, d.field, d.code])).toEqual([["content/campaign.yml", 3, "goal", "campaign/goal"]]);
  });
});
