import type { Messages } from "../i18n/messages.ts";
import { formatDate } from "../content/dates.ts";
import { campaignState, type Campaign, type CampaignState } from "./campaign.ts";
import { offeredFrequencies, type DonationConfig, type DonationVariant } from "./donation-schema.ts";
import { formatAmount } from "./format-amount.ts";
import { providerUrl, type Frequency } from "./providers.ts";

/** One amount on a choice card. */
export interface AmountView {
  /** `£10`. */
  amount: string;
  /** `£10 a month`. */
  label: string;
  /** `Give £10 a month`: the button's text, which says everything a screen reader needs. */
  give: string;
  url: string;
  isDefault: boolean;
  /** What this amount pays for (the donate page shows it). */
  pays?: string;
}

/** The amounts of one frequency. */
export interface FrequencyView {
  key: Frequency;
  /** `Monthly`. */
  label: string;
  /** The question its amounts answer, as their group's accessible name: `How much each month?`. */
  legend: string;
  checked: boolean;
  amounts: AmountView[];
  /** The amount the reader chooses on the provider's page: its card's `label` and its button's text. */
  other?: { label: string; give: string; url: string };
}

/** The choice cards: frequencies with their amounts, and the default choice for short asks. */
export interface ChoicesView {
  frequencies: FrequencyView[];
  /** The default frequency's default amount: `Give £10 a month`. */
  preferred: { label: string; url: string };
}

/** A campaign as pages show it, its state worked out at build time. */
export interface CampaignView {
  state: CampaignState;
  heading: string;
  /** The copy for the state: the campaign's text, or its `reached` / `ended` copy. */
  text: string;
  raised: string;
  goal: string;
  /** The progress element's value and maximum (value never above the maximum). */
  value: number;
  max: number;
  percent: number;
  /** How many supporters gave: the campaign message writes the number in the language's digits. */
  supporters?: number;
  /** `31 December 2026`. */
  ends?: string;
}

/** Everything an ask shows: plain data, so it can stand in a page's view and key. */
export interface AskView {
  /** The variant's name, or `default`. */
  variant: string;
  heading: string;
  text: string;
  short: string;
  button: string;
  /** The donate page. */
  url: string;
  choices?: ChoicesView;
  campaign?: CampaignView;
  /** Days a closed ask stays hidden, and after "I already support" (localStorage, with JavaScript only). */
  cap: { closeDays: number; supporterDays: number };
}

/** The site settings an ask's wording and numbers depend on. */
export interface AskSettings {
  donation: DonationConfig;
  language: string;
  timeZone: string;
  dateFormat: string;
}

/** The choice cards of a config with choices (currency, provider and frequencies set). */
export function toChoicesView(settings: AskSettings, messages: Messages): ChoicesView | undefined {
  const { donation, language } = settings;
  const { currency, provider, frequencies } = donation;
  if (currency === undefined || provider === undefined || frequencies === undefined) return undefined;
  const offered = offeredFrequencies(donation);
  const defaultFrequency = frequencies.default ?? offered[0];
  const views = offered.map((key): FrequencyView => {
    const choices = frequencies[key]?.amounts ?? [];
    const defaultAmount = frequencies[key]?.default ?? choices[Math.floor((choices.length - 1) / 2)]?.amount;
    const view: FrequencyView = {
      key,
      label: messages.text("ask.frequency", { frequency: key }),
      legend: messages.text("ask.legend", { frequency: key }),
      checked: key === defaultFrequency,
      amounts: choices.map((choice) => {
        const amount = formatAmount(choice.amount, currency, language);
        const item: AmountView = {
          amount,
          label: messages.text("ask.amount", { frequency: key, amount }),
          give: messages.text("ask.give", { frequency: key, amount }),
          url: providerUrl(provider, { frequency: key, amount: choice.amount, currency }),
          isDefault: choice.amount === defaultAmount,
        };
        if (choice.pays !== undefined) item.pays = choice.pays;
        return item;
      }),
    };
    if (donation.other)
      view.other = {
        label: messages.text("ask.other"),
        give: messages.text("ask.giveOther", { frequency: key }),
        url: providerUrl(provider, { frequency: key, currency }),
      };
    return view;
  });
  const preferred = views.find((view) => view.checked)?.amounts.find((amount) => amount.isDefault) ?? views[0]?.amounts[0];
  return {
    frequencies: views,
    preferred: preferred ? { label: preferred.give, url: preferred.url } : { label: donation.button, url: donation.url },
  };
}

/** A campaign's view at `now`. */
export function toCampaignView(
  campaign: Campaign,
  now: number,
  settings: Omit<AskSettings, "donation"> & { currency: string },
): CampaignView {
  const state = campaignState(campaign, now, settings.timeZone);
  const money = (amount: number) => formatAmount(amount, settings.currency, settings.language);
  const view: CampaignView = {
    state,
    heading: campaign.heading,
    text: state === "ended" ? (campaign.ended ?? campaign.text) : state === "reached" ? (campaign.reached ?? campaign.text) : campaign.text,
    raised: money(campaign.raised),
    goal: money(campaign.goal),
    value: Math.min(campaign.raised, campaign.goal),
    max: campaign.goal,
    percent: Math.floor((Math.min(campaign.raised, campaign.goal) / campaign.goal) * 100),
  };
  if (campaign.supporters !== undefined) view.supporters = campaign.supporters;
  if (campaign.ends !== undefined) view.ends = formatDate(campaign.ends.startMs, settings.timeZone, settings.language, settings.dateFormat);
  return view;
}

/**
 * Every ask the site can show: the default first, then one per variant, keyed by variant name.
 * Built once per build and shared by the pages that show each (page keys hash each shared ask
 * once, see src/publish/page-keys.ts).
 */
export function buildAsks(settings: AskSettings, messages: Messages, campaign: Campaign | undefined, now: number): Map<string, AskView> {
  const { donation } = settings;
  const choices = toChoicesView(settings, messages);
  // Without a currency the campaign's amounts cannot be written (buildSite reports it).
  const campaignView =
    campaign === undefined || donation.currency === undefined
      ? undefined
      : toCampaignView(campaign, now, { ...settings, currency: donation.currency });
  const base = (copy: Partial<Pick<DonationVariant, "heading" | "text" | "short" | "button">>, variant: string): AskView => {
    const view: AskView = {
      variant,
      heading: copy.heading ?? donation.heading,
      text: copy.text ?? donation.text,
      short: copy.short ?? donation.short ?? donation.text,
      button: copy.button ?? donation.button,
      url: donation.url,
      cap: donation.cap,
    };
    if (choices !== undefined) view.choices = choices;
    if (campaignView !== undefined) view.campaign = campaignView;
    return view;
  };
  const asks = new Map<string, AskView>([["default", base({}, "default")]]);
  for (const variant of donation.variants) asks.set(variant.name, base(variant, variant.name));
  return asks;
}

// The ask is the donation feature's part of the model: articles and pages carry it, and only the
// templates read it, so the model's own types need not know it exists.
declare module "../model/types.ts" {
  interface Article {
    /** The ask it shows (the variant its rules chose), when `showDonation`: short at the editor's marker, full at the end. */
    ask?: AskView;
  }
  interface Page {
    /** The ask at the end of the page, when `showDonation`. */
    ask?: AskView;
    /** On the donate page (`donation.url`): the tiers and the campaign it shows in full. */
    donatePage?: AskView;
  }
}
