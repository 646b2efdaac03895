/**
 * The graph store held in process memory: the graph as a graphology multigraph (`model`),
 * and, derived from it for the latency targets, a CompactGraph (typed-array adjacency in id
 * order), a Walker for breadth-first walks and a SearchIndex. Answers follow the shared
 * semantics of `graph-seed/dates.ts` and `graph-seed/search-text.ts`, so they equal the Neo4j store's
 * answers (the contract suite checks, `test/contract/`).
 *
 * Returned node and relationship objects are shared with the store: treat them as read-only.
 */
import { createHash } from 'node:crypto';
import { REL_TYPES, NODE_LABELS, type SeedGraph } from '../../../graph-seed/schema.js';
import { loadSeedGraph } from '../../../graph-seed/load-seed.js';
import { asOfKey, compareByDateThenId, compareStrings, inDateRange, rangeKeys } from '../../../graph-seed/dates.js';
import { checkDepth, checkPathLength, checkQuestionLimit, QUESTION_LIMIT_DEFAULT } from '../preconditions.js';
import {
  type ApiNode,
  type ApiRelationship,
  type ChangesAnswer,
  type GraphFilter,
  type GraphStore,
  type MatrixAnswer,
  type NeighborhoodQuery,
  type NeighborhoodResult,
  type PathQuery,
  type RegulatorsAnswer,
  type RulesAnswer,
  type SearchHit,
  type SearchQuery,
  type StoreCounts,
  type Subgraph,
  type TimelineAnswer,
} from '../types.js';
import { CompactGraph, LABEL_INDEX, maskOf, TYPE_INDEX, TYPE_NAME_RANK } from './compact-graph.js';
import { SearchIndex } from './search-index.js';
import { toMemoryGraph, type MemoryGraph } from './memory-graph.js';
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

export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  /** The graph itself (graphology); `g` and `index` are derived from it for queries. */
  readonly model: MemoryGraph;
  private readonly g: CompactGraph;
  private readonly walker: Walker;
  private readonly index: SearchIndex;
  private readonly countsCache: StoreCounts;
  private readonly timelineCache: TimelineAnswer;
  private revisionCache: string | undefined;

  private constructor(graph: SeedGraph) {
    this.model = toMemoryGraph(graph);
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

  /**
   * The graph never changes in this store, so its revision is a hash of the graph: servers
   * over the same seed give the same ETags. Computed on first use (about a second per 100k
   * nodes), then kept.
   */
  async revision(): Promise<string> {
    if (this.revisionCache === undefined) {
      const hash = createHash('sha256');
      for (const n of this.g.nodes) hash.update(JSON.stringify(n)).update('\n');
      for (const r of this.g.rels) hash.update(JSON.stringify(r)).update('\n');
      this.revisionCache = `m.${hash.digest('base64url').slice(0, 22)}`;
    }
    return this.revisionCache;
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
    checkDepth(q);
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
    checkPathLength(q);
    const from = this.g.indexOf.get(q.from);
    const to = this.g.indexOf.get(q.to);
    if (from === undefined || to === undefined) return undefined;
    const path = this.walker.shortestPath(from, to, q.maxLength, q.directed, maskOf(q.types, TYPE_INDEX));
    if (path === null) return null;
    return { nodes: path.nodes.map((i) => this.g.nodes[i]!), relationships: path.rels.map((r) => this.g.rels[r]!) };
  }

  async regulators(segmentId: string, asOf?: string, limit = QUESTION_LIMIT_DEFAULT): Promise<RegulatorsAnswer | undefined> {
    checkQuestionLimit(limit);
    const g = this.g;
    const seg = g.indexOf.get(segmentId);
    if (seg === undefined || g.label[seg] !== SEGMENT) return undefined;
    const key = asOfKey(asOf);
    // Answer order: agencies by distinct rules (desc), then name and id (agencyRank); within
    // an agency, entries by rule date and id (dateRank), then segment. A hub's answer has
    // thousands of entries but keeps only `limit`, so one pass counts rules and entries per
    // agency, the agencies are ordered on integers, and only the kept agencies' entries are
    // sorted and turned into objects.
    const { adjStart, adjNode, adjRel, adjOut, relType, label, dateRank, agencyRank } = g;
    const agencyCount = g.agencyByRank.length;
    const ruleCount = new Int32Array(agencyCount);
    const entryCount = new Int32Array(agencyCount);
    const present: number[] = [];
    // Entries in parallel arrays: no object per entry until the end.
    const eAgency: number[] = [];
    const eRule: number[] = [];
    const eSeg: number[] = [];
    const eIss: number[] = [];
    const eReg: number[] = [];
    const closure = this.walker.partOfClosure(seg, PART_OF);
    // A rule reached through two narrower segments counts once per agency.
    const firstTime = this.walker.freshMarks();
    for (const s of closure) {
      for (let k = adjStart[s]!, end = adjStart[s + 1]!; k < end; k++) {
        const reg = adjRel[k]!;
        const rule = adjNode[k]!;
        if (adjOut[k] === 1 || relType[reg] !== REGULATES || label[rule] !== RULE || !g.visible(rule, key)) continue;
        const newRule = firstTime(rule);
        for (let j = adjStart[rule]!, end2 = adjStart[rule + 1]!; j < end2; j++) {
          const iss = adjRel[j]!;
          const agency = adjNode[j]!;
          if (adjOut[j] === 1 || relType[iss] !== ISSUED || label[agency] !== AGENCY) continue;
          const a = agencyRank[agency]!;
          if (entryCount[a]!++ === 0) present.push(a);
          if (newRule) ruleCount[a]!++;
          eAgency.push(a);
          eRule.push(rule);
          eSeg.push(s);
          eIss.push(iss);
          eReg.push(reg);
        }
      }
    }
    let most = 0;
    for (const a of present) if (ruleCount[a]! > most) most = ruleCount[a]!;
    const agencyOrder = sortedOrder(present.map((a) => (most - ruleCount[a]!) * agencyCount + a)).map((i) => present[i]!);
    // The agencies the answer keeps: in order, until `limit` entries are reached.
    const position = new Int32Array(agencyCount).fill(-1);
    let kept = 0;
    let reached = 0;
    while (kept < agencyOrder.length && reached < limit) {
      const a = agencyOrder[kept]!;
      position[a] = kept++;
      reached += entryCount[a]!;
    }
    const keptEntries: number[] = [];
    const keys: number[] = [];
    const size = g.size;
    for (let e = 0; e < eAgency.length; e++) {
      if (position[eAgency[e]!]! < 0) continue;
      keptEntries.push(e);
      keys.push(dateRank[eRule[e]!]! * size + eSeg[e]!);
    }
    const perAgency: number[][] = Array.from({ length: kept }, () => []);
    for (const i of sortedOrder(keys)) perAgency[position[eAgency[keptEntries[i]!]!]!]!.push(keptEntries[i]!);

    const agencies: RegulatorsAnswer['agencies'] = [];
    let room = limit;
    for (let p = 0; p < kept; p++) {
      const entries = perAgency[p]!.slice(0, room);
      room -= entries.length;
      agencies.push({
        agency: g.nodes[g.agencyByRank[agencyOrder[p]!]!]!,
        ruleCount: ruleCount[agencyOrder[p]!]!,
        rules: entries.map((e) => ({
          rule: g.nodes[eRule[e]!]!,
          segment: g.nodes[eSeg[e]!]!,
          issued: g.rels[eIss[e]!]!,
          regulates: g.rels[eReg[e]!]!,
        })),
      });
    }
    const { through, broader, total } = this.regulatedThrough(seg, key, limit, firstTime);
    return {
      segment: g.nodes[seg]!,
      agencies,
      through,
      broader,
      total: { agencies: present.length, entries: eAgency.length, through: total },
      truncated: eAgency.length > limit,
    };
  }

  /**
   * The `through` part of the regulators answer: rules that regulate a segment above `seg`
   * (PART_OF, any depth), without the rules the direct part holds (`fresh(rule)` is false
   * for those), and the PART_OF relationships walked up.
   */
  private regulatedThrough(
    seg: number,
    key: string | null,
    limit: number,
    fresh: (i: number) => boolean,
  ): { through: RegulatorsAnswer['through']; broader: ApiRelationship[]; total: number } {
    const g = this.g;
    const { adjStart, adjNode, adjRel, adjOut, relType, label } = g;
    const up = [seg];
    const seen = new Set(up);
    const partOf: number[] = [];
    for (let q = 0; q < up.length; q++) {
      for (let k = adjStart[up[q]!]!, end = adjStart[up[q]! + 1]!; k < end; k++) {
        if (adjOut[k] !== 1 || relType[adjRel[k]!] !== PART_OF) continue;
        partOf.push(adjRel[k]!);
        if (!seen.has(adjNode[k]!)) (seen.add(adjNode[k]!), up.push(adjNode[k]!));
      }
    }
    const through: RegulatorsAnswer['through'] = [];
    const direct = new Map<number, boolean>();
    for (const s of up.slice(1)) {
      for (let k = adjStart[s]!, end = adjStart[s + 1]!; k < end; k++) {
        const reg = adjRel[k]!;
        const rule = adjNode[k]!;
        if (adjOut[k] === 1 || relType[reg] !== REGULATES || label[rule] !== RULE || !g.visible(rule, key)) continue;
        // A rule of the direct part was marked by it; marking it here too must not hide it from a second parent.
        if (!direct.has(rule)) direct.set(rule, !fresh(rule));
        if (direct.get(rule)) continue;
        for (let j = adjStart[rule]!, end2 = adjStart[rule + 1]!; j < end2; j++) {
          const iss = adjRel[j]!;
          const agency = adjNode[j]!;
          if (adjOut[j] === 1 || relType[iss] !== ISSUED || label[agency] !== AGENCY) continue;
          through.push({ segment: g.nodes[s]!, agency: g.nodes[agency]!, rule: g.nodes[rule]!, issued: g.rels[iss]!, regulates: g.rels[reg]! });
        }
      }
    }
    through.sort(
      (a, b) => compareByDateThenId(a.rule, b.rule) || compareStrings(a.agency.id, b.agency.id) || compareStrings(a.segment.id, b.segment.id),
    );
    const broader = [...new Set(partOf)].map((r) => g.rels[r]!).sort((a, b) => compareStrings(a.id, b.id));
    return { through: through.slice(0, limit), broader, total: through.length };
  }

  async rulesTouching(topicId: string, asOf?: string, limit = QUESTION_LIMIT_DEFAULT): Promise<RulesAnswer | undefined> {
    checkQuestionLimit(limit);
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
    const order = sortedOrder(keys);
    return {
      topic: g.nodes[topic]!,
      rules: (order.length <= limit ? order : order.slice(0, limit)).map((e) => ({
        rule: g.nodes[fRule[e]!]!,
        relationship: g.rels[fRel[e]!]!,
        topic: g.nodes[fTopic[e]!]!,
        sources: g.rels[fRel[e]!]!.sources,
      })),
      total: order.length,
      truncated: order.length > limit,
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
    const range = rangeKeys(filter.from, filter.to);
    const key = asOfKey(filter.asOf);
    const labelMask = maskOf(filter.labels, LABEL_INDEX);
    const typeMask = maskOf(filter.types, TYPE_INDEX);
    const g = this.g;
    const kept = new Uint8Array(g.size);
    const nodes: ApiNode[] = [];
    for (let i = 0; i < g.size; i++) {
      const n = g.nodes[i]!;
      if (((labelMask >>> g.label[i]!) & 1) === 1 && g.visible(i, key) && inDateRange(n, range)) {
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
