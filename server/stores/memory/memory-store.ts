/**
 * The graph store held in process memory: a graphology multigraph plus precomputed lists
 * and a search index. Answers are computed with the shared semantics of `../as-of.ts` and
 * `../search-text.ts`, so they equal the Neo4j store's answers (the contract suite checks).
 *
 * Returned objects are shared with the store: callers must treat them as read-only.
 */
import { MultiDirectedGraph } from 'graphology';
import { type NodeLabel, REL_TYPES, NODE_LABELS, type SeedGraph } from '../../../graph-seed/schema.js';
import { loadSeedGraph } from '../../../graph-seed/load-seed.js';
import {
  asOfKey,
  assertIsoDate,
  compareByDateThenId,
  compareStrings,
  inDateRange,
  lowerBoundKey,
  upperBoundKey,
  visibleAsOf,
} from '../as-of.js';
import { byId, toApiNode, toApiRelationship } from '../api-shapes.js';
import type {
  ApiNode,
  ApiRelationship,
  GraphFilter,
  GraphStore,
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
import { SearchIndex } from './search-index.js';
import {
  type AtlasGraph,
  bfsNeighbourhood,
  type EdgeAttrs,
  type NodeAttrs,
  relationshipsAmong,
  shortestPath,
} from './traversal.js';

const RULE_TOPIC_TYPES: ReadonlySet<string> = new Set(['PROHIBITS', 'REQUIRES', 'ADDRESSES']);
const anyType = (): boolean => true;

export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly g: AtlasGraph;
  private readonly index: SearchIndex;
  /** Nodes and relationships sorted by id: the order of every whole-graph answer. */
  private readonly nodesById: ApiNode[];
  private readonly relsById: ApiRelationship[];
  private readonly countsCache: StoreCounts;
  private readonly timelineCache: TimelineAnswer;

  private constructor(graph: SeedGraph) {
    this.g = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
    for (const n of graph.nodes) this.g.addNode(n.id, { node: toApiNode(n) });
    for (const r of graph.relationships) {
      if (!this.g.hasNode(r.source) || !this.g.hasNode(r.target)) {
        throw new Error(`relationship ${r.id} joins a node that does not exist`);
      }
      this.g.addDirectedEdgeWithKey(r.id, r.source, r.target, { rel: toApiRelationship(r) });
    }
    this.nodesById = this.g.mapNodes((_k, a) => a.node).sort(byId);
    this.relsById = this.g.mapEdges((_k, a) => a.rel).sort(byId);
    this.index = new SearchIndex(this.nodesById);

    const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
    const types: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
    for (const n of this.nodesById) labels[n.label] = (labels[n.label] ?? 0) + 1;
    for (const r of this.relsById) types[r.type] = (types[r.type] ?? 0) + 1;
    this.countsCache = { nodes: this.nodesById.length, relationships: this.relsById.length, labels, types };

    const phases = this.nodesById
      .filter((n) => n.label === 'Phase')
      .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareStrings(a.id, b.id));
    const dated = this.nodesById
      .filter((n) => (n.label === 'Rule' || n.label === 'Event') && n.date !== undefined)
      .sort(compareByDateThenId);
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
    return this.g.hasNode(id) ? this.g.getNodeAttributes(id).node : undefined;
  }

  async neighborhood(q: NeighborhoodQuery): Promise<NeighborhoodResult | undefined> {
    if (!this.g.hasNode(q.id)) return undefined;
    const key = asOfKey(q.asOf);
    const typeOk = typeFilter(q.types);
    const labelSet = q.labels && q.labels.length > 0 ? new Set<string>(q.labels) : null;
    const nodeOk = (n: ApiNode): boolean => (labelSet === null || labelSet.has(n.label)) && visibleAsOf(n, key);
    const { ids, truncated } = bfsNeighbourhood(this.g, q.id, q.depth, q.limit, typeOk, nodeOk);
    return {
      nodes: ids.map((id) => this.g.getNodeAttributes(id).node),
      relationships: relationshipsAmong(this.g, new Set(ids), typeOk),
      truncated,
    };
  }

  async shortestPath(q: PathQuery): Promise<Subgraph | null | undefined> {
    if (!this.g.hasNode(q.from) || !this.g.hasNode(q.to)) return undefined;
    const path = shortestPath(this.g, q.from, q.to, q.maxLength, q.directed, typeFilter(q.types));
    if (path === null) return null;
    return {
      nodes: path.nodes.map((id) => this.g.getNodeAttributes(id).node),
      relationships: path.relationships,
    };
  }

  async regulators(segmentId: string, asOf?: string): Promise<RegulatorsAnswer | undefined> {
    const segment = this.nodeWithLabel(segmentId, 'Segment');
    if (segment === undefined) return undefined;
    const key = asOfKey(asOf);
    type Entry = RegulatorsAnswer['agencies'][number]['rules'][number];
    const perAgency = new Map<string, Entry[]>();
    for (const segId of this.partOfClosure(segmentId)) {
      this.g.forEachInEdge(segId, (_e, regAttrs, ruleId) => {
        const rule = this.g.getNodeAttributes(ruleId).node;
        if (regAttrs.rel.type !== 'REGULATES' || rule.label !== 'Rule' || !visibleAsOf(rule, key)) return;
        this.g.forEachInEdge(ruleId, (_e2, issAttrs, agencyId) => {
          const agency = this.g.getNodeAttributes(agencyId).node;
          if (issAttrs.rel.type !== 'ISSUED' || agency.label !== 'Agency') return;
          const entries = perAgency.get(agencyId) ?? [];
          entries.push({
            rule,
            segment: this.g.getNodeAttributes(segId).node,
            issued: issAttrs.rel,
            regulates: regAttrs.rel,
          });
          perAgency.set(agencyId, entries);
        });
      });
    }
    const agencies = [...perAgency].map(([agencyId, rules]) => ({
      agency: this.g.getNodeAttributes(agencyId).node,
      rules: rules.sort((a, b) => compareByDateThenId(a.rule, b.rule) || compareStrings(a.segment.id, b.segment.id)),
      ruleCount: new Set(rules.map((r) => r.rule.id)).size,
    }));
    agencies.sort(
      (a, b) =>
        b.ruleCount - a.ruleCount ||
        compareStrings(a.agency.name, b.agency.name) ||
        compareStrings(a.agency.id, b.agency.id),
    );
    return { segment, agencies: agencies.map(({ agency, rules }) => ({ agency, rules })) };
  }

  async rulesTouching(topicId: string, asOf?: string): Promise<RulesAnswer | undefined> {
    const topic = this.nodeWithLabel(topicId, 'Topic');
    if (topic === undefined) return undefined;
    const key = asOfKey(asOf);
    const rules: RulesAnswer['rules'] = [];
    for (const matchedId of this.partOfClosure(topicId)) {
      const matched = this.g.getNodeAttributes(matchedId).node;
      this.g.forEachInEdge(matchedId, (_e, a, ruleId) => {
        const rule = this.g.getNodeAttributes(ruleId).node;
        if (!RULE_TOPIC_TYPES.has(a.rel.type) || rule.label !== 'Rule' || !visibleAsOf(rule, key)) return;
        rules.push({ rule, relationship: a.rel, topic: matched, sources: a.rel.sources });
      });
    }
    rules.sort(
      (a, b) =>
        compareByDateThenId(a.rule, b.rule) ||
        compareStrings(a.relationship.type, b.relationship.type) ||
        compareStrings(a.topic.id, b.topic.id),
    );
    return { topic, rules };
  }

  async timeline(): Promise<TimelineAnswer> {
    return { phases: [...this.timelineCache.phases], rules: [...this.timelineCache.rules] };
  }

  async graph(filter: GraphFilter): Promise<Subgraph> {
    if (filter.from !== undefined) assertIsoDate(filter.from, 'from');
    if (filter.to !== undefined) assertIsoDate(filter.to, 'to');
    const fromKey = filter.from === undefined ? null : lowerBoundKey(filter.from);
    const toKey = filter.to === undefined ? null : upperBoundKey(filter.to);
    const key = asOfKey(filter.asOf);
    const labelSet = filter.labels && filter.labels.length > 0 ? new Set<string>(filter.labels) : null;
    const typeOk = typeFilter(filter.types);
    const kept = new Set<string>();
    const nodes: ApiNode[] = [];
    for (const n of this.nodesById) {
      if ((labelSet === null || labelSet.has(n.label)) && visibleAsOf(n, key) && inDateRange(n, fromKey, toKey)) {
        kept.add(n.id);
        nodes.push(n);
      }
    }
    const relationships =
      kept.size === this.nodesById.length
        ? this.relsById.filter((r) => typeOk(r.type))
        : this.relsById.filter((r) => typeOk(r.type) && kept.has(r.source) && kept.has(r.target));
    return { nodes, relationships };
  }

  async subgraph(ids: string[]): Promise<Subgraph> {
    const present = new Set(ids.filter((id) => this.g.hasNode(id)));
    const nodes = [...present].sort(compareStrings).map((id) => this.g.getNodeAttributes(id).node);
    return { nodes, relationships: relationshipsAmong(this.g, present, anyType) };
  }

  async close(): Promise<void> {
    // Nothing to release: the graph is garbage-collected with the store.
  }

  private nodeWithLabel(id: string, label: NodeLabel): ApiNode | undefined {
    if (!this.g.hasNode(id)) return undefined;
    const node = this.g.getNodeAttributes(id).node;
    return node.label === label ? node : undefined;
  }

  /** The node and every node reaching it through incoming PART_OF chains (narrower ones). */
  private partOfClosure(id: string): string[] {
    const seen = new Set<string>([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      this.g.forEachInEdge(queue[i]!, (_e, a, source) => {
        if (a.rel.type === 'PART_OF' && !seen.has(source)) {
          seen.add(source);
          queue.push(source);
        }
      });
    }
    return queue;
  }
}

function typeFilter(types: readonly string[] | undefined): (t: string) => boolean {
  if (types === undefined || types.length === 0) return anyType;
  const set = new Set(types);
  return (t) => set.has(t);
}
