/**
 * Reference versions of the domain rules that oracle tests compare the stores with, written
 * from the rules as stated (README's API section, docs/domain.md and the doc comments of
 * graph-seed/dates.ts and graph-seed/search-text.ts), deliberately without importing that code: an
 * oracle that calls the implementation's own date or scoring functions agrees with it by
 * construction. These are slow and plain on purpose.
 */

// ---- dates ---------------------------------------------------------------------------
// Seed dates are YYYY, YYYY-MM or YYYY-MM-DD. A node known only by its year or month counts
// as the start of that period; a bound (`to`, `asOf`) as its end.

type Day = [year: number, month: number, day: number];

function parts(date: string): [number, number | null, number | null] {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) throw new Error(`not a seed date: ${date}`);
  return [Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3] === undefined ? null : Number(m[3])];
}

/** The earliest day a date can mean: month 0 and day 0 stand before every real one. */
export function startOf(date: string): Day {
  const [y, m, d] = parts(date);
  return [y, m ?? 0, d ?? 0];
}

/** The latest day a bound can mean: month 13 and day 32 stand after every real one. */
export function endOf(date: string): Day {
  const [y, m, d] = parts(date);
  return [y, m ?? 13, d ?? 32];
}

export function compareDays(a: Day, b: Day): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

const DATED = ['Rule', 'Event'];

/** A Rule or Event dated after `asOf` is hidden; undated ones and other labels stay. */
export function visibleAt(node: { label: string; date?: string | undefined }, asOf: string | undefined): boolean {
  if (asOf === undefined || node.date === undefined || !DATED.includes(node.label)) return true;
  return compareDays(startOf(node.date), endOf(asOf)) <= 0;
}

/** Whether a Rule or Event is dated after `asOf`. */
export function laterThan(node: { label: string; date?: string | undefined }, asOf: string): boolean {
  return !visibleAt(node, asOf);
}

/** Code-unit order, as Neo4j's ORDER BY on strings (not locale order). */
export function byCodeUnits(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Dated before undated; by the end of the period the date names, then its start, then id: a
 * date known only to the year (2016) comes after every dated day of that year, and a month
 * after its days, since the report only says it happened by then.
 */
export function byDateThenId(a: { id: string; date?: string | undefined }, b: { id: string; date?: string | undefined }): number {
  return byDate(a.date, b.date) || byCodeUnits(a.id, b.id);
}

/** Date order alone (see byDateThenId). */
export function byDate(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return compareDays(endOf(a), endOf(b)) || compareDays(startOf(a), startOf(b));
}

// ---- search --------------------------------------------------------------------------
// Case-insensitive substring matching where a hyphen counts as a space; the query is also
// trimmed with its inner whitespace collapsed. Tiers: 4 a name (name, English name, alias)
// equals the query, 3 one starts with it, 2 one contains it, 1 only a description does.

function fold(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += ch === '-' ? ' ' : ch;
  return out;
}

export function foldQuery(q: string): string {
  return fold(q).split(/\s+/).filter((w) => w !== '').join(' ');
}

export function searchTier(
  n: { name: string; nameEn: string; aliases: readonly string[]; description: string; descriptionEn: string },
  q: string,
): number {
  const query = foldQuery(q);
  if (query === '') return 0;
  const names = [n.name, n.nameEn, ...n.aliases].map(fold);
  const texts = [n.description, n.descriptionEn].map(fold);
  if (names.some((x) => x === query)) return 4;
  if (names.some((x) => x.slice(0, query.length) === query)) return 3;
  if (names.some((x) => x.indexOf(query) >= 0)) return 2;
  if (texts.some((x) => x.indexOf(query) >= 0)) return 1;
  return 0;
}
