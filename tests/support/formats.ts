/** RFC 822 (section 5) as RSS 2.0 uses it, with the four-digit year the RSS spec recommends and a numeric zone. */
export const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (0[1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d [+-]\d{4}$/;

/** An RFC 3339 date-time with an explicit offset (Atom, JSON Feed, sitemaps, JSON-LD). */
export const RFC_3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
