/**
 * The graph store held in process memory: the graph as a graphology multigraph (`model`),
 * and, derived from it for the latency targets, a CompactGraph (typed-array adjacency in id
 * order), a Walker for breadth-first walks and a SearchIndex. Answers follow the shared
 * semantics of `../as-of.ts` and `../search-text.ts`, so they equal the Neo4j store's
 * answers (the contract suite checks, `test/contract/`).
 *
 * Returned node and relationship objects are shared with the store: treat them as read-only.
 */
import { REL_TYPES, NODE_LABELS, type SeedGraph } from '../../../graph-seed/schema.js';
import { loadSeedGraph } from '../../../graph-seed/load-seed.js';
import { asOfKey, assertIsoDate, compareStrings, inDateRange, lowerBoundKey, upperBoundKey } from '../as-of.js';
import type {
  ApiNode,
  ChangesAnswer,
  GraphFilter,
  GraphStore,
  MatrixAnswer,
  NeighborhoodQuery,
  NeighborhoodResult,
  PathQuery,
  RegulatorsAnswer,
  RulesAnswer,
  SearchHit,
  SearchQuery,
  StoreCounts,
  Subgraph,
  TimelineAnswer,
} from '../types.js';
import { CompactGraph, LABEL_INDEX, maskOf, TYPE_INDEX, TYPE_NAME_RANK } from './compact-graph.js';
import { SearchIndex } from './search-index.js';
import { toAtlasGraph, type AtlasGraph } from './atlas-graph.js';
import { changesOf, matrixOf } from './teaching-memory.js';
import { Walker } from './traversal.js';

const T = (type: string): number => TYPE_INDEX.get(type)!;
const PART_OF = T('PART_OF');
const REGULATES = T('REGULATES');
const ISSUED = T('ISSUED');
const RULE_TOPIC_MASK = (1 << T('PROHIBITS')) | (1 << T('REQUIRES')) | (1 << T('ADDRESSES'));
const AGENCY = LABEL_INDEX.get('Agency')!;
const RULE = LABEL_INDEX.get('Rule')!;
const SEGMENT = LABEL_INDEX.get('Segment')!;
const TOPIC = LABEL_INDEX.get('Topic')!;
const ALL = 0xffffffff;
/** The deepest path search, as in the Neo4j store (whose Cypher caps variable length at 8). */
const MAX_PATH_LENGTH = 8;

export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  /** The graph itself (graphology); `g` and `index` are derived from it for queries. */
  readonly model: AtlasGraph;
  private readonly g: CompactGraph;
  private readonly walker: Walker;
  private readonly index: SearchIndex;
  private readonly countsCache: StoreCounts;
  private readonly timelineCache: TimelineAnswer;

  private constructor(graph: SeedGraph) {
    this.model = toAtlasGraph(graph);
    this.g = new CompactGraph(this.model);
    this.walker = new Walker(this.g);
    this.index = new SearchIndex(this.g.nodes);

    const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
    const types: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
    for (const n of this.g.nodes) labels[n.label] = (labels[n.label] ?? 0) + 1;
    for (const r of this.g.rels) types[r.type] = (types[r.type] ?? 0) + 1;
    this.countsCache = { nodes: this.g.nodes.length, relationships: this.g.rels.length, labels, types };

    const phases = this.g.nodes
      .filter((n) => n.label === 'Phase')
      .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareStrings(a.id, b.id));
    const dated = this.g.nodes
      .map((_, i) => i)
      .filter((i) => this.g.dateKeys[i] !== null)
      .sort((a, b) => this.g.dateRank[a]! - this.g.dateRank[b]!)
      .map((i) => this.g.nodes[i]!);
    this.timelineCache = { phases, rules: dated };
  }

  /** A store over an already validated graph (the seed, a fixture or a synthetic graph). */
  static fromGraph(graph: SeedGraph): MemoryStore {
    return new MemoryStore(graph);
  }

  /** A store over the seed files (`graph-seed/data`, or `dataDir`). */
  static async fromSeed(opts?: { dataDir?: string }): Promise<MemoryStore> {
    return new MemoryStore(await loadSeedGraph(opts));
  }

  async counts(): Promise<StoreCounts> {
    return structuredClone(this.countsCache);
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    return this.index.search(q.q, q.labels, q.limit);
  }

  async node(id: string): Promise<ApiNode | undefined> {
    const i = this.g.indexOf.get(id);
    return i === undefined ? undefined : this.g.nodes[i];
  }

  async neighborhood(q: NeighborhoodQuery): Promise<NeighborhoodResult | undefined> {
    const key = asOfKey(q.asOf);
    if (![1, 2, 3].includes(q.depth)) throw new RangeError(`depth must be 1, 2 or 3, got ${q.depth}`);
    const centre = this.g.indexOf.get(q.id);
    if (centre === undefined) return undefined;
    const typeMask = maskOf(q.types, TYPE_INDEX);
    const labelMask = maskOf(q.labels, LABEL_INDEX);
    const g = this.g;
    const nodeOk = (i: number): boolean => ((labelMask >>> g.label[i]!) & 1) === 1 && g.visible(i, key);
    const { kept, truncated } = this.walker.neighbourhood(centre, q.depth, q.limit, typeMask, nodeOk);
    return {
      nodes: kept.map((i) => g.nodes[i]!),
      relationships: this.walker.relationshipsAmong(kept, typeMask).map((r) => g.rels[r]!),
      truncated,
    };
  }

  async shortestPath(q: PathQuery): Promise<Subgraph | null | undefined> {
    if (!Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > MAX_PATH_LENGTH) {
      throw new RangeError(`maxLength must be an integer from 1 to ${MAX_PATH_LENGTH}, got ${q.maxLength}`);
    }
    const from = this.g.indexOf.get(q.from);
    const to = this.g.indexOf.get(q.to);
    if (from === undefined || to === undefined) return undefined;
    const path = this.walker.shortestPath(from, to, q.maxLength, q.directed, maskOf(q.types, TYPE_INDEX));
    if (path === null) return null;
    return { nodes: path.nodes.map((i) => this.g.nodes[i]!), relationships: path.rels.map((r) => this.g.rels[r]!) };
  }

  async regulators(segmentId: string, asOf?: string): Promise<RegulatorsAnswer | undefined> {
    const g = this.g;
    const seg = g.indexOf.get(segmentId);
    if (seg === undefined || g.label[seg] !== SEGMENT) return undefined;
    const key = asOfKey(asOf);
    // Entries in parallel arrays (answers can hold thousands: no object per entry until the end).
    const eAgency: number[] = [];
    const eRule: number[] = [];
    const eSeg: number[] = [];
    const eIss: number[] = [];
    const eReg: number[] = [];
    const keys: number[] = [];
    for (const s of this.walker.partOfClosure(seg, PART_OF)) {
      for (let k = g.adjStart[s]!, end = g.adjStart[s + 1]!; k < end; k++) {
        const reg = g.adjRel[k]!;
        const rule = g.adjNode[k]!;
        if (g.adjOut[k] === 1 || g.relType[reg] !== REGULATES || g.label[rule] !== RULE || !g.visible(rule, key)) continue;
        for (let j = g.adjStart[rule]!, end2 = g.adjStart[rule + 1]!; j < end2; j++) {
          const iss = g.adjRel[j]!;
          const agency = g.adjNode[j]!;
          if (g.adjOut[j] === 1 || g.relType[iss] !== ISSUED || g.label[agency] !== AGENCY) continue;
          eAgency.push(agency);
          eRule.push(rule);
          eSeg.push(s);
          eIss.push(iss);
          eReg.push(reg);
          // Rules by date then id (dateRank), then the segment id.
          keys.push(g.dateRank[rule]! * g.size + s);
        }
      }
    }
    const perAgency = new Map<number, number[]>();
    for (const e of sortedOrder(keys)) {
      const list = perAgency.get(eAgency[e]!);
      if (list) list.push(e);
      else perAgency.set(eAgency[e]!, [e]);
    }
    const groups = [...perAgency].map(([agency, entries]) => {
      // Sorted by rule first, so a rule's entries are adjacent.
      let ruleCount = 0;
      for (let i = 0; i < entries.length; i++) if (i === 0 || eRule[entries[i]!] !== eRule[entries[i - 1]!]) ruleCount++;
      return { agency, entries, ruleCount };
    });
    groups.sort(
      (a, b) =>
        b.ruleCount - a.ruleCount || compareStrings(g.nodes[a.agency]!.name, g.nodes[b.agency]!.name) || a.agency - b.agency,
    );
    return {
      segment: g.nodes[seg]!,
      agencies: groups.map(({ agency, entries }) => ({
        agency: g.nodes[agency]!,
        rules: entries.map((e) => ({
          rule: g.nodes[eRule[e]!]!,
          segment: g.nodes[eSeg[e]!]!,
          issued: g.rels[eIss[e]!]!,
          regulates: g.rels[eReg[e]!]!,
        })),
      })),
    };
  }

  async rulesTouching(topicId: string, asOf?: string): Promise<RulesAnswer | undefined> {
    const g = this.g;
    const topic = g.indexOf.get(topicId);
    if (topic === undefined || g.label[topic] !== TOPIC) return undefined;
    const key = asOfKey(asOf);
    const fRule: number[] = [];
    const fRel: number[] = [];
    const fTopic: number[] = [];
    const keys: number[] = [];
    for (const t of this.walker.partOfClosure(topic, PART_OF)) {
      for (let k = g.adjStart[t]!, end = g.adjStart[t + 1]!; k < end; k++) {
        const rel = g.adjRel[k]!;
        const rule = g.adjNode[k]!;
        if (g.adjOut[k] === 1 || ((RULE_TOPIC_MASK >>> g.relType[rel]!) & 1) === 0) continue;
        if (g.label[rule] !== RULE || !g.visible(rule, key)) continue;
        fRule.push(rule);
        fRel.push(rel);
        fTopic.push(t);
        // By rule date then id (dateRank), type name, topic id.
        keys.push((g.dateRank[rule]! * TYPE_NAME_RANK.length + TYPE_NAME_RANK[g.relType[rel]!]!) * g.size + t);
      }
    }
    return {
      topic: g.nodes[topic]!,
      rules: sortedOrder(keys).map((e) => ({
        rule: g.nodes[fRule[e]!]!,
        relationship: g.rels[fRel[e]!]!,
        topic: g.nodes[fTopic[e]!]!,
        sources: g.rels[fRel[e]!]!.sources,
      })),
    };
  }

  async timeline(): Promise<TimelineAnswer> {
    return { phases: [...this.timelineCache.phases], rules: [...this.timelineCache.rules] };
  }

  // The teaching answers work on the whole graph as `graph()` returns it (see teaching-memory.ts).
  async changes(from: string, to: string): Promise<ChangesAnswer> {
    return changesOf(await this.graph({}), from, to);
  }

  async matrix(asOf?: string): Promise<MatrixAnswer> {
    return matrixOf(await this.graph({}), asOf);
  }

  async graph(filter: GraphFilter): Promise<Subgraph> {
    if (filter.from !== undefined) assertIsoDate(filter.from, 'from');
    if (filter.to !== undefined) assertIsoDate(filter.to, 'to');
    const fromKey = filter.from === undefined ? null : lowerBoundKey(filter.from);
    const toKey = filter.to === undefined ? null : upperBoundKey(filter.to);
    const key = asOfKey(filter.asOf);
    const labelMask = maskOf(filter.labels, LABEL_INDEX);
    const typeMask = maskOf(filter.types, TYPE_INDEX);
    const g = this.g;
    const kept = new Uint8Array(g.size);
    const nodes: ApiNode[] = [];
    for (let i = 0; i < g.size; i++) {
      const n = g.nodes[i]!;
      if (((labelMask >>> g.label[i]!) & 1) === 1 && g.visible(i, key) && inDateRange(n, fromKey, toKey)) {
        kept[i] = 1;
        nodes.push(n);
      }
    }
    const relationships = [];
    for (let r = 0; r < g.rels.length; r++) {
      if (((typeMask >>> g.relType[r]!) & 1) === 1 && kept[g.relSource[r]!] === 1 && kept[g.relTarget[r]!] === 1) {
        relationships.push(g.rels[r]!);
      }
    }
    return { nodes, relationships };
  }

  async subgraph(ids: string[]): Promise<Subgraph> {
    const present = [...new Set(ids)]
      .map((id) => this.g.indexOf.get(id))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    return {
      nodes: present.map((i) => this.g.nodes[i]!),
      relationships: this.walker.relationshipsAmong(present, ALL).map((r) => this.g.rels[r]!),
    };
  }

  async close(): Promise<void> {
    // Nothing to release: the graph is garbage-collected with the store.
  }
}

/**
 * Indices of `keys` in ascending key order (keys are distinct non-negative integers, or
 * ties broken by index). Packs key and index into one float for a native numeric sort when
 * that stays exact, else sorts with a comparator.
 */
function sortedOrder(keys: readonly number[]): number[] {
  const n = keys.length;
  let max = 0;
  for (const k of keys) if (k > max) max = k;
  if ((max + 1) * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * n + i;
    packed.sort();
    return Array.from(packed, (v) => v % n);
  }
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}
