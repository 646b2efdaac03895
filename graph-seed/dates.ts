/**
 * The one home of the graph's date rules: what a date is, how it is validated, compared,
 * bounded and ordered. The seed validator, the HTTP parameters, both stores (the memory
 * store in code, the Neo4j store through keys written at load) and the client's filters and
 * URL state all call this module, so they cannot disagree. It imports nothing (no zod), so
 * the client bundle can take it as it is.
 *
 * A seed date is an ISO prefix, `2016`, `2016-07` or `2016-07-18`, and stands for a span:
 * the year, the month or the day. Each date has two ten-character keys that compare as
 * plain strings (code-unit order, which is what Cypher uses for strings too):
 *
 * - its start key, padded with zeros: `2016` → `2016-00-00`, `2016-07` → `2016-07-00`;
 * - its end key, padded with nines: `2016` → `2016-99-99`, `2016-07` → `2016-07-99`.
 *
 * One principle answers every bound: **a node passes unless its date shows that it falls
 * outside.** So
 *
 * - `asOf` keeps a Rule or Event whose span starts no later than the end of `asOf`
 *   (a rule dated `2016` is there as of `2016-04`: nothing says it came later);
 * - a range [`from`, `to`] keeps a Rule or Event whose span meets the range: start ≤ end of
 *   `to` and end ≥ start of `from` (a rule dated `2016` is kept by `from=2016-05`);
 * - an undated Rule or Event passes both (nothing places it outside), and labels other than
 *   Rule and Event carry no date the bounds apply to.
 *
 * Order: by end key, then start key, then id, undated last. A date known only to the year
 * (or month) therefore sorts after the dated events inside it: the rectification plan dated
 * `2016` comes after the April 2016 meeting that decided it, never before.
 */

/** Labels whose nodes carry a date that `asOf`, date ranges and date order apply to. */
export const DATED_LABELS: ReadonlySet<string> = new Set(['Rule', 'Event']);

/** The shape of a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Calendar checks are `isoDateProblem`'s. */
export const ISO_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
export const ISO_DATE = new RegExp(ISO_DATE_PATTERN);

/**
 * The closest a pattern comes to `isoDateProblem`: months 01–12, days 01–31 (only days 29–31
 * of shorter months slip through). For documents and form fields that can carry only a
 * pattern: the OpenAPI document, the changes form.
 */
export const CALENDAR_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';

/** How every message names the accepted forms. */
export const ISO_DATE_FORMS = '2016, 2016-07 or 2016-07-18';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `value` is not a date, or null when it is one. `2016-02-30` matches the pattern but is
 * not a day; neither is month 13 nor month 00.
 */
export function isoDateProblem(value: string): string | null {
  if (!ISO_DATE.test(value)) return `must be an ISO date such as ${ISO_DATE_FORMS}`;
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m !== undefined && (m < 1 || m > 12)) return `"${value}" is not a real calendar date (month ${m} does not exist)`;
  if (m !== undefined && d !== undefined) {
    const max = daysIn(y, m);
    if (d < 1 || d > max) return `"${value}" is not a real calendar date (${MONTHS[m - 1]} ${y} has ${max} days)`;
  }
  return null;
}

export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && isoDateProblem(value) === null;
}

/** Throws a RangeError naming `what` unless `value` is a date. */
export function assertIsoDate(value: string, what: string): void {
  const problem = isoDateProblem(value);
  if (problem !== null) throw new RangeError(`${what} ${problem}, got "${value}"`);
}

/** Start of the span: `2016` → `2016-00-00`. The key the Neo4j loader stores as `dateKey`. */
export function dateKey(date: string): string {
  return (date + '-00-00').slice(0, 10);
}

/** End of the span: `2016` → `2016-99-99`. The key the Neo4j loader stores as `dateEndKey`. */
export function dateEndKey(date: string): string {
  return (date + '-99-99').slice(0, 10);
}

/** Validated key of an optional `asOf` (the end of its span), or null when absent. */
export function asOfKey(asOf: string | null | undefined): string | null {
  if (asOf === undefined || asOf === null) return null;
  assertIsoDate(asOf, 'asOf');
  return dateEndKey(asOf);
}

/** Keys of a range [`from`, `to`] (null: that side is open), validated and in order. */
export interface RangeKeys {
  fromKey: string | null;
  toKey: string | null;
}

/**
 * Validated keys of a date range. `from` is later than `to` only when the whole of `from`
 * comes after the end of `to` (`from=2016&to=2016-07` is the first half of 2016, not an error).
 */
export function rangeKeys(from: string | null | undefined, to: string | null | undefined): RangeKeys {
  if (from !== undefined && from !== null) assertIsoDate(from, 'from');
  if (to !== undefined && to !== null) assertIsoDate(to, 'to');
  if (!isRangeInOrder(from, to)) throw new RangeError(`from (${from}) must not be later than to (${to})`);
  return boundKeys(from, to);
}

/** Keys of bounds already known to be dates in order (the client's parsed URL state). */
export function boundKeys(from: string | null | undefined, to: string | null | undefined): RangeKeys {
  return { fromKey: from ? dateKey(from) : null, toKey: to ? dateEndKey(to) : null };
}

/** Whether `from` and `to` (either may be absent) make a range `rangeKeys` accepts. */
export function isRangeInOrder(from: string | null | undefined, to: string | null | undefined): boolean {
  if (!from || !to) return true;
  return dateKey(from) <= dateEndKey(to);
}

/**
 * Keys of a "what changed" window (`from`, `to`]: after the end of `from`, up to the end of
 * `to`, so `from=2016` means "after 31 December 2016". Validated and in order.
 */
export function windowKeys(from: string, to: string): { fromKey: string; toKey: string } {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (!isWindowInOrder(from, to)) throw new RangeError(`from (${from}) must not be later than to (${to})`);
  return { fromKey: dateEndKey(from), toKey: dateEndKey(to) };
}

/** Whether (`from`, `to`] is a window `windowKeys` accepts (both dates). */
export function isWindowInOrder(from: string, to: string): boolean {
  return dateEndKey(from) <= dateEndKey(to);
}

/** Whether a date passes `asOf` given as its key (null: everything passes; undated passes). */
export function dateVisibleAsOf(date: string | null | undefined, key: string | null): boolean {
  if (key === null || date === undefined || date === null) return true;
  return dateKey(date) <= key;
}

/** Whether a date's span meets a range given as keys (undated passes; null sides are open). */
export function dateInRange(date: string | null | undefined, range: RangeKeys): boolean {
  if (date === undefined || date === null) return true;
  return (range.toKey === null || dateKey(date) <= range.toKey) && (range.fromKey === null || dateEndKey(date) >= range.fromKey);
}

/** A node visible as of a key: Rules and Events by their date, every other label always. */
export function visibleAsOf(node: { label: string; date?: string | undefined }, key: string | null): boolean {
  return !DATED_LABELS.has(node.label) || dateVisibleAsOf(node.date, key);
}

/** A node inside a range: Rules and Events by their date, every other label always. */
export function inDateRange(node: { label: string; date?: string | undefined }, range: RangeKeys): boolean {
  return !DATED_LABELS.has(node.label) || dateInRange(node.date, range);
}

/** Code-unit order, never locale order: the same order Neo4j uses for strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Date order: by end key, then start key; undated last. See the header for why. */
export function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return compareStrings(dateEndKey(a), dateEndKey(b)) || compareStrings(dateKey(a), dateKey(b));
}

/** Ordering of dated nodes: `compareDates`, then id. */
export function compareByDateThenId(a: { id: string; date?: string | undefined }, b: { id: string; date?: string | undefined }): number {
  return compareDates(a.date, b.date) || compareStrings(a.id, b.id);
}
