/**
 * Loads a validated seed graph into Neo4j so that afterwards the database holds exactly the
 * seed: seed nodes and relationships that are no longer in the files are removed.
 *
 * Data model (read by server/stores/neo4j):
 * - every seed node has its label and the common label `Entity`; scalar seed fields are
 *   properties (`aliases` a string list, integers as Neo4j integers); `sources` and `figures`
 *   are JSON strings `sourcesJson`, `figuresJson` (Neo4j cannot store maps);
 * - relationships carry `id` (`relationshipId`), their scalar `properties` and `sourcesJson`;
 * - "seed-managed" means: every `:Entity` node and every relationship between two of them.
 *   Nothing else in the database is touched.
 *
 * Atomicity: readers see either the old graph or the new one, never a mix, whatever
 * happens to the load (an error, a constraint violation, SIGKILL of the loading process,
 * which drops the Bolt connection). Two ways, chosen by size (`mode`, default `auto`):
 *
 * - `single` (up to SINGLE_TRANSACTION_MAX nodes + relationships in the new graph and in
 *   the one it replaces, which covers the real seed many times over): the whole replacement (deleting what the files no longer hold,
 *   merging every node and relationship in batches, checking the counts) is ONE write
 *   transaction. Anything that stops it makes Neo4j roll it back.
 * - `staged` (larger graphs, whose single transaction would outgrow Neo4j's transaction
 *   memory limit, about 70% of the heap: 50k nodes with 250k relationships did not fit in
 *   1 GB): the new graph is written in many small transactions as `:SeedStaging` nodes,
 *   which carry no seed label and no `Entity` label, so no query and not the full-text
 *   index sees them. Then ONE flip transaction relabels the live nodes `:SeedRetired` and
 *   the staged nodes `:Entity` plus their seed label (label changes are cheap), and checks
 *   the counts. Retired nodes are then deleted in batches. Killed before or during the flip:
 *   the old graph stays live and the staged nodes are invisible leftovers; killed after it:
 *   the new graph is live and the retired nodes are invisible leftovers. Every load starts
 *   by deleting leftovers of both kinds, and a failed load deletes its own staging.
 *
 * One load at a time: two concurrent loads would delete each other's staging.
 *
 * Schema statements (constraints, the full-text index) cannot share a transaction with
 * writes; they run first, are idempotent (IF NOT EXISTS), and never remove data.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver, type Integer, type ManagedTransaction, type Session } from 'neo4j-driver';
import { fieldWithSeparator, SEARCH_SEPARATOR, searchProperties } from '../server/stores/neo4j/search-keys.js';
import { NODE_LABELS, REL_TYPES, relationshipId, type GraphRelationship, type SeedGraph, type SeedNode } from './schema.js';

export const ENTITY_LABEL = 'Entity';
export const FULLTEXT_INDEX = 'entitySearch';
export const FULLTEXT_PROPERTIES = ['name', 'nameEn', 'aliases', 'description', 'descriptionEn'] as const;
/**
 * TEXT indexes (trigram-backed in Neo4j 5; they serve CONTAINS) on the search properties of
 * `server/stores/neo4j/search-keys.ts`, which SEARCH_CYPHER reads.
 */
export const SEARCH_INDEXES = { entity_search_key: 'searchKey', entity_search_text: 'searchText' } as const;
export const DEFAULT_NODE_BATCH = 10_000;
export const DEFAULT_REL_BATCH = 25_000;
/** Staged batches in flight at once: Neo4j writes one while the driver builds and sends the next. */
export const DEFAULT_IN_FLIGHT = 2;

export type LoadPhase = 'cleanup' | 'read' | 'delete-relationships' | 'delete-nodes' | 'nodes' | 'relationships' | 'verify' | 'flip' | 'commit';

export interface LoadProgress {
  phase: LoadPhase;
  /** Batches done in this phase, and how many it has. */
  batch: number;
  batches: number;
  /** Items written so far in this phase, of `total`. */
  done: number;
  total: number;
  /** Items per second in this phase so far. */
  rate: number;
  elapsedMs: number;
}

/** What the test-only hook sees before each write batch. */
export interface BatchInfo {
  phase: 'nodes' | 'relationships';
  /** 1-based batch number within the phase. */
  batch: number;
  batches: number;
}

export interface LoadOptions {
  database: string;
  /** `auto` (default): `single` up to SINGLE_TRANSACTION_MAX nodes + relationships, else `staged`. */
  mode?: 'auto' | 'single' | 'staged';
  /** The size limit `auto` uses (default SINGLE_TRANSACTION_MAX); tests lower it. */
  singleTransactionMax?: number;
  /** Sets both batch sizes (nodes default 10000, relationships 25000). */
  batchSize?: number;
  nodeBatchSize?: number;
  relBatchSize?: number;
  /** Staged mode: write batches in flight at once, each in its own session (default 2). */
  inFlight?: number;
  onProgress?: (p: LoadProgress) => void;
  /**
   * Test-only: runs inside the load transaction before each write batch, so a test can make
   * a batch fail part way (for example by violating a constraint) and check the rollback.
   */
  beforeBatch?: (tx: ManagedTransaction, info: BatchInfo) => Promise<void>;
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Per seed label (the `Entity` label left out), zero counts included. */
  labels: Record<string, number>;
  /** Per relationship type, zero counts included. */
  types: Record<string, number>;
}

export interface LoadResult extends GraphCounts {
  mode: 'single' | 'staged';
  removedNodes: number;
  removedRelationships: number;
  ms: number;
  /**
   * Nodes per second of the node batches and relationships per second of the relationship
   * batches (from the first batch sent to the last committed). Not included: schema, clean-up
   * of earlier loads and of the replaced graph, and in staged mode the flip (`flipMs`), whose
   * commit writes every node's index entries (uniqueness, TEXT and full-text indexes, which
   * staging nodes are not in). `ms` is the whole load.
   */
  nodesPerSec: number;
  relsPerSec: number;
  /** Staged mode: the flip transaction, commit included (0 in single mode, where index entries are written with the batches). */
  flipMs: number;
}

// ---------------------------------------------------------------------------------------
// Schema

function constraintName(label: string): string {
  return `${label.toLowerCase()}_id_unique`;
}

/** Uniqueness of `id` on `Entity` and on every seed label, and the `entitySearch` index. */
export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  for (const label of [ENTITY_LABEL, ...NODE_LABELS]) {
    // Labels come from the schema's fixed list, never from input, so interpolating is safe.
    await driver.executeQuery(
      `CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      {},
      { database },
    );
  }
  // An existing index with other labels or properties (an older schema) is rebuilt.
  const existing = await driver.executeQuery(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options',
    { name: FULLTEXT_INDEX },
    { database },
  );
  const rec = existing.records[0];
  if (rec) {
    const labels = [...(rec.get('labelsOrTypes') as string[])].sort();
    const props = [...(rec.get('properties') as string[])].sort();
    const analyzer = (rec.get('options') as { indexConfig?: Record<string, unknown> }).indexConfig?.['fulltext.analyzer'];
    const same =
      JSON.stringify(labels) === JSON.stringify([...NODE_LABELS].sort()) &&
      JSON.stringify(props) === JSON.stringify([...FULLTEXT_PROPERTIES].sort()) &&
      analyzer === 'cjk';
    if (!same) await driver.executeQuery(`DROP INDEX ${FULLTEXT_INDEX}`, {}, { database });
  }
  await driver.executeQuery(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
     FOR (n:${NODE_LABELS.join('|')})
     ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(', ')}]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    {},
    { database },
  );
  for (const [name, property] of Object.entries(SEARCH_INDEXES)) {
    await driver.executeQuery(`CREATE TEXT INDEX ${name} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.${property})`, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

// ---------------------------------------------------------------------------------------
// Rows

/** Integers go as Neo4j integers (a JS number would be stored as a float). */
function scalar(v: string | number | boolean): unknown {
  return typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
}

export function nodeProperties(n: SeedNode): Record<string, unknown> {
  const props: Record<string, unknown> = {
    id: n.id,
    name: n.name,
    nameEn: n.nameEn,
    aliases: n.aliases,
    description: n.description,
    descriptionEn: n.descriptionEn,
    sourcesJson: JSON.stringify(n.sources),
    figuresJson: JSON.stringify(n.figures),
  };
  Object.assign(props, searchProperties(n));
  if (n.date !== undefined) props.date = n.date;
  if (n.kind !== undefined) props.kind = n.kind;
  for (const key of ['startYear', 'endYear', 'order', 'issuerCount'] as const) {
    const v = n[key];
    if (v !== undefined) props[key] = neo4j.int(v);
  }
  return props;
}

export function relationshipProperties(r: GraphRelationship): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.properties)) props[k] = scalar(v);
  props.id = r.id;
  props.sourcesJson = JSON.stringify(r.sources);
  return props;
}

/**
 * Every property `nodeProperties` can write, in the order of a staged node row. Staged rows
 * are lists, not maps: Neo4j decodes each map key of each row as a string, which was a
 * third of the node batches' server time (profiled); absent properties go as null, which
 * `SET n.x = null` leaves unset on a new node, so the stored node is the same.
 */
export const NODE_COLUMNS = [
  'id', 'name', 'nameEn', 'aliases', 'description', 'descriptionEn', 'sourcesJson', 'figuresJson',
  'searchKey', 'searchText', 'date', 'kind', 'startYear', 'endYear', 'order', 'issuerCount',
] as const;
const NODE_COLUMN_SET = new Set<string>(NODE_COLUMNS);
/** The SET list of the staged node query; the names are the constants above. */
const SET_NODE_COLUMNS = NODE_COLUMNS.map((k, i) => `n.\`${k}\` = row[${i}]`).join(', ');

export function nodeRow(n: SeedNode): unknown[] {
  const props = nodeProperties(n);
  for (const k in props) if (!NODE_COLUMN_SET.has(k)) throw new Error(`node property ${k} has no column in NODE_COLUMNS`);
  return NODE_COLUMNS.map((k) => props[k] ?? null);
}

/**
 * A relationship as the load queries receive it: [source, target, sourcesJson, other
 * properties]. A list, not a map, and without the id (the query derives it exactly as
 * `relationshipId` does), because encoding the rows is a large part of a batch's cost.
 */
type RelRow = [string, string, string, Record<string, unknown>];

function relationshipRow(r: GraphRelationship): RelRow {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.properties)) props[k] = scalar(v);
  return [r.source, r.target, JSON.stringify(r.sources), props];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K extends string>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------
// Load

/** Above this many nodes + relationships (of the new graph or the live one), `auto` loads through a staged swap. */
export const SINGLE_TRANSACTION_MAX = 50_000;
export const STAGING_LABEL = 'SeedStaging';
export const RETIRED_LABEL = 'SeedRetired';

interface Prepared {
  nodeBatches: Array<{ label: string; rows: Array<Record<string, unknown>>; list: unknown[][] }>;
  relBatches: Array<{ type: string; rows: RelRow[] }>;
  nodeBatch: number;
  relBatch: number;
  inFlight: number;
}

interface Stats {
  removedNodes: number;
  removedRelationships: number;
  nodesMs: number;
  relsMs: number;
  flipMs: number;
  counts?: GraphCounts;
}

export async function loadIntoNeo4j(driver: Driver, graph: SeedGraph, opts: LoadOptions): Promise<LoadResult> {
  const nodeBatch = positive(opts.nodeBatchSize ?? opts.batchSize ?? DEFAULT_NODE_BATCH, 'node batch size');
  const relBatch = positive(opts.relBatchSize ?? opts.batchSize ?? DEFAULT_REL_BATCH, 'relationship batch size');
  const mode = opts.mode ?? 'auto';
  const started = Date.now();
  assertSchemaNames(graph);

  await ensureSchema(driver, opts.database);
  let staged = mode === 'staged';
  if (mode === 'auto') {
    // Replacing a large graph by a small one deletes the large one: size by the larger.
    const live = await graphCounts(driver, opts.database);
    const size = Math.max(graph.nodes.length + graph.relationships.length, live.nodes + live.relationships);
    staged = size > (opts.singleTransactionMax ?? SINGLE_TRANSACTION_MAX);
  }

  // Batches are per label / type, because Cypher cannot take a label or type as a parameter.
  const prepared: Prepared = {
    nodeBatch,
    relBatch,
    inFlight: positive(opts.inFlight ?? DEFAULT_IN_FLIGHT, 'batches in flight'),
    nodeBatches: [...groupBy(graph.nodes, (n) => n.label)].flatMap(([label, nodes]) =>
      chunks(nodes, nodeBatch).map((batch) => ({
        label,
        // Rows are built when their batch runs (a getter), so a 1M-node load never holds
        // every row of the graph next to the graph itself.
        get rows() {
          return batch.map(nodeProperties);
        },
        get list() {
          return batch.map(nodeRow);
        },
      })),
    ),
    relBatches: [...groupBy(graph.relationships, (r) => r.type)].flatMap(([type, rels]) =>
      chunks(rels, relBatch).map((batch) => ({
        type,
        get rows() {
          return batch.map(relationshipRow);
        },
      })),
    ),
  };
  const stats: Stats = staged ? await loadStaged(driver, graph, prepared, opts, started) : await loadSingle(driver, graph, prepared, opts, started);
  return {
    // The counts checked inside the replacing transaction are what it committed.
    ...stats.counts!,
    mode: staged ? 'staged' : 'single',
    removedNodes: stats.removedNodes,
    removedRelationships: stats.removedRelationships,
    ms: Date.now() - started,
    nodesPerSec: rate(graph.nodes.length, stats.nodesMs),
    relsPerSec: rate(graph.relationships.length, stats.relsMs),
    flipMs: stats.flipMs,
  };
}

/** The whole replacement in one write transaction. */
async function loadSingle(driver: Driver, graph: SeedGraph, p: Prepared, opts: LoadOptions, started: number): Promise<Stats> {
  const progress = opts.onProgress ?? (() => {});
  const wantedNodes = new Set(graph.nodes.map((n) => n.id));
  const wantedRels = new Set(graph.relationships.map((r) => r.id));
  const stats: Stats = { removedNodes: 0, removedRelationships: 0, nodesMs: 0, relsMs: 0, flipMs: 0 };

  await removeLeftovers(driver, opts.database, p.nodeBatch, progress, started);
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(async (tx) => {
      // executeWrite may retry the whole function on a transient error: start from zero.
      Object.assign(stats, { removedNodes: 0, removedRelationships: 0 });

      progress(tick('read', 0, 1, 0, 0, started, started));
      const existingNodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id, elementId(n) AS eid`);
      const existingRels = await tx.run(
        `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) RETURN a.id AS s, type(r) AS type, b.id AS t, r.id AS id, elementId(r) AS eid`,
      );

      // A relationship stays when the files hold it and it is the first of its kind between
      // its ends; strays, duplicates and ones whose stored id disagrees with their ends go.
      const keep = new Set<string>();
      const staleRels: string[] = [];
      for (const rec of existingRels.records) {
        const key = `${String(rec.get('s'))}-${String(rec.get('type'))}->${String(rec.get('t'))}`;
        if (wantedRels.has(key) && rec.get('id') === key && !keep.has(key)) keep.add(key);
        else staleRels.push(rec.get('eid') as string);
      }
      const staleNodes = existingNodes.records.filter((r) => !wantedNodes.has(r.get('id') as string)).map((r) => r.get('eid') as string);

      const delRelBatches = chunks(staleRels, p.relBatch);
      for (const [i, eids] of delRelBatches.entries()) {
        await tx.run('UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r', { eids });
        stats.removedRelationships += eids.length;
        progress(tick('delete-relationships', i + 1, delRelBatches.length, stats.removedRelationships, staleRels.length, started, started));
      }
      const delNodeBatches = chunks(staleNodes, p.nodeBatch);
      for (const [i, eids] of delNodeBatches.entries()) {
        await tx.run('UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n', { eids });
        stats.removedNodes += eids.length;
        progress(tick('delete-nodes', i + 1, delNodeBatches.length, stats.removedNodes, staleNodes.length, started, started));
      }

      const nodesStart = Date.now();
      let done = 0;
      for (const [i, { label, rows }] of p.nodeBatches.entries()) {
        await opts.beforeBatch?.(tx, { phase: 'nodes', batch: i + 1, batches: p.nodeBatches.length });
        const others = NODE_LABELS.filter((l) => l !== label).join(':');
        const res = await tx.run(
          `UNWIND $rows AS row
           MERGE (n:${ENTITY_LABEL} {id: row.id})
           SET n = row
           REMOVE n:${others}
           SET n:${label}
           RETURN count(n) AS written`,
          { rows },
        );
        expectWritten(res.records[0]?.get('written'), rows.length, `${label} nodes`);
        done += rows.length;
        progress(tick('nodes', i + 1, p.nodeBatches.length, done, graph.nodes.length, nodesStart, started));
      }
      stats.nodesMs = Date.now() - nodesStart;

      const relsStart = Date.now();
      done = 0;
      for (const [i, { type, rows }] of p.relBatches.entries()) {
        await opts.beforeBatch?.(tx, { phase: 'relationships', batch: i + 1, batches: p.relBatches.length });
        const res = await tx.run(
          `UNWIND $rows AS row
           MATCH (a:${ENTITY_LABEL} {id: row[0]})
           MATCH (b:${ENTITY_LABEL} {id: row[1]})
           MERGE (a)-[r:${type}]->(b)
           SET r = row[3], r.id = row[0] + '-${type}->' + row[1], r.sourcesJson = row[2]
           RETURN count(r) AS written`,
          { rows },
        );
        // Fewer rows than sent means an end was missing: the graph would not equal the files.
        expectWritten(res.records[0]?.get('written'), rows.length, `${type} relationships`);
        done += rows.length;
        progress(tick('relationships', i + 1, p.relBatches.length, done, graph.relationships.length, relsStart, started));
      }
      stats.relsMs = Date.now() - relsStart;

      progress(tick('verify', 0, 1, 0, 0, started, started));
      stats.counts = await verifyCounts(tx, graph);
      progress(tick('commit', 0, 1, 0, 0, started, started));
    });
  } finally {
    await session.close();
  }
  return stats;
}

/** Staged swap: stage in small transactions, flip in one, retire the old graph in batches. */
async function loadStaged(driver: Driver, graph: SeedGraph, p: Prepared, opts: LoadOptions, started: number): Promise<Stats> {
  const progress = opts.onProgress ?? (() => {});
  const { database } = opts;
  const stats: Stats = { removedNodes: 0, removedRelationships: 0, nodesMs: 0, relsMs: 0, flipMs: 0 };
  // Staged relationships find their ends by internal node id (below), so the index on
  // staging ids that earlier loads used would only slow node creation down.
  await driver.executeQuery('DROP INDEX seed_staging_id IF EXISTS', {}, { database });
  await removeLeftovers(driver, database, p.nodeBatch, progress, started);

  // `id()` is deprecated in favour of elementId(), whose strings are several times longer
  // than these integers; the notification about it is switched off for these sessions.
  // One session per batch in flight (a session runs one transaction at a time).
  const sessions = Array.from({ length: p.inFlight }, () =>
    driver.session({
      database,
      defaultAccessMode: neo4j.session.WRITE,
      notificationFilter: { disabledClassifications: ['DEPRECATION'] },
    }),
  );
  const session = sessions[0]!;
  // Seed id → internal id of its staging node. Internal ids are stable while the node
  // exists, and staging nodes live until the flip; only one load runs at a time.
  const internal = new Map<string, number>();
  const stagedNode = (id: string): Integer => {
    const nid = internal.get(id);
    if (nid === undefined) throw new Error(`relationship end ${id} is not among the loaded nodes; rolled back`);
    return neo4j.int(nid);
  };
  let flipped = false;
  try {
    const nodesStart = Date.now();
    let done = 0;
    let batches = 0;
    await pipelined(p.nodeBatches.length, sessions, async (i, s, sent) => {
      const { label, list: rows } = p.nodeBatches[i]!;
      const written = await s.executeWrite(async (tx) => {
        await opts.beforeBatch?.(tx, { phase: 'nodes', batch: i + 1, batches: p.nodeBatches.length });
        const result = tx.run(
          `UNWIND $rows AS row
           CREATE (n:${STAGING_LABEL})
           SET ${SET_NODE_COLUMNS}, n.seedLabel = $label
           RETURN collect([n.id, id(n)]) AS written`,
          { rows, label },
        );
        sent();
        const res = await result;
        const got = (res.records[0]?.get('written') ?? []) as Array<[string, unknown]>;
        expectWritten(got.length, rows.length, `${label} nodes`);
        return got;
      });
      // Kept only once the batch has committed (executeWrite may run the function again).
      for (const [id, nid] of written) internal.set(id, toNum(nid));
      done += rows.length;
      progress(tick('nodes', ++batches, p.nodeBatches.length, done, graph.nodes.length, nodesStart, started));
    });
    stats.nodesMs = Date.now() - nodesStart;

    const relsStart = Date.now();
    done = 0;
    batches = 0;
    await pipelined(p.relBatches.length, sessions, async (i, s, sent) => {
      const { type, rows } = p.relBatches[i]!;
      const staged = rows.map(([source, target, sourcesJson, props]) => [stagedNode(source), stagedNode(target), sourcesJson, props]);
      await s.executeWrite(async (tx) => {
        await opts.beforeBatch?.(tx, { phase: 'relationships', batch: i + 1, batches: p.relBatches.length });
        const result = tx.run(
          `UNWIND $rows AS row
           MATCH (a) WHERE id(a) = row[0] AND a:${STAGING_LABEL}
           MATCH (b) WHERE id(b) = row[1] AND b:${STAGING_LABEL}
           CREATE (a)-[r:${type}]->(b)
           SET r = row[3], r.id = a.id + '-${type}->' + b.id, r.sourcesJson = row[2]
           RETURN count(r) AS written`,
          { rows: staged },
        );
        sent();
        const res = await result;
        expectWritten(res.records[0]?.get('written'), rows.length, `${type} relationships`);
      });
      done += rows.length;
      progress(tick('relationships', ++batches, p.relBatches.length, done, graph.relationships.length, relsStart, started));
    });
    stats.relsMs = Date.now() - relsStart;

    progress(tick('flip', 0, 1, 0, 0, started, started));
    const before = await graphCounts(driver, database);
    const flipStart = Date.now();
    await session.executeWrite(async (tx) => {
      await tx.run(`MATCH (n:${ENTITY_LABEL}) REMOVE n:${ENTITY_LABEL}:${NODE_LABELS.join(':')} SET n:${RETIRED_LABEL}`);
      for (const label of NODE_LABELS) {
        await tx.run(
          `MATCH (n:${STAGING_LABEL}) WHERE n.seedLabel = $label
           REMOVE n:${STAGING_LABEL}, n.seedLabel
           SET n:${ENTITY_LABEL}:${label}`,
          { label },
        );
      }
      stats.counts = await verifyCounts(tx, graph);
    });
    flipped = true;
    stats.flipMs = Date.now() - flipStart;
    stats.removedNodes = before.nodes;
    stats.removedRelationships = before.relationships;
    progress(tick('commit', 0, 1, 0, 0, started, started));
  } catch (err) {
    // Our staging is invisible, but leave the database as it was (best effort; the next
    // load removes leftovers anyway).
    if (!flipped) await deleteLabelled(driver, database, STAGING_LABEL, p.nodeBatch).catch(() => {});
    throw err;
  } finally {
    await Promise.all(sessions.map((x) => x.close()));
  }
  await removeLeftovers(driver, database, p.nodeBatch, progress, started);
  return stats;
}

/**
 * Runs batches 0..count-1 with up to one batch per session in flight: batch i+1 starts
 * (its rows are built and encoded) once batch i has been sent, so the driver prepares the
 * next batch while Neo4j writes this one, and two transactions can use two cores. A batch
 * calls `sent()` after its test hook and once its query is on its way; a batch that fails
 * stops new ones from starting, the ones in flight are awaited, and the first error is thrown.
 */
async function pipelined(count: number, sessions: readonly Session[], run: (i: number, session: Session, sent: () => void) => Promise<void>): Promise<void> {
  const free = [...sessions];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (let i = 0; i < count && !failure; i++) {
    while (free.length === 0) await Promise.race(running);
    if (failure) break;
    const session = free.pop()!;
    let sent!: () => void;
    const launched = new Promise<void>((resolve) => (sent = resolve));
    const task: Promise<void> = run(i, session, sent)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        running.delete(task);
        free.push(session);
        sent();
      });
    running.add(task);
    await launched;
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

/** Deletes staged and retired nodes of earlier loads (invisible to every reader), in batches. */
async function removeLeftovers(
  driver: Driver,
  database: string,
  batch: number,
  progress: (p: LoadProgress) => void,
  started: number,
): Promise<void> {
  for (const label of [RETIRED_LABEL, STAGING_LABEL]) {
    let removed = 0;
    await deleteLabelled(driver, database, label, batch, (n) => {
      removed += n;
      progress(tick('cleanup', 0, 0, removed, removed, started, started));
    });
  }
}

async function deleteLabelled(driver: Driver, database: string, label: string, batch: number, onBatch?: (n: number) => void): Promise<void> {
  // Small node batches, since each node takes its relationships along.
  const size = Math.max(1, Math.min(batch, 2_000));
  while (true) {
    const res = await driver.executeQuery(
      `MATCH (n:${label}) WITH n LIMIT $size DETACH DELETE n RETURN count(*) AS deleted`,
      { size: neo4j.int(size) },
      { database },
    );
    const n = toNum(res.records[0]?.get('deleted'));
    if (n === 0) return;
    onBatch?.(n);
  }
}

/** The committed graph must equal the files; anything else rolls the transaction back. */
async function verifyCounts(tx: Runner, graph: SeedGraph): Promise<GraphCounts> {
  const counts = await countsIn(tx);
  if (counts.nodes !== graph.nodes.length || counts.relationships !== graph.relationships.length) {
    throw new Error(
      `after loading, Neo4j would hold ${counts.nodes} nodes and ${counts.relationships} relationships, ` +
        `but the seed has ${graph.nodes.length} and ${graph.relationships.length}; rolled back`,
    );
  }
  return counts;
}

/**
 * Labels and relationship types are written into the Cypher text (Cypher cannot take them
 * as parameters), so only the schema's own names may get there, whoever built the graph.
 */
function assertSchemaNames(graph: SeedGraph): void {
  const labels = new Set<string>(NODE_LABELS);
  const types = new Set<string>(REL_TYPES);
  const badNode = graph.nodes.find((n) => !labels.has(n.label));
  if (badNode) throw new Error(`node ${badNode.id} has label ${JSON.stringify(badNode.label)}, which is not in the schema; nothing was loaded`);
  const badRel = graph.relationships.find((r) => !types.has(r.type));
  if (badRel) throw new Error(`relationship ${badRel.id} has type ${JSON.stringify(badRel.type)}, which is not in the schema; nothing was loaded`);
  // Search encloses each field in the separator (server/stores/neo4j/search-keys.ts).
  for (const n of graph.nodes) {
    const field = fieldWithSeparator(n);
    if (field) throw new Error(`node ${n.id}: ${field} holds U+0001, which search uses as a separator; nothing was loaded`);
  }
  // The load queries derive each relationship's id from its ends and type.
  const badId = graph.relationships.find((r) => r.id !== relationshipId(r));
  if (badId) throw new Error(`relationship ${badId.id} should have the id ${relationshipId(badId)}; nothing was loaded`);
}

function positive(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
  return n;
}

function rate(items: number, ms: number): number {
  return ms > 0 ? Math.round((items * 1000) / ms) : items;
}

function tick(phase: LoadPhase, batch: number, batches: number, done: number, total: number, phaseStart: number, started: number): LoadProgress {
  const now = Date.now();
  return { phase, batch, batches, done, total, rate: rate(done, now - phaseStart), elapsedMs: now - started };
}

function expectWritten(value: unknown, expected: number, what: string): void {
  const n = neo4j.isInt(value) ? value.toNumber() : Number(value);
  if (n !== expected) throw new Error(`wrote ${n} of ${expected} ${what} in a batch (a missing endpoint?); rolled back`);
}

// ---------------------------------------------------------------------------------------
// Reading back: counts and a content hash

type Runner = Pick<ManagedTransaction, 'run'>;

async function countsIn(tx: Runner): Promise<GraphCounts> {
  const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
  const types: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
  let nodes = 0;
  let relationships = 0;
  const n = await tx.run(`MATCH (n:${ENTITY_LABEL}) RETURN [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'] AS labels, count(*) AS c`);
  for (const rec of n.records) {
    const c = toNum(rec.get('c'));
    nodes += c;
    for (const l of rec.get('labels') as string[]) labels[l] = (labels[l] ?? 0) + c;
  }
  const r = await tx.run(`MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) RETURN type(r) AS t, count(*) AS c`);
  for (const rec of r.records) {
    const c = toNum(rec.get('c'));
    relationships += c;
    const t = rec.get('t') as string;
    types[t] = (types[t] ?? 0) + c;
  }
  return { nodes, relationships, labels, types };
}

function toNum(v: unknown): number {
  return neo4j.isInt(v) ? v.toNumber() : Number(v);
}

/** Seed nodes and relationships in the database, per label and type. */
export async function graphCounts(driver: Driver, database: string): Promise<GraphCounts> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => countsIn(tx));
  } finally {
    await session.close();
  }
}

/** A canonical JSON text of a Neo4j value: sorted keys, integers marked so 1 ≠ 1.0. */
function canonical(v: unknown): string {
  if (neo4j.isInt(v)) return `{"$int":"${v.toString()}"}`;
  if (typeof v === 'number') return `{"$float":${JSON.stringify(v)}}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * A stable hash of every seed node (labels and properties) and every relationship between
 * them (type, ends and properties), ordered by id: equal hashes mean equal seed graphs.
 */
export async function contentHash(driver: Driver, database: string): Promise<string> {
  const hash = createHash('sha256');
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead(async (tx) => {
      const nodes = await tx.run(
        `MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id, elementId(n)`,
      );
      for (const rec of nodes.records) {
        const labels = [...(rec.get('labels') as string[])].sort();
        hash.update(`N${canonical([rec.get('id'), labels, rec.get('props')])}\n`);
      }
      const rels = await tx.run(
        `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL})
         RETURN a.id AS s, type(r) AS type, b.id AS t, properties(r) AS props
         ORDER BY r.id, s, type, t, elementId(r)`,
      );
      for (const rec of rels.records) hash.update(`R${canonical([rec.get('s'), rec.get('type'), rec.get('t'), rec.get('props')])}\n`);
    });
  } finally {
    await session.close();
  }
  return hash.digest('hex');
}
