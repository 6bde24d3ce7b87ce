/** Which way a language's text runs: left to right, or right to left. */
export type TextDirection = "ltr" | "rtl";

// Scripts written right to left (ISO 15924 codes; Unicode's bidi class R or AL), living ones first.
const RTL_SCRIPTS = new Set([
  ..."Arab Hebr Syrc Thaa Nkoo Adlm Rohg Mand Samr Yezi Mend Hung".split(" "),
  ..."Armi Avst Chrs Cprt Elym Hatr Khar Lydi Mani Merc Mero Narb Nbat Orkh Ougr Palm Phli Phlp Phnx Prti Sarb Sogd Sogo".split(" "),
]);

// Languages written right to left, for a tag that names no script when the runtime cannot guess one.
const RTL_LANGUAGES = new Set("ar he iw fa ur ps sd ug yi ji dv ckb ks syr nqo arc mzn glk lrc bal prs".split(" "));

/**
 * The direction of text in `languageTag` (a BCP 47 tag such as `ar`, `he-IL`, `az-Arab`): right to
 * left for a tag whose script, written or the likely one for its language (`ar` → Arab), is a
 * right-to-left script; left to right otherwise, and for anything that is not a language tag.
 *
 * Not `Intl.Locale#textInfo`: Node 20's answers come from the language alone, so `az-Arab`, `ms-Arab`
 * and `dv` (Thaana) come out left to right.
 */
export function textDirection(languageTag: string): TextDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(languageTag);
  } catch {
    return "ltr";
  }
  const script = locale.script ?? locale.maximize().script;
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}
