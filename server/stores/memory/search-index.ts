/**
 * In-memory search index with the tiers of `../search-text.ts`, built to answer in a few
 * milliseconds on graphs of 100k+ nodes.
 *
 * Every node gets a rank: its position when sorted by the tie-break (name length, then id).
 * Posting lists hold ranks in ascending order, so walking a posting list visits candidates
 * already in tie-break order and each tier can stop as soon as it has filled `limit`.
 *
 * - `exact`:     normalised name/nameEn/alias → ranks                     (tier 4)
 * - `nameGrams`: every character and character pair of the names → ranks (tiers 3 and 2)
 * - `textGrams`: the same over the two descriptions                       (tier 1)
 * - `sortedNames`: all normalised names sorted, to count prefix matches by binary search.
 *
 * A query's candidates are the posting list of its rarest gram (every node containing the
 * query contains each of its grams), checked against the real strings.
 */
import type { NodeLabel } from '../../../graph-seed/schema.js';
import { compareStrings } from '../as-of.js';
import {
  nameFields,
  normaliseQuery,
  textFields,
  TIER_CONTAINS,
  TIER_DESCRIPTION,
  TIER_EXACT,
  TIER_PREFIX,
  type SearchableNode,
} from '../search-text.js';
import type { SearchHit } from '../types.js';

interface IndexedNode extends SearchableNode {
  id: string;
  label: NodeLabel;
}

/** Above this many prefix matches, tier 3 is found by scanning instead of sorting the range. */
const SMALL_PREFIX_RANGE = 256;

export class SearchIndex {
  private readonly byRank: IndexedNode[];
  private readonly names: string[][];
  private readonly texts: string[][];
  private readonly exact = new Map<string, number[]>();
  private readonly nameGrams = new Map<string, number[]>();
  private readonly textGrams = new Map<string, number[]>();
  /** Normalised name strings (sorted) and the rank each belongs to, aligned. */
  private readonly sortedNames: string[];
  private readonly sortedNameRanks: number[];

  constructor(nodes: readonly IndexedNode[]) {
    this.byRank = [...nodes].sort(
      (a, b) => a.name.length - b.name.length || compareStrings(a.id, b.id),
    );
    this.names = this.byRank.map(nameFields);
    this.texts = this.byRank.map(textFields);
    const pairs: Array<[string, number]> = [];
    for (let rank = 0; rank < this.byRank.length; rank++) {
      const names = this.names[rank]!;
      for (const name of new Set(names)) {
        pushPosting(this.exact, name, rank);
        pairs.push([name, rank]);
      }
      addGrams(this.nameGrams, names, rank);
      addGrams(this.textGrams, this.texts[rank]!, rank);
    }
    pairs.sort((a, b) => compareStrings(a[0], b[0]) || a[1] - b[1]);
    this.sortedNames = pairs.map((p) => p[0]);
    this.sortedNameRanks = pairs.map((p) => p[1]);
  }

  get size(): number {
    return this.byRank.length;
  }

  search(query: string, labels: readonly NodeLabel[] | undefined, limit: number): SearchHit[] {
    const q = normaliseQuery(query);
    if (q.length === 0 || limit <= 0) return [];
    const labelSet = labels && labels.length > 0 ? new Set<string>(labels) : null;
    const accepts = (rank: number): boolean => labelSet === null || labelSet.has(this.byRank[rank]!.label);
    const hits: SearchHit[] = [];
    const taken = new Set<number>();
    const add = (rank: number, tier: number): void => {
      const n = this.byRank[rank]!;
      taken.add(rank);
      hits.push({ id: n.id, label: n.label, name: n.name, nameEn: n.nameEn, score: tier });
    };

    // Tier 4: exact name or alias.
    for (const rank of this.exact.get(q) ?? []) {
      if (hits.length >= limit) return hits;
      if (accepts(rank)) add(rank, TIER_EXACT);
    }
    if (hits.length >= limit) return hits;

    // Tiers 3 and 2 from the name candidates.
    const [lo, hi] = this.prefixRange(q);
    const nameCandidates = this.candidates(this.nameGrams, q);
    if (hi - lo <= SMALL_PREFIX_RANGE) {
      // Few prefix matches: take them directly, then contains-matches in rank order.
      const prefixRanks = [...new Set(this.sortedNameRanks.slice(lo, hi))].sort((a, b) => a - b);
      for (const rank of prefixRanks) {
        if (hits.length >= limit) return hits;
        if (!taken.has(rank) && accepts(rank)) add(rank, TIER_PREFIX);
      }
      for (const rank of nameCandidates) {
        if (hits.length >= limit) return hits;
        if (!taken.has(rank) && accepts(rank) && this.names[rank]!.some((x) => x.includes(q))) add(rank, TIER_CONTAINS);
      }
    } else {
      // Many prefix matches: one scan, buffering contains-matches until the prefix tier is known.
      const contains: number[] = [];
      for (const rank of nameCandidates) {
        if (hits.length >= limit) return hits;
        if (taken.has(rank) || !accepts(rank)) continue;
        const names = this.names[rank]!;
        if (names.some((x) => x.startsWith(q))) add(rank, TIER_PREFIX);
        else if (contains.length < limit && names.some((x) => x.includes(q))) contains.push(rank);
      }
      for (const rank of contains) {
        if (hits.length >= limit) return hits;
        add(rank, TIER_CONTAINS);
      }
    }
    if (hits.length >= limit) return hits;

    // Tier 1: descriptions only.
    for (const rank of this.candidates(this.textGrams, q)) {
      if (hits.length >= limit) return hits;
      if (!taken.has(rank) && accepts(rank) && this.texts[rank]!.some((x) => x.includes(q))) add(rank, TIER_DESCRIPTION);
    }
    return hits;
  }

  /** Posting list of the rarest gram of the query (empty when some gram occurs nowhere). */
  private candidates(index: Map<string, number[]>, q: string): readonly number[] {
    let best: number[] | undefined;
    for (const gram of gramsOf(q)) {
      const list = index.get(gram);
      if (list === undefined) return [];
      if (best === undefined || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  /** [lo, hi) of `sortedNames` starting with q. */
  private prefixRange(q: string): [number, number] {
    const lo = lowerBound(this.sortedNames, q);
    // Every string starting with q sorts below q + U+FFFF.
    const hi = lowerBound(this.sortedNames, q + '\uffff');
    return [lo, hi];
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters and adjacent character pairs of a string (code units; the seed is BMP text). */
function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    grams.add(text[i]!);
    if (i + 1 < text.length) grams.add(text.slice(i, i + 2));
  }
  return grams;
}

function addGrams(index: Map<string, number[]>, fields: readonly string[], rank: number): void {
  const grams = new Set<string>();
  for (const field of fields) for (const g of gramsOf(field)) grams.add(g);
  for (const g of grams) pushPosting(index, g, rank);
}

function pushPosting(index: Map<string, number[]>, key: string, rank: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [rank]);
  else list.push(rank);
}
