/**
 * In-memory search index with the tiers of `graph-seed/search-text.ts`, built to answer in a few
 * milliseconds on graphs of 100k+ nodes.
 *
 * Every node gets a rank: its position when sorted by the tie-break (name length, then id).
 * Posting lists hold ranks in ascending order, so walking a posting list visits candidates
 * already in tie-break order and each tier can stop as soon as it has filled `limit`.
 *
 * - `exact`:     normalised name/nameEn/alias → ranks                     (tier 4)
 * - `nameGrams`: every character and character pair of the names → ranks (tiers 3 and 2),
 *                keyed by integers (see forEachGram), in one typed array (gram-postings.ts)
 * - `textGrams`: the same over the two descriptions                       (tier 1)
 * - `sortedNames`: all normalised names sorted, to count prefix matches by binary search.
 *
 * Tier 3 needs no candidates: the names starting with the query are one range of
 * `sortedNames`. For tiers 2 and 1 a node containing the query contains each of its grams,
 * so candidates are the intersection of the three rarest posting lists, walked in rank
 * order and checked against the real strings.
 */
import type { NodeLabel } from '../../../graph-seed/schema.js';
import { compareStrings } from '../../../graph-seed/dates.js';
import {
  nameFields,
  normaliseQuery,
  textFields,
  TIER_CONTAINS,
  TIER_DESCRIPTION,
  TIER_EXACT,
  TIER_PREFIX,
  type SearchableNode,
} from '../../../graph-seed/search-text.js';
import type { SearchHit } from '../types.js';
import { forEachGram, GramPostings } from './gram-postings.js';

interface IndexedNode extends SearchableNode {
  id: string;
  label: NodeLabel;
}

/** Above this many prefix matches, tier 3 keeps a heap instead of sorting the whole range. */
const SMALL_PREFIX_RANGE = 1024;

export class SearchIndex {
  private readonly byRank: IndexedNode[];
  private readonly names: string[][];
  private readonly texts: string[][];
  private readonly exact = new Map<string, number[]>();
  private readonly nameGrams: GramPostings;
  private readonly textGrams: GramPostings;
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
    }
    this.nameGrams = new GramPostings(this.byRank.length, (rank) => this.names[rank]!);
    this.textGrams = new GramPostings(this.byRank.length, (rank) => this.texts[rank]!);
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

    // Tier 3: names starting with the query, a contiguous range of the sorted names.
    const [lo, hi] = this.prefixRange(q);
    for (const rank of this.smallestRanks(lo, hi, limit - hits.length, (r) => !taken.has(r) && accepts(r))) {
      add(rank, TIER_PREFIX);
    }
    if (hits.length >= limit) return hits;

    // Tier 2: names containing it. Every prefix match is taken by now (else we returned).
    this.forEachCandidate(this.nameGrams, q, (rank) => {
      if (!taken.has(rank) && accepts(rank) && this.names[rank]!.some((x) => x.includes(q))) add(rank, TIER_CONTAINS);
      return hits.length < limit;
    });
    if (hits.length >= limit) return hits;

    // Tier 1: descriptions only.
    this.forEachCandidate(this.textGrams, q, (rank) => {
      if (!taken.has(rank) && accepts(rank) && this.texts[rank]!.some((x) => x.includes(q))) add(rank, TIER_DESCRIPTION);
      return hits.length < limit;
    });
    return hits;
  }

  /**
   * Visits, in rank order, the nodes holding each of the query's three rarest grams (an
   * intersection of sorted posting lists) until `visit` returns false. A candidate still
   * has to be checked against the real strings.
   */
  private forEachCandidate(index: GramPostings, q: string, visit: (rank: number) => boolean): void {
    const lists = new Map<number, Int32Array>();
    let missing = false;
    forEachGram(q, (gram) => {
      const slot = index.slotOf(gram);
      if (slot < 0) missing = true;
      else if (!lists.has(slot)) lists.set(slot, index.get(gram)!);
    });
    if (missing || lists.size === 0) return;
    const [first, ...others] = [...lists.values()].sort((a, b) => a.length - b.length).slice(0, 3);
    const at = others.map(() => 0);
    next: for (const rank of first!) {
      for (let j = 0; j < others.length; j++) {
        const list = others[j]!;
        let p = at[j]!;
        while (p < list.length && list[p]! < rank) p++;
        at[j] = p;
        if (p === list.length) return;
        if (list[p] !== rank) continue next;
      }
      if (!visit(rank)) return;
    }
  }

  /** The `count` smallest distinct ranks in sortedNameRanks[lo, hi) that pass `ok`, ascending. */
  private smallestRanks(lo: number, hi: number, count: number, ok: (rank: number) => boolean): number[] {
    if (hi - lo <= SMALL_PREFIX_RANGE) {
      const ranks = [...new Set(this.sortedNameRanks.slice(lo, hi))].filter(ok).sort((a, b) => a - b);
      return ranks.slice(0, count);
    }
    // A large range (a common prefix): keep the best `count` in a max-heap instead of sorting it all.
    const heap = new MaxHeap();
    const inHeap = new Set<number>();
    for (let i = lo; i < hi; i++) {
      const rank = this.sortedNameRanks[i]!;
      if (inHeap.has(rank) || (heap.size >= count && rank >= heap.peek())) continue;
      if (!ok(rank)) continue;
      heap.push(rank);
      inHeap.add(rank);
      if (heap.size > count) inHeap.delete(heap.pop());
    }
    return heap.drain().sort((a, b) => a - b);
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

function pushPosting(index: Map<string, number[]>, key: string, rank: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [rank]);
  else list.push(rank);
}

/** A binary max-heap of numbers. */
class MaxHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0]!;
  }

  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! >= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let big = i;
        if (l < a.length && a[l]! > a[big]!) big = l;
        if (r < a.length && a[r]! > a[big]!) big = r;
        if (big === i) break;
        [a[big], a[i]] = [a[i]!, a[big]!];
        i = big;
      }
    }
    return top;
  }

  drain(): number[] {
    return this.items.splice(0);
  }
}
