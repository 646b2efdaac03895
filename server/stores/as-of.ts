/**
 * Date semantics shared by both stores, so `asOf`, date ranges and date ordering give the
 * same answer in memory and in Cypher.
 *
 * Seed dates are ISO prefixes: `2016`, `2016-07` or `2016-07-18`. Plain string comparison
 * would put `2016` before `2016-00-01` but also `2016-07` before `2016-07-01`, and would
 * make `asOf: '2016-07'` hide a rule dated `2016-07-18`. So every date is turned into a
 * ten-character key first:
 *
 * - a node's date, and a lower bound (`from`), are padded with zeros: `2016` → `2016-00-00`,
 *   `2016-07` → `2016-07-00`. A rule known only by its year sorts before every dated day of
 *   that year.
 * - an upper bound (`to`, `asOf`) is padded with nines: `2016-07` → `2016-07-99`, meaning
 *   "up to the end of July 2016"; `2016` → `2016-99-99`, "up to the end of 2016".
 *
 * Visibility under `asOf`: a Rule or Event whose date key is later than the asOf key is
 * invisible, together with every relationship touching it. Undated rules and events stay
 * visible (nothing says they came later), and so do all other labels.
 *
 * Date range [`from`, `to`] (graph filter): keeps Rules and Events whose date key lies in
 * the range; an undated Rule or Event is dropped by a range because it cannot be shown to
 * lie inside it. Other labels stay.
 *
 * The Cypher side uses the same keys: `left(n.date + '-00-00', 10)` for a node's date, and
 * bounds computed here and sent as parameters (see `neo4j/queries.ts`).
 */
import { ISO_DATE } from '../../graph-seed/schema.js';

/** Labels whose nodes carry a date that `asOf` and date ranges apply to. */
export const DATED_LABELS: ReadonlySet<string> = new Set(['Rule', 'Event']);

/** Rejects anything that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, naming the parameter. */
export function assertIsoDate(value: string, what: string): void {
  if (!ISO_DATE.test(value)) {
    throw new RangeError(`${what} must be an ISO date such as 2016, 2016-07 or 2016-07-18, got "${value}"`);
  }
}

/** Sort key of a node's date: `2016` → `2016-00-00`. */
export function dateKey(date: string): string {
  return (date + '-00-00').slice(0, 10);
}

/** Key of a lower bound: the start of the period. */
export function lowerBoundKey(date: string): string {
  return (date + '-00-00').slice(0, 10);
}

/** Key of an upper bound (`to`, `asOf`): the end of the period. */
export function upperBoundKey(date: string): string {
  return (date + '-99-99').slice(0, 10);
}

/** Validated upper-bound key for an optional `asOf`, or null when absent. */
export function asOfKey(asOf: string | undefined): string | null {
  if (asOf === undefined) return null;
  assertIsoDate(asOf, 'asOf');
  return upperBoundKey(asOf);
}

/** Whether a node is visible at the given asOf key (null: everything is visible). */
export function visibleAsOf(node: { label: string; date?: string | undefined }, key: string | null): boolean {
  if (key === null || node.date === undefined || !DATED_LABELS.has(node.label)) return true;
  return dateKey(node.date) <= key;
}

/** Whether a node passes a [from, to] range given as keys (null: that side is open). */
export function inDateRange(
  node: { label: string; date?: string | undefined },
  fromKey: string | null,
  toKey: string | null,
): boolean {
  if ((fromKey === null && toKey === null) || !DATED_LABELS.has(node.label)) return true;
  if (node.date === undefined) return false;
  const key = dateKey(node.date);
  return (fromKey === null || key >= fromKey) && (toKey === null || key <= toKey);
}

/**
 * Ordering of dated nodes: by date key, undated last, then by id. Plain code-unit string
 * comparison, which is what Cypher's ORDER BY does on strings too.
 */
export function compareByDateThenId(
  a: { id: string; date?: string | undefined },
  b: { id: string; date?: string | undefined },
): number {
  const da = a.date === undefined ? null : dateKey(a.date);
  const db = b.date === undefined ? null : dateKey(b.date);
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return compareStrings(a.id, b.id);
}

/** Code-unit order, never locale order: the same order Neo4j uses for strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
