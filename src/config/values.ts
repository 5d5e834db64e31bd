/**
 * Checks of single metadata values that need more than a pattern: a language tag against the
 * IANA language subtag registry (BCP 47), and a date against the calendar. Each returns what is
 * wrong, in words for the author, or undefined when the value is good.
 */
import tags from 'language-tags';

/**
 * Why `value` is not a registered BCP 47 language tag, with the tag the author probably meant.
 * `Intl.getCanonicalLocales` checks only the tag's shape, and `english` has the shape of a
 * language subtag (5 to 8 letters are allowed); the registry knows it is not one.
 */
export function languageProblem(value: string): string | undefined {
  const tag = tags(value);
  if (tag.valid()) return undefined;
  const hyphenated = value.replace(/_/g, '-');
  if (hyphenated !== value && tags(hyphenated).valid()) return `must be written with a hyphen: \`${tags(hyphenated).format()}\``;
  const current = currentTag(tag);
  if (current) return `is a withdrawn code; write \`${current}\``;
  const named = languageNamed(value);
  const example = 'a BCP 47 language tag such as en, en-GB, fr or pt-BR';
  if (named) return `must be ${example}; for ${named.name} write \`${named.tag}\``;
  const reason = tag.errors()[0]?.message;
  if (!reason || /^Missing language tag/.test(reason)) return `must be ${example}`;
  return `must be ${example} (${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')})`;
}

/** language-tags' error codes for a withdrawn tag and a withdrawn subtag (its `Tag.ERR_…` values). */
const WITHDRAWN_TAG = 1;
const WITHDRAWN_SUBTAG = 11;

/** The tag that replaces a withdrawn one (`iw` → `he`, `i-klingon` → `tlh`), when that is all that is wrong. */
function currentTag(tag: ReturnType<typeof tags>): string | undefined {
  const errors = tag.errors();
  if (errors.length === 0 || !errors.every((e) => e.code === WITHDRAWN_TAG || e.code === WITHDRAWN_SUBTAG)) {
    return undefined;
  }
  const replaced = errors.some((e) => e.code === WITHDRAWN_TAG)
    ? tag.preferred()?.format()
    : tag
        .subtags()
        .map((s) => s.preferred()?.format() ?? s.format())
        .join('-');
  return replaced && tags(replaced).valid() ? tags(replaced).format() : undefined;
}

/** The tag as the registry writes it (`EN-gb` → `en-GB`). */
export function canonicalLanguage(value: string): string {
  return tags(value).format();
}

/** A language whose English name is `name` (`english`, `French`), by the registry's descriptions. */
function languageNamed(name: string): { name: string; tag: string } | undefined {
  const wanted = name.trim().toLowerCase();
  if (!/^[a-z][a-z ()-]{2,40}$/.test(wanted)) return undefined;
  for (const found of tags.search(wanted)) {
    if (!('type' in found) || found.type() !== 'language') continue;
    const description = found.descriptions().find((d) => d.toLowerCase() === wanted);
    if (description) return { name: description, tag: found.format() };
  }
  return undefined;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why `value` is not a date of the calendar written YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateProblem(value: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2026-11-24';
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return `has month ${match[2]}; months go from 01 to 12`;
  if (month !== undefined && day !== undefined) {
    const days = daysIn(year, month);
    if (day < 1 || day > days) return `has day ${match[3]}; ${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  return undefined;
}

/** Days in a month of the Gregorian calendar (month 1–12). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
