/**
 * The memory store's query index over its graphology graph (`atlas-graph.ts`): nodes and
 * relationships in arrays sorted by id, and adjacency in compressed-sparse-row form (typed
 * arrays). A first version walked the graphology multigraph directly; on a 100k-node /
 * 500k-relationship synthetic graph its per-edge callbacks made hub walks and path searches
 * miss the latency targets (neighbourhood p99 10.7 ms, shortest path p99 237 ms), so the
 * queries walk integers instead:
 *
 * - node index = position in id order, relationship index = position in id order, so
 *   "sort by id" is a numeric sort and "smallest id" is "smallest index";
 * - `adj*` hold, for every node, one entry per incident relationship (a relationship is
 *   listed at both ends; `adjOut` says which end), sorted by neighbour index then
 *   relationship index. Walking a node's entries therefore meets neighbours in id order.
 *
 * Dated labels get a `dateRank` (position when sorted by date key, undated last, then id)
 * so answers ordered "by date, then id" sort on one integer. Agencies get a `agencyRank`
 * (position among agencies by name, then id) for the same reason: the regulators answer
 * orders agencies by name, and comparing Chinese names was most of its cost on hubs.
 */
import { NODE_LABELS, REL_TYPES } from '../../../graph-seed/schema.js';
import { compareByDateThenId, compareStrings, dateKey, DATED_LABELS } from '../../../graph-seed/dates.js';
import type { MemoryGraph } from './memory-graph.js';
import type { ApiNode, ApiRelationship, NodeLabel, RelType } from '../types.js';

export const LABEL_INDEX: ReadonlyMap<string, number> = new Map(NODE_LABELS.map((l, i) => [l, i]));
export const TYPE_INDEX: ReadonlyMap<string, number> = new Map(REL_TYPES.map((t, i) => [t, i]));
/** Rank of each type's name in code-unit order (answers sort by type name). */
export const TYPE_NAME_RANK: readonly number[] = REL_TYPES.map((t) => [...REL_TYPES].sort(compareStrings).indexOf(t));

/** Bit mask of the given labels or types; every bit set when the list is absent or empty. */
export function maskOf(list: readonly string[] | undefined, index: ReadonlyMap<string, number>): number {
  if (list === undefined || list.length === 0) return 0xffffffff;
  let mask = 0;
  for (const x of list) {
    const i = index.get(x);
    if (i !== undefined) mask |= 1 << i;
  }
  return mask;
}

export class CompactGraph {
  readonly nodes: ApiNode[];
  readonly rels: ApiRelationship[];
  readonly indexOf = new Map<string, number>();
  readonly label: Uint8Array;
  /** Date key of Rules and Events that have a date; null otherwise. */
  readonly dateKeys: Array<string | null>;
  readonly dateRank: Int32Array;
  /** Agencies by name then id: `agencyRank[node]` (-1 for other labels) and its inverse. */
  readonly agencyRank: Int32Array;
  readonly agencyByRank: Int32Array;
  readonly relType: Uint8Array;
  readonly relSource: Int32Array;
  readonly relTarget: Int32Array;
  readonly adjStart: Int32Array;
  readonly adjNode: Int32Array;
  readonly adjRel: Int32Array;
  readonly adjOut: Uint8Array;

  constructor(graph: MemoryGraph) {
    this.nodes = graph.mapNodes((_, node) => node).sort((a, b) => compareStrings(a.id, b.id));
    const n = this.nodes.length;
    this.label = new Uint8Array(n);
    this.dateKeys = new Array<string | null>(n).fill(null);
    for (let i = 0; i < n; i++) {
      const node = this.nodes[i]!;
      if (this.indexOf.has(node.id)) throw new Error(`duplicate node id ${node.id}`);
      this.indexOf.set(node.id, i);
      this.label[i] = LABEL_INDEX.get(node.label)!;
      if (DATED_LABELS.has(node.label) && node.date !== undefined) this.dateKeys[i] = dateKey(node.date);
    }
    this.dateRank = new Int32Array(n);
    const byDate = this.nodes.map((_, i) => i).sort((a, b) => compareByDateThenId(this.nodes[a]!, this.nodes[b]!));
    byDate.forEach((node, rank) => (this.dateRank[node] = rank));
    const agency = LABEL_INDEX.get('Agency')!;
    const agencies = this.nodes.flatMap((_, i) => (this.label[i] === agency ? [i] : []));
    agencies.sort((a, b) => compareStrings(this.nodes[a]!.name, this.nodes[b]!.name) || a - b);
    this.agencyByRank = Int32Array.from(agencies);
    this.agencyRank = new Int32Array(n).fill(-1);
    agencies.forEach((node, rank) => (this.agencyRank[node] = rank));

    this.rels = graph.mapEdges((_, rel) => rel).sort((a, b) => compareStrings(a.id, b.id));
    const m = this.rels.length;
    this.relType = new Uint8Array(m);
    this.relSource = new Int32Array(m);
    this.relTarget = new Int32Array(m);
    const degree = new Int32Array(n + 1);
    for (let r = 0; r < m; r++) {
      const rel = this.rels[r]!;
      const s = this.indexOf.get(rel.source);
      const t = this.indexOf.get(rel.target);
      if (s === undefined || t === undefined) throw new Error(`relationship ${rel.id} joins a node that does not exist`);
      this.relType[r] = TYPE_INDEX.get(rel.type)!;
      this.relSource[r] = s;
      this.relTarget[r] = t;
      degree[s]!++;
      degree[t]!++;
    }
    this.adjStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.adjStart[i + 1] = this.adjStart[i]! + degree[i]!;
    const fill = this.adjStart.slice(0, n);
    this.adjNode = new Int32Array(2 * m);
    this.adjRel = new Int32Array(2 * m);
    this.adjOut = new Uint8Array(2 * m);
    for (let r = 0; r < m; r++) {
      const s = this.relSource[r]!;
      const t = this.relTarget[r]!;
      let k = fill[s]!++;
      this.adjNode[k] = t;
      this.adjRel[k] = r;
      this.adjOut[k] = 1;
      k = fill[t]!++;
      this.adjNode[k] = s;
      this.adjRel[k] = r;
      this.adjOut[k] = 0;
    }
    // Sort each node's entries by (neighbour, relationship); relationships were added in
    // index order, so a stable sort on the neighbour alone is enough.
    for (let i = 0; i < n; i++) this.sortEntries(this.adjStart[i]!, this.adjStart[i + 1]!);
  }

  get size(): number {
    return this.nodes.length;
  }

  typeName(r: number): RelType {
    return REL_TYPES[this.relType[r]!]!;
  }

  labelName(i: number): NodeLabel {
    return NODE_LABELS[this.label[i]!]!;
  }

  /** Visible at an asOf key (null: no asOf): see graph-seed/dates.ts. */
  visible(i: number, asOfKey: string | null): boolean {
    if (asOfKey === null) return true;
    const key = this.dateKeys[i];
    return key === null || key === undefined || key <= asOfKey;
  }

  private sortEntries(from: number, to: number): void {
    if (to - from < 2) return;
    const order = Array.from({ length: to - from }, (_, k) => from + k);
    order.sort((a, b) => this.adjNode[a]! - this.adjNode[b]! || this.adjRel[a]! - this.adjRel[b]!);
    const nodes = order.map((k) => this.adjNode[k]!);
    const rels = order.map((k) => this.adjRel[k]!);
    const outs = order.map((k) => this.adjOut[k]!);
    this.adjNode.set(nodes, from);
    this.adjRel.set(rels, from);
    this.adjOut.set(outs, from);
  }
}
