/**
 * The contract every graph store keeps. `MemoryStore` (graphology) and `Neo4jStore`
 * (Cypher over neo4j-driver) both implement it, and one contract suite
 * (`test/contract/`) runs against both over the same seed.
 *
 * The same shapes travel over HTTP, so the client imports these types (type-only).
 */
import type { Figure, NodeLabel, RelType, Source } from '../../graph-seed/schema.js';

export type { NodeLabel, RelType, Source, Figure };

/** A node as the API returns it: every seed property, `sources` and `figures` as objects. */
export interface ApiNode {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn: string;
  aliases: string[];
  description: string;
  descriptionEn: string;
  date?: string;
  startYear?: number;
  endYear?: number;
  order?: number;
  kind?: string;
  issuerCount?: number;
  figures: Figure[];
  sources: Source[];
}

export interface ApiRelationship {
  id: string;
  type: RelType;
  source: string;
  target: string;
  properties: Record<string, string | number | boolean>;
  sources: Source[];
}

export interface Subgraph {
  nodes: ApiNode[];
  relationships: ApiRelationship[];
}

export interface SearchHit {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn: string;
  /** Higher is better. Exact name/alias > prefix > contains; only the order is contractual. */
  score: number;
}

export interface SearchQuery {
  q: string;
  labels?: NodeLabel[];
  limit: number;
}

export interface NeighborhoodQuery {
  id: string;
  depth: 1 | 2 | 3;
  labels?: NodeLabel[];
  types?: RelType[];
  limit: number;
  /** Only rules dated on or before this ISO date (and what they link) are visible. */
  asOf?: string;
}

export interface NeighborhoodResult extends Subgraph {
  /** True when `limit` cut the result. The centre node is always included. */
  truncated: boolean;
}

export interface PathQuery {
  from: string;
  to: string;
  maxLength: number;
  types?: RelType[];
  /** Default false: a path may walk relationships in either direction. */
  directed: boolean;
}

/** Question answers are cut at `limit` entries: see ./preconditions.ts. */
export { QUESTION_LIMIT_DEFAULT, QUESTION_LIMIT_MAX } from './preconditions.js';

export interface RegulatorsAnswer {
  segment: ApiNode;
  /** Most rules first, then agency name, then id; each agency's rules by date (undated last), id, then segment id. */
  agencies: Array<{
    agency: ApiNode;
    /** Distinct rules of this agency in the whole answer (before `limit`). */
    ruleCount: number;
    rules: Array<{
      rule: ApiNode;
      /** The segment the rule regulates: the asked one or one `PART_OF` it. */
      segment: ApiNode;
      issued: ApiRelationship;
      regulates: ApiRelationship;
    }>;
  }>;
  /**
   * Regulated through a broader segment: rules that regulate a segment the asked one is
   * PART_OF (at any depth), such as the rules of 互联网金融 for 互联网信托. Its own part of the
   * answer, never mixed into `agencies`, and without the rules `agencies` already holds.
   * Ordered by rule (date, undated last, then id), agency id, segment id; the first `limit`.
   */
  through: RegulatedThrough[];
  /** The PART_OF relationships from the asked segment up to every broader one: the evidence that `through` rests on. */
  broader: ApiRelationship[];
  /** Agencies and (agency, rule, segment) entries in the whole answer, before `limit`; `through`: its entries before `limit`. */
  total: { agencies: number; entries: number; through: number };
  /** True when `limit` cut the answer: `agencies` then holds its first `limit` entries in order. */
  truncated: boolean;
}

/** One entry of `RegulatorsAnswer.through`: `agency` issued `rule`, which regulates the broader `segment`. */
export interface RegulatedThrough {
  segment: ApiNode;
  agency: ApiNode;
  rule: ApiNode;
  issued: ApiRelationship;
  regulates: ApiRelationship;
}

export interface RulesAnswer {
  topic: ApiNode;
  rules: Array<{
    rule: ApiNode;
    relationship: ApiRelationship;
    /** The topic actually matched: the asked one or one narrower (`PART_OF` it). */
    topic: ApiNode;
    sources: Source[];
  }>;
  /** Entries in the whole answer, before `limit`. */
  total: number;
  /** True when `limit` cut `rules` to its first `limit` entries. */
  truncated: boolean;
}

export interface TimelineAnswer {
  phases: ApiNode[];
  /** Rules and events with a date, oldest first. */
  rules: ApiNode[];
}

export interface GraphFilter {
  labels?: NodeLabel[];
  types?: RelType[];
  /** Keep rules dated in [from, to] (ISO prefixes compare as strings); other labels stay. */
  from?: string;
  to?: string;
  asOf?: string;
}

/**
 * What changed between two dates: the difference between the graph as of `to` and the
 * graph as of `from` (see graph-seed/dates.ts). A Rule or Event is new when its date lies in
 * (`from`, `to`]; a relationship is new when it touches a new node and its other end is
 * visible as of `to`.
 */
export interface ChangesAnswer {
  from: string;
  to: string;
  /** Rules and events dated in (from, to], oldest first (then by id). */
  added: ApiNode[];
  /** Every relationship they brought, by id. */
  relationships: ApiRelationship[];
  /** The other ends of those relationships that are not themselves new, by id. */
  linked: ApiNode[];
}

/**
 * One (agency, segment) cell of the matrix. `rules`: rules the agency issued that REGULATE
 * this segment itself. `rollup`: rules it issued that regulate a narrower segment (`via`,
 * PART_OF this one at any depth) and are not already in `rules`. `through`: rules that
 * regulate a broader one (see below), so a segment no rule names still shows who regulates
 * it through its parent.
 */
export interface MatrixCell {
  agency: string;
  segment: string;
  rules: string[];
  rollup: Array<{ rule: string; via: string }>;
  /**
   * Regulated through a broader segment: rules the agency issued that regulate `via`, a
   * segment this one is PART_OF (at any depth), and are in neither `rules` nor `rollup`.
   */
  through: Array<{ rule: string; via: string }>;
}

/** Agencies × segments through `Agency -ISSUED-> Rule -REGULATES-> Segment`. */
export interface MatrixAnswer {
  /** Rows: every agency with at least one cell; most rules first, then name, then id. */
  agencies: ApiNode[];
  /** Columns: every segment with at least one cell, in hierarchy order (a broader segment before the narrower ones, siblings by id). */
  segments: ApiNode[];
  /** The non-empty cells, row by row in row and column order. */
  cells: MatrixCell[];
  /** Every rule named in a cell, oldest first. */
  rules: ApiNode[];
  /** The ISSUED and REGULATES relationships behind the cells and the PART_OF among the columns, by id. */
  relationships: ApiRelationship[];
}

export interface StoreCounts {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';
  /**
   * A token that changes whenever the graph may have changed (every Neo4j load; never for
   * the memory store, whose token is a hash of its graph). Equal tokens read at two times mean
   * the same graph throughout, so answers are cached and tagged by it (server/cache/).
   */
  revision(): Promise<string>;
  counts(): Promise<StoreCounts>;
  search(q: SearchQuery): Promise<SearchHit[]>;
  /** `undefined` when no node has this id. */
  node(id: string): Promise<ApiNode | undefined>;
  /** `undefined` when the centre node does not exist. */
  neighborhood(q: NeighborhoodQuery): Promise<NeighborhoodResult | undefined>;
  /** `null` when both ends exist and no path is within `maxLength`; `undefined` when an end is unknown. */
  shortestPath(q: PathQuery): Promise<Subgraph | null | undefined>;
  /** `undefined` when the id is not a Segment. `limit` (default QUESTION_LIMIT_DEFAULT) caps the entries. */
  regulators(segmentId: string, asOf?: string, limit?: number): Promise<RegulatorsAnswer | undefined>;
  /** `undefined` when the id is not a Topic. `limit` (default QUESTION_LIMIT_DEFAULT) caps the entries. */
  rulesTouching(topicId: string, asOf?: string, limit?: number): Promise<RulesAnswer | undefined>;
  timeline(): Promise<TimelineAnswer>;
  /** Rules and events dated in (`from`, `to`] and the relationships they brought. RangeError when `from` is after `to`. */
  changes(from: string, to: string): Promise<ChangesAnswer>;
  /** Which agency regulates which segment, through which rules, as of a date. */
  matrix(asOf?: string): Promise<MatrixAnswer>;
  graph(filter: GraphFilter): Promise<Subgraph>;
  /** Nodes with these ids and the relationships among them (for export of a selection). */
  subgraph(ids: string[]): Promise<Subgraph>;
  close(): Promise<void>;
}

/** Thrown by a store when its backend cannot answer (Neo4j down, timeout); maps to HTTP 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
