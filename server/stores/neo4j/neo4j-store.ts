/**
 * The graph store backed by Neo4j. Every call is one read transaction (`executeRead` in a
 * READ session) with a timeout, running the parameterised Cypher of `queries.ts`; results
 * are converted by `records.ts` into the same shapes as the memory store returns.
 *
 * Driver errors that mean "the database cannot answer now" (unreachable, session expired,
 * transient, transaction or pool timeouts) become `StoreUnavailableError` (HTTP 503);
 * anything else is a bug and is rethrown as it is.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Node } from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../../../graph-seed/schema.js';
import { asOfKey, rangeKeys, windowKeys } from '../../../graph-seed/dates.js';
import { normaliseQuery } from '../../../graph-seed/search-text.js';
import { assembleChanges, assembleMatrix } from '../teaching.js';
import { checkDepth, checkPathLength, checkQuestionLimit, QUESTION_LIMIT_DEFAULT } from '../preconditions.js';
import {
  StoreUnavailableError,
  type ApiNode,
  type ChangesAnswer,
  type MatrixAnswer,
  type GraphFilter,
  type GraphStore,
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
import * as Q from './queries.js';
import { LIVE_KEY, REVISION_CYPHER, revisionToken, SEARCH_SEPARATOR, toNumber } from '../../../graph-seed/neo4j-model.js';
import { nodeFromNeo4j, type RelRecord, relationshipFromNeo4j } from './records.js';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  /** Default `neo4j`. */
  database?: string;
  /** Per-query transaction timeout; also bounds connecting and retrying. Default 5000. */
  queryTimeoutMs?: number;
  /** Default 50. */
  maxConnectionPoolSize?: number;
}

export interface Neo4jStoreOptions {
  database?: string;
  queryTimeoutMs?: number;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 5000;
export const DEFAULT_POOL_SIZE = 50;
/** How long past the query timeout a call may take before it fails as unavailable. */
export const DEADLINE_MARGIN_MS = 500;

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly ownsDriver: boolean;
  private readonly database: string;
  private readonly timeoutMs: number;

  constructor(target: Neo4jTarget | Driver, options: Neo4jStoreOptions = {}) {
    if (isDriver(target)) {
      this.driver = target;
      this.ownsDriver = false;
      this.database = options.database ?? 'neo4j';
      this.timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    } else {
      this.timeoutMs = target.queryTimeoutMs ?? options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
      this.database = target.database ?? options.database ?? 'neo4j';
      this.driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
        maxConnectionPoolSize: target.maxConnectionPoolSize ?? DEFAULT_POOL_SIZE,
        // A request waits at most about one query timeout for a connection, a connect or
        // the driver's retries; after that the caller gets a 503, not a hanging request.
        connectionAcquisitionTimeout: this.timeoutMs,
        connectionTimeout: this.timeoutMs,
        maxTransactionRetryTime: this.timeoutMs,
        userAgent: 'finreg-atlas',
      });
      this.ownsDriver = true;
    }
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs <= 0) {
      throw new RangeError(`queryTimeoutMs must be a positive integer, got ${this.timeoutMs}`);
    }
  }

  /** The live state's generation and revision (generation.ts): one index seek; changes with every load. */
  async revision(): Promise<string> {
    return this.read(async (tx) => {
      const rec = (await tx.run(REVISION_CYPHER, { key: LIVE_KEY })).records[0];
      return rec === undefined ? revisionToken(null, null) : revisionToken(rec.get('gen'), rec.get('revision'));
    });
  }

  async counts(): Promise<StoreCounts> {
    return this.read(async (tx) => {
      const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
      const types: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
      for (const rec of (await tx.run(Q.NODE_COUNTS_CYPHER)).records) {
        labels[rec.get('label') as string] = toNumber(rec.get('count'));
      }
      for (const rec of (await tx.run(Q.RELATIONSHIP_COUNTS_CYPHER)).records) {
        types[rec.get('type') as string] = toNumber(rec.get('count'));
      }
      const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
      return { nodes: sum(labels), relationships: sum(types), labels, types };
    });
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    const normalised = normaliseQuery(q.q);
    // No loaded text holds the separator (graph-seed/neo4j-model.ts), so such a query matches nothing.
    if (normalised.length === 0 || q.limit <= 0 || normalised.includes(SEARCH_SEPARATOR)) return [];
    return this.read(async (tx) => {
      const result = await tx.run(Q.SEARCH_CYPHER, {
        q: normalised,
        labels: listOr(q.labels, NODE_LABELS),
        limit: neo4j.int(q.limit),
      });
      return result.records.map((rec) => ({
        id: rec.get('id') as string,
        label: rec.get('label') as SearchHit['label'],
        name: rec.get('name') as string,
        nameEn: rec.get('nameEn') as string,
        score: toNumber(rec.get('score')),
      }));
    });
  }

  async node(id: string): Promise<ApiNode | undefined> {
    return this.read(async (tx) => {
      const rec = (await tx.run(Q.NODE_CYPHER, { id })).records[0];
      return rec === undefined ? undefined : nodeFromNeo4j(rec.get('n') as Node);
    });
  }

  async neighborhood(q: NeighborhoodQuery): Promise<NeighborhoodResult | undefined> {
    const key = asOfKey(q.asOf);
    checkDepth(q);
    return this.read(async (tx) => {
      const rec = (
        await tx.run(Q.NEIGHBORHOOD_CYPHER, {
          id: q.id,
          depth: neo4j.int(q.depth),
          limit: neo4j.int(Math.max(1, q.limit)),
          labels: listOr(q.labels, NODE_LABELS),
          types: listOr(q.types, REL_TYPES),
          asOf: key,
        })
      ).records[0];
      if (rec === undefined) return undefined;
      return {
        nodes: (rec.get('nodes') as Node[]).map(nodeFromNeo4j),
        relationships: (rec.get('rels') as RelRecord[]).map(relationshipFromNeo4j),
        truncated: rec.get('truncated') as boolean,
      };
    });
  }

  async shortestPath(q: PathQuery): Promise<Subgraph | null | undefined> {
    checkPathLength(q);
    return this.read(async (tx) => {
      const ends = (await tx.run(Q.PATH_ENDS_CYPHER, { from: q.from, to: q.to })).records[0];
      const found = ends === undefined ? 0 : toNumber(ends.get('found'));
      if (found < (q.from === q.to ? 1 : 2)) return undefined;
      if (q.from === q.to) {
        const rec = (await tx.run(Q.NODE_CYPHER, { id: q.from })).records[0]!;
        return { nodes: [nodeFromNeo4j(rec.get('n') as Node)], relationships: [] };
      }
      const cypher = q.directed ? Q.SHORTEST_PATH_DIRECTED_CYPHER : Q.SHORTEST_PATH_CYPHER;
      const rec = (
        await tx.run(cypher, {
          from: q.from,
          to: q.to,
          types: listOr(q.types, REL_TYPES),
          maxLength: neo4j.int(q.maxLength),
        })
      ).records[0];
      if (rec === undefined) return null;
      return {
        nodes: (rec.get('nodes') as Node[]).map(nodeFromNeo4j),
        relationships: (rec.get('rels') as RelRecord[]).map(relationshipFromNeo4j),
      };
    });
  }

  async regulators(segmentId: string, asOf?: string, limit = QUESTION_LIMIT_DEFAULT): Promise<RegulatorsAnswer | undefined> {
    checkQuestionLimit(limit);
    const key = asOfKey(asOf);
    return this.read(async (tx) => {
      const rec = (await tx.run(Q.REGULATORS_CYPHER, { segmentId, asOf: key, limit: neo4j.int(limit) })).records[0];
      if (rec === undefined) return undefined;
      type Row = {
        agency: Node;
        ruleCount: unknown;
        rules: Array<{ rule: Node; segment: Node; issued: RelRecord; regulates: RelRecord }>;
      };
      const entries = toNumber(rec.get('total'));
      const up = (await tx.run(Q.REGULATED_THROUGH_CYPHER, { segmentId, asOf: key, limit: neo4j.int(limit) })).records[0]!;
      type Through = { segment: Node; agency: Node; rule: Node; issued: RelRecord; regulates: RelRecord };
      return {
        segment: nodeFromNeo4j(rec.get('segment') as Node),
        agencies: (rec.get('agencies') as Row[]).map((row) => ({
          agency: nodeFromNeo4j(row.agency),
          ruleCount: toNumber(row.ruleCount),
          rules: row.rules.map((r) => ({
            rule: nodeFromNeo4j(r.rule),
            segment: nodeFromNeo4j(r.segment),
            issued: relationshipFromNeo4j(r.issued),
            regulates: relationshipFromNeo4j(r.regulates),
          })),
        })),
        through: (up.get('through') as Through[]).map((t) => ({
          segment: nodeFromNeo4j(t.segment),
          agency: nodeFromNeo4j(t.agency),
          rule: nodeFromNeo4j(t.rule),
          issued: relationshipFromNeo4j(t.issued),
          regulates: relationshipFromNeo4j(t.regulates),
        })),
        broader: (up.get('broader') as RelRecord[]).map(relationshipFromNeo4j),
        total: { agencies: toNumber(rec.get('agencyCount')), entries, through: toNumber(up.get('total')) },
        truncated: entries > limit,
      };
    });
  }

  async rulesTouching(topicId: string, asOf?: string, limit = QUESTION_LIMIT_DEFAULT): Promise<RulesAnswer | undefined> {
    checkQuestionLimit(limit);
    const key = asOfKey(asOf);
    return this.read(async (tx) => {
      const rec = (await tx.run(Q.RULES_TOUCHING_CYPHER, { topicId, asOf: key, limit: neo4j.int(limit) })).records[0];
      if (rec === undefined) return undefined;
      type Row = { rule: Node; relationship: RelRecord; topic: Node };
      const total = toNumber(rec.get('total'));
      return {
        topic: nodeFromNeo4j(rec.get('topic') as Node),
        rules: (rec.get('rules') as Row[]).map((row) => {
          const relationship = relationshipFromNeo4j(row.relationship);
          return {
            rule: nodeFromNeo4j(row.rule),
            relationship,
            topic: nodeFromNeo4j(row.topic),
            sources: relationship.sources,
          };
        }),
        total,
        truncated: total > limit,
      };
    });
  }

  async timeline(): Promise<TimelineAnswer> {
    return this.read(async (tx) => {
      const rec = (await tx.run(Q.TIMELINE_CYPHER)).records[0]!;
      return {
        phases: (rec.get('phases') as Node[]).map(nodeFromNeo4j),
        rules: (rec.get('rules') as Node[]).map(nodeFromNeo4j),
      };
    });
  }

  async changes(from: string, to: string): Promise<ChangesAnswer> {
    const { fromKey, toKey } = windowKeys(from, to);
    return this.read(async (tx) => {
      const rec = (await tx.run(Q.CHANGES_CYPHER, { from: fromKey, to: toKey })).records[0]!;
      return assembleChanges(
        from,
        to,
        (rec.get('added') as Node[]).map(nodeFromNeo4j),
        (rec.get('rels') as RelRecord[]).map(relationshipFromNeo4j),
        (rec.get('others') as Node[]).map(nodeFromNeo4j),
      );
    });
  }

  async matrix(asOf?: string): Promise<MatrixAnswer> {
    const key = asOfKey(asOf);
    return this.read(async (tx) => {
      const rows = (await tx.run(Q.MATRIX_CYPHER, { asOf: key })).records.map((rec) => ({
        agency: nodeFromNeo4j(rec.get('agency') as Node),
        rule: nodeFromNeo4j(rec.get('rule') as Node),
        via: nodeFromNeo4j(rec.get('via') as Node),
        segment: nodeFromNeo4j(rec.get('segment') as Node),
        issued: relationshipFromNeo4j(rec.get('issued') as RelRecord),
        regulates: relationshipFromNeo4j(rec.get('regulates') as RelRecord),
        through: rec.get('through') === true,
      }));
      const partOf = (await tx.run(Q.SEGMENT_PART_OF_CYPHER)).records.map((r) => relationshipFromNeo4j(r.get('rel') as RelRecord));
      return assembleMatrix(rows, partOf);
    });
  }

  async graph(filter: GraphFilter): Promise<Subgraph> {
    const { fromKey, toKey } = rangeKeys(filter.from, filter.to);
    const params = {
      labels: listOr(filter.labels, NODE_LABELS),
      types: listOr(filter.types, REL_TYPES),
      asOf: asOfKey(filter.asOf),
      from: fromKey,
      to: toKey,
    };
    return this.read(async (tx) => {
      const nodes = (await tx.run(Q.GRAPH_NODES_CYPHER, params)).records.map((r) => nodeFromNeo4j(r.get('n') as Node));
      const relationships = (await tx.run(Q.GRAPH_RELATIONSHIPS_CYPHER, params)).records.map((r) =>
        relationshipFromNeo4j(r.get('rel') as RelRecord),
      );
      return { nodes, relationships };
    });
  }

  async subgraph(ids: string[]): Promise<Subgraph> {
    const unique = [...new Set(ids)];
    return this.read(async (tx) => {
      const nodes = (await tx.run(Q.SUBGRAPH_NODES_CYPHER, { ids: unique })).records.map((r) =>
        nodeFromNeo4j(r.get('n') as Node),
      );
      const relationships = (await tx.run(Q.SUBGRAPH_RELATIONSHIPS_CYPHER, { ids: unique })).records.map((r) =>
        relationshipFromNeo4j(r.get('rel') as RelRecord),
      );
      return { nodes, relationships };
    });
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }

  /** One read transaction in a READ session, with the query timeout, errors mapped. */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    // The driver's retries back off exponentially (1 s, 2 s, ...) until the retry time is
    // spent, so a database that is down took 1.5 to 3 query timeouts to fail. A hard
    // deadline keeps every call within the query timeout plus a small margin.
    let timer: NodeJS.Timeout | undefined;
    let expired = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new StoreUnavailableError(`Neo4j did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs + DEADLINE_MARGIN_MS);
    });
    const running = session.executeRead(work, { timeout: this.timeoutMs });
    running.catch(() => undefined); // settles after the deadline when that fired first
    try {
      return await Promise.race([running, deadline]);
    } catch (err) {
      throw isUnavailable(err) ? new StoreUnavailableError(`Neo4j cannot answer: ${(err as Error).message}`, { cause: err }) : err;
    } finally {
      clearTimeout(timer);
      // After the deadline the session is still retrying: close it without waiting.
      const closing = session.close().catch(() => undefined);
      if (!expired) await closing;
    }
  }
}

function isDriver(value: Neo4jTarget | Driver): value is Driver {
  return typeof (value as Driver).session === 'function';
}

/** The request's filter list, or every value when it has none. */
function listOr<T extends string>(list: readonly T[] | undefined, all: readonly T[]): T[] {
  return list !== undefined && list.length > 0 ? [...list] : [...all];
}

/** Errors that mean the database cannot answer now, as opposed to a bug in a query. */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Neo4jError)) return false;
  const code = err.code ?? '';
  return (
    code === neo4j.error.SERVICE_UNAVAILABLE ||
    code === neo4j.error.SESSION_EXPIRED ||
    code.includes('TransientError') ||
    code.includes('TransactionTimedOut') ||
    code === 'Neo.ClientError.Database.DatabaseUnavailable' ||
    // NEO4J_DATABASE names no database: like refused credentials, a deployment fault.
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    // Refused credentials are the deployment's fault, not the request's: the API answers
    // 503 (as /api/health does) rather than 500, and the log says why.
    code.startsWith('Neo.ClientError.Security.') ||
    /connection acquisition timed out/i.test(err.message)
  );
}
