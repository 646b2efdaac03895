/**
 * Where every quote of the seed stands in the report: its heading path (chapter › section ›
 * table) and its character range. `npm run seed:places` writes the places to
 * `graph-seed/quote-places.json` (generated, committed), so the product can show a quote's
 * place where the full text is not installed, and `seed:validate` checks that the file still
 * matches the seed (and, with the text, the text).
 *
 * A quote is found as the quote check finds it (whitespace removed on both sides). A quote
 * found more than once is resolved by its citation's `section`; one that runs across a
 * table cell (a tab, or from one row to the next) or across a heading is resolved but
 * flagged, for the data to be corrected.
 */
import { createHash } from 'node:crypto';
import { headingAt, headingLineRanges, readOutline, type OutlineHeading, type OutlineKind } from './quote-places-outline.js';
import { squeeze } from './quote-check.js';
import type { Source } from './schema.js';

/** The generated file, relative to the repository root. */
export const QUOTE_PLACES_FILE = 'graph-seed/quote-places.json';
export const PLACES_COMMAND = 'npm run seed:places';

/** What may be wrong with a quote's place (the place is still given). */
export type PlaceProblem =
  /** The quote joins two cells of a table (a tab, or the end of a row and the next). */
  | 'crosses-cell'
  /** The quote runs across a heading line or from one heading's text into the next. */
  | 'crosses-heading'
  /** The citation's `section` is not on the heading path of any occurrence. */
  | 'section-mismatch'
  /** Several occurrences stand under the cited section; the first is taken. */
  | 'ambiguous';

export interface PlaceHeading {
  kind: OutlineKind;
  title: string;
  parent?: number;
  start: number;
  end: number;
}

export interface QuotePlace {
  section: string;
  quote: string;
  /** Character range in the text (JavaScript string indices), from the quote's first to its last non-space character. */
  start: number;
  end: number;
  /** Index into `headings` of the innermost heading the quote stands under. */
  heading: number;
  /** How many times the quote occurs in the whole text (when more than once). */
  occurrences?: number;
  problems?: PlaceProblem[];
}

export interface QuotePlacesFile {
  comment: string;
  /** The text the places were computed from, so a different text is noticed. */
  text: { sha256: string; chars: number };
  headings: PlaceHeading[];
  /** In document order (start, then quote, then section). */
  places: QuotePlace[];
}

/** A citation's key: what the file is checked against without the text. */
export function placeKey(s: Pick<Source, 'section' | 'quote'>): string {
  return `${s.section}\u0000${s.quote}`;
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The squeezed text and, for each of its characters, the index in the original. */
class SqueezedText {
  readonly squeezed: string;
  readonly origin: number[];
  constructor(text: string) {
    const chars: string[] = [];
    this.origin = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (/\s/u.test(c)) continue;
      chars.push(c);
      this.origin.push(i);
    }
    this.squeezed = chars.join('');
  }

  /** Every occurrence of the quote as [start, end) in the original text. */
  find(quote: string): Array<[number, number]> {
    const needle = squeeze(quote);
    const found: Array<[number, number]> = [];
    if (needle === '') return found;
    let at = this.squeezed.indexOf(needle);
    while (at !== -1) {
      found.push([this.origin[at]!, this.origin[at + needle.length - 1]! + 1]);
      at = this.squeezed.indexOf(needle, at + 1);
    }
    return found;
  }
}

function onPath(outline: readonly OutlineHeading[], h: OutlineHeading | undefined, section: string): boolean {
  const want = squeeze(section);
  for (let cur = h; cur !== undefined; cur = cur.parent === undefined ? undefined : outline[cur.parent]) {
    if (cur.lines.some((l) => squeeze(l) === want) || squeeze(cur.title) === want) return true;
  }
  return false;
}

function problemsOf(text: string, outline: readonly OutlineHeading[], lineRanges: ReadonlyArray<[number, number]>, start: number, end: number): PlaceProblem[] {
  const problems: PlaceProblem[] = [];
  const span = text.slice(start, end);
  const first = headingAt(outline, start);
  const lastHeading = headingAt(outline, end - 1);
  const inTable = first?.kind === 'table' || lastHeading?.kind === 'table';
  if (span.includes('\t') || (inTable && span.includes('\n'))) problems.push('crosses-cell');
  if (first !== lastHeading || lineRanges.some(([a, b]) => start < b && a < end && !(start >= a && end <= b))) problems.push('crosses-heading');
  return problems;
}

export interface PlacesResult {
  file: QuotePlacesFile;
  /** Citations whose quote is not in the text (the quote check reports them). */
  notFound: Source[];
}

/** Resolves every distinct (section, quote) of `sources` against the text. */
export function computePlaces(text: string, sources: Iterable<Source>): PlacesResult {
  const outline = readOutline(text);
  const lineRanges = headingLineRanges(outline);
  const squeezed = new SqueezedText(text);
  const seen = new Set<string>();
  const places: QuotePlace[] = [];
  const notFound: Source[] = [];
  for (const s of sources) {
    const key = placeKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    const all = squeezed.find(s.quote);
    if (all.length === 0) {
      notFound.push({ section: s.section, quote: s.quote });
      continue;
    }
    const inSection = all.filter(([a]) => onPath(outline, headingAt(outline, a), s.section));
    const [start, end] = (inSection[0] ?? all[0])!;
    const problems = problemsOf(text, outline, lineRanges, start, end);
    if (inSection.length === 0) problems.push('section-mismatch');
    else if (inSection.length > 1) problems.push('ambiguous');
    const heading = headingAt(outline, start);
    const place: QuotePlace = { section: s.section, quote: s.quote, start, end, heading: heading?.index ?? -1 };
    if (all.length > 1) place.occurrences = all.length;
    if (problems.length > 0) place.problems = problems;
    places.push(place);
  }
  places.sort((a, b) => a.start - b.start || cmp(a.quote, b.quote) || cmp(a.section, b.section));
  return {
    file: {
      comment: `Generated by \`${PLACES_COMMAND}\` from the report text: where each quote of the seed and the tours stands. Do not edit by hand.`,
      text: { sha256: textDigest(text), chars: text.length },
      headings: outline.map((h) => ({
        kind: h.kind,
        title: h.title,
        ...(h.parent === undefined ? {} : { parent: h.parent }),
        start: h.start,
        end: h.end,
      })),
      places,
    },
    notFound,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file as written: one place per line keeps diffs readable. */
export function formatPlacesFile(file: QuotePlacesFile): string {
  const rows = (items: readonly unknown[]): string => items.map((p) => `    ${JSON.stringify(p)}`).join(',\n');
  return [
    '{',
    `  "comment": ${JSON.stringify(file.comment)},`,
    `  "text": ${JSON.stringify(file.text)},`,
    `  "headings": [\n${rows(file.headings)}\n  ],`,
    `  "places": [\n${rows(file.places)}\n  ]`,
    '}',
    '',
  ].join('\n');
}

/**
 * What is wrong with the places file for these citations: a citation without a place, a
 * place no citation has, or (with the text) a place that no longer matches it. Each message
 * says to run the generator.
 */
export function checkPlacesFile(file: QuotePlacesFile | undefined, sources: Iterable<Source>, text?: string): string[] {
  const rerun = `run \`${PLACES_COMMAND}\``;
  if (file === undefined) return [`${QUOTE_PLACES_FILE} is missing; ${rerun}`];
  const cited = new Map<string, Source>();
  for (const s of sources) cited.set(placeKey(s), s);
  const placed = new Map(file.places.map((p) => [placeKey(p), p]));
  const problems: string[] = [];
  for (const [key, s] of cited) {
    if (!placed.has(key)) problems.push(`the quote "${short(s.quote)}" (${s.section}) has no place in ${QUOTE_PLACES_FILE}; ${rerun}`);
  }
  for (const [key, p] of placed) {
    if (!cited.has(key)) problems.push(`${QUOTE_PLACES_FILE} has a stale place for "${short(p.quote)}" (${p.section}), which nothing cites any more; ${rerun}`);
  }
  if (text !== undefined && problems.length === 0) {
    const fresh = computePlaces(text, cited.values()).file;
    if (fresh.text.sha256 !== file.text.sha256) {
      problems.push(`${QUOTE_PLACES_FILE} was computed from another copy of the report text (sha256 differs); ${rerun}`);
    } else if (formatPlacesFile(fresh) !== formatPlacesFile(file)) {
      problems.push(`${QUOTE_PLACES_FILE} is out of date with the text (offsets or headings differ); ${rerun}`);
    }
  }
  return problems;
}

function short(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** The heading path of a place, outermost first. */
export function placePath(file: Pick<QuotePlacesFile, 'headings'>, heading: number): PlaceHeading[] {
  const path: PlaceHeading[] = [];
  let h = file.headings[heading];
  while (h !== undefined) {
    path.unshift(h);
    h = h.parent === undefined ? undefined : file.headings[h.parent];
  }
  return path;
}
