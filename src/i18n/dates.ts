/**
 * Dates as the book's language writes them, through the Intl API (Node's ICU data): a
 * publication date of `YYYY-MM` or `YYYY-MM-DD` is its month and year ("November 2026",
 * "novembre 2026", "noviembre de 2026"), as copyright pages print it; `YYYY` is the year.
 */

/** The month and year of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, in `language`; the text as given when it is none of these. */
export function publicationDate(date: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/.exec(date.trim());
  if (!match) return date;
  const [, year = '', month] = match;
  if (!month) return year;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([language])[0] ?? 'en';
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}
