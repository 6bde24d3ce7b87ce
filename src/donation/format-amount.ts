const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount of money as the site's readers write it, by Intl in the site's language: `£10`,
 * `£7.50`, `10 €` in French. Whole amounts drop the pence, as suggested amounts usually do.
 */
export function formatAmount(amount: number, currency: string, language: string): string {
  const whole = Number.isInteger(amount);
  const key = `${language}\0${currency}\0${whole}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, { style: "currency", currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) });
    formatters.set(key, format);
  }
  return format.format(amount);
}
