/**
 * Loads a validated seed graph into Neo4j so that afterwards the database holds exactly the
 * seed: seed nodes and relationships that are no longer in the files are removed.
 *
 * Data model (read by server/stores/neo4j):
 * - every seed node has its label, the common label `Entity` and the integer `gen`, the
 *   generation of the load that wrote it; scalar seed fields are properties (`aliases` a
 *   string list, integers as Neo4j integers); `sources` and `figures` are JSON strings
 *   `sourcesJson`, `figuresJson` (Neo4j cannot store maps); a dated Rule or Event also has
 *   `dateKey` and `dateEndKey`, the start and end keys of its date (./dates.ts);
 * - relationships carry `id` (`relationshipId`), their scalar `properties` and `sourcesJson`;
 *   they always join two nodes of one generation;
 * - one `(:SeedState {key: 'live'})` node holds `generation`, the generation readers see.
 *   Every query starts from nodes of that generation (`LIVE_GENERATION` in
 *   ./neo4j-model.ts) and reaches the rest through relationships, which never
 *   leave a generation. Nodes of any other generation are invisible.
 * - "seed-managed" means: every `:Entity` node, every relationship between two of them, and
 *   the `SeedState` node. Nothing else in the database is touched.
 *
 * Atomicity: readers see either the old graph or the new one, never a mix, whatever
 * happens to the load (an error, a constraint violation, SIGKILL of the loading process,
 * which drops the Bolt connection). Two ways, chosen by size (`mode`, default `auto`):
 *
 * - `single` (up to SINGLE_TRANSACTION_MAX nodes + relationships in the new graph and in
 *   the one it replaces, which covers the real seed many times over): the whole replacement
 *   of the live generation in place (deleting what the files no longer hold, merging every
 *   node and relationship in batches, checking the counts) is ONE write transaction.
 *   Anything that stops it makes Neo4j roll it back.
 * - `staged` (larger graphs, whose single transaction would outgrow Neo4j's transaction
 *   memory limit, about 70% of the heap: 50k nodes with 250k relationships did not fit in
 *   1 GB): the new graph is written in many small transactions as the next generation,
 *   invisible to readers while it grows. Then ONE small flip transaction checks its counts
 *   and points `SeedState.generation` at it. The old generation is then deleted in batches.
 *   Killed before or during the flip: the old graph stays live and the new generation is an
 *   invisible leftover; killed after it: the new graph is live and the old generation is an
 *   invisible leftover. Every load starts by deleting leftovers (every generation but the
 *   live one), and a failed load deletes its own generation. The flip touches one node
 *   whatever the size; an earlier design relabelled every node in it, and that transaction
 *   outgrew a 4.9 GiB transaction memory limit at 1M nodes.
 *   A reader whose query started before the flip may see the old generation lose nodes
 *   while it is deleted; a query that starts after the flip sees only the new one.
 *
 * One load at a time: two concurrent loads would delete each other's generation.
 *
 * Schema statements (constraints, indexes) cannot share a transaction with writes; they run
 * first, are idempotent (IF NOT EXISTS), and never remove data.
 */
import neo4j, { type Driver, type Integer, type ManagedTransaction, type Session } from 'neo4j-driver';
import { deleteGeneration, deleteInvisible, readLiveGeneration, setLiveGeneration } from './neo4j-generations.js';
import { ENTITY_LABEL, fieldWithSeparator, searchProperties, STATE_LABEL, toNumber } from './neo4j-model.js';
import { countsIn, graphCounts, type GraphCounts } from './neo4j-readback.js';
import { DATED_LABELS, dateEndKey, dateKey } from './dates.js';
import { NODE_LABELS, REL_TYPES, relationshipId, type GraphRelationship, type SeedGraph, type SeedNode } from './schema.js';

export { invisibleNodeCount, LEGACY_LEFTOVER_LABELS } from './neo4j-generations.js';
export { ENTITY_LABEL, STATE_LABEL } from './neo4j-model.js';
export { contentHash, graphCounts, type GraphCounts } from './neo4j-readback.js';
/**
 * The cjk full-text index of earlier versions, dropped by `ensureSchema`: no query reads it
 * (search is substring matching on the TEXT indexes below, which the cjk analyzer's bigrams
 * cannot give), and keeping it up to date was a fifth of the node batches' Neo4j CPU time.
 */
export const RETIRED_FULLTEXT_INDEX = 'entitySearch';
/**
 * TEXT indexes (trigram-backed in Neo4j 5; they serve CONTAINS) on the search properties of
 * `./neo4j-model.ts`, which SEARCH_CYPHER reads.
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

export interface LoadResult extends GraphCounts {
  mode: 'single' | 'staged';
  removedNodes: number;
  removedRelationships: number;
  ms: number;
  /**
   * Nodes per second of the node batches and relationships per second of the relationship
   * batches (from the first batch sent to the last committed; their commits write the index
   * entries). Not included: schema, clean-up of earlier loads and of the replaced graph, and
   * in staged mode the flip (`flipMs`). `ms` is the whole load.
   */
  nodesPerSec: number;
  relsPerSec: number;
  /** Staged mode: the flip transaction (counting the new generation, then pointing `SeedState` at it), commit included; 0 in single mode. */
  flipMs: number;
}

// ---------------------------------------------------------------------------------------
// Schema

/** Seed ids are unique within a generation; two generations hold the same ids while a staged load runs. */
export const ID_CONSTRAINT = 'entity_id_gen_unique';
/** Finds a generation's nodes (leftovers to delete, the live graph to count). */
export const GENERATION_INDEX = 'entity_gen';
const STATE_CONSTRAINT = 'seed_state_key_unique';

/**
 * Uniqueness of (`id`, `gen`) on `Entity`, the generation index, the `SeedState` key and the
 * TEXT indexes of search. The constraints of the loader before generations
 * (`<label>_id_unique` on `id` alone, which two generations would break) and the retired
 * full-text index are dropped; dropping a constraint or an index removes no data.
 */
export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  // Labels come from the schema's fixed list, never from input, so interpolating is safe.
  for (const label of [ENTITY_LABEL, ...NODE_LABELS]) {
    await driver.executeQuery(`DROP CONSTRAINT ${label.toLowerCase()}_id_unique IF EXISTS`, {}, { database });
  }
  await driver.executeQuery(
    `CREATE CONSTRAINT ${ID_CONSTRAINT} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE (n.id, n.gen) IS UNIQUE`,
    {},
    { database },
  );
  await driver.executeQuery(`CREATE INDEX ${GENERATION_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.gen)`, {}, { database });
  await driver.executeQuery(
    `CREATE CONSTRAINT ${STATE_CONSTRAINT} IF NOT EXISTS FOR (s:${STATE_LABEL}) REQUIRE s.key IS UNIQUE`,
    {},
    { database },
  );
  await driver.executeQuery(`DROP INDEX ${RETIRED_FULLTEXT_INDEX} IF EXISTS`, {}, { database });
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
  // The date's keys (./dates.ts), so Cypher compares stored strings instead of re-deriving them.
  if (n.date !== undefined && DATED_LABELS.has(n.label)) {
    props.dateKey = dateKey(n.date);
    props.dateEndKey = dateEndKey(n.date);
  }
  if (n.kind !== undefined) props.kind = n.kind;
  for (const key of ['startYear', 'endYear', 'order', 'issuerCount'] as const) {
    const v = n[key];
    if (v !== undefined) props[key] = neo4j.int(v);
  }
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
  'searchKey', 'searchText', 'date', 'dateKey', 'dateEndKey', 'kind', 'startYear', 'endYear', 'order', 'issuerCount',
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

/** The whole replacement of the live generation, in place, in one write transaction. */
async function loadSingle(driver: Driver, graph: SeedGraph, p: Prepared, opts: LoadOptions, started: number): Promise<Stats> {
  const progress = opts.onProgress ?? (() => {});
  const wantedNodes = new Set(graph.nodes.map((n) => n.id));
  const wantedRels = new Set(graph.relationships.map((r) => r.id));
  const stats: Stats = { removedNodes: 0, removedRelationships: 0, nodesMs: 0, relsMs: 0, flipMs: 0 };

  const live = await readLiveGeneration(driver, opts.database);
  await removeLeftovers(driver, opts.database, live, p.nodeBatch, progress, started);
  // Nothing live yet: this load writes generation 1 and makes it live in the same transaction.
  const gen = live ?? 1;
  const genParam = neo4j.int(gen);
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(async (tx) => {
      // executeWrite may retry the whole function on a transient error: start from zero.
      Object.assign(stats, { removedNodes: 0, removedRelationships: 0 });

      progress(tick('read', 0, 1, 0, 0, started, started));
      const existingNodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.gen = $gen RETURN n.id AS id, elementId(n) AS eid`, { gen: genParam });
      const existingRels = await tx.run(
        `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE a.gen = $gen RETURN a.id AS s, type(r) AS type, b.id AS t, r.id AS id, elementId(r) AS eid`,
        { gen: genParam },
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
           MERGE (n:${ENTITY_LABEL} {id: row.id, gen: $gen})
           SET n = row, n.gen = $gen
           REMOVE n:${others}
           SET n:${label}
           RETURN count(n) AS written`,
          { rows, gen: genParam },
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
           MATCH (a:${ENTITY_LABEL} {id: row[0], gen: $gen})
           MATCH (b:${ENTITY_LABEL} {id: row[1], gen: $gen})
           MERGE (a)-[r:${type}]->(b)
           SET r = row[3], r.id = row[0] + '-${type}->' + row[1], r.sourcesJson = row[2]
           RETURN count(r) AS written`,
          { rows, gen: genParam },
        );
        // Fewer rows than sent means an end was missing: the graph would not equal the files.
        expectWritten(res.records[0]?.get('written'), rows.length, `${type} relationships`);
        done += rows.length;
        progress(tick('relationships', i + 1, p.relBatches.length, done, graph.relationships.length, relsStart, started));
      }
      stats.relsMs = Date.now() - relsStart;

      progress(tick('verify', 0, 1, 0, 0, started, started));
      stats.counts = await verifyCounts(tx, graph, gen);
      // Makes generation 1 live on a first load; otherwise rewrites the same generation and
      // checks no other load flipped meanwhile.
      await setLiveGeneration(tx, gen, live);
      progress(tick('commit', 0, 1, 0, 0, started, started));
    });
  } finally {
    await session.close();
  }
  return stats;
}

/**
 * Staged swap: write the next generation in small transactions, flip the live generation
 * to it in one small transaction, delete the old generation in batches.
 */
async function loadStaged(driver: Driver, graph: SeedGraph, p: Prepared, opts: LoadOptions, started: number): Promise<Stats> {
  const progress = opts.onProgress ?? (() => {});
  const { database } = opts;
  const stats: Stats = { removedNodes: 0, removedRelationships: 0, nodesMs: 0, relsMs: 0, flipMs: 0 };
  const live = await readLiveGeneration(driver, database);
  await removeLeftovers(driver, database, live, p.nodeBatch, progress, started);
  const gen = (live ?? 0) + 1;
  const genParam = neo4j.int(gen);

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
  // Seed id → internal id of its node in the new generation. Internal ids are stable while
  // the node exists, and only one load runs at a time.
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
           CREATE (n:${ENTITY_LABEL}:${label})
           SET ${SET_NODE_COLUMNS}, n.gen = $gen
           RETURN collect([n.id, id(n)]) AS written`,
          { rows, gen: genParam },
        );
        sent();
        const res = await result;
        const got = (res.records[0]?.get('written') ?? []) as Array<[string, unknown]>;
        expectWritten(got.length, rows.length, `${label} nodes`);
        return got;
      });
      // Kept only once the batch has committed (executeWrite may run the function again).
      for (const [id, nid] of written) internal.set(id, toNumber(nid));
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
           MATCH (a) WHERE id(a) = row[0] AND a.gen = $gen
           MATCH (b) WHERE id(b) = row[1] AND b.gen = $gen
           CREATE (a)-[r:${type}]->(b)
           SET r = row[3], r.id = a.id + '-${type}->' + b.id, r.sourcesJson = row[2]
           RETURN count(r) AS written`,
          { rows: staged, gen: genParam },
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
      stats.counts = await verifyCounts(tx, graph, gen);
      await setLiveGeneration(tx, gen, live);
    });
    flipped = true;
    stats.flipMs = Date.now() - flipStart;
    stats.removedNodes = before.nodes;
    stats.removedRelationships = before.relationships;
    progress(tick('commit', 0, 1, 0, 0, started, started));
  } catch (err) {
    // Our generation is invisible, but leave the database as it was (best effort; the next
    // load removes leftovers anyway).
    if (!flipped) await deleteGeneration(driver, database, gen, p.nodeBatch).catch(() => {});
    throw err;
  } finally {
    await Promise.all(sessions.map((x) => x.close()));
  }
  await removeLeftovers(driver, database, gen, p.nodeBatch, progress, started);
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

/** Deletes the nodes readers cannot see (every generation but `live`, and older leftovers), reporting progress. */
async function removeLeftovers(
  driver: Driver,
  database: string,
  live: number | null,
  batch: number,
  progress: (p: LoadProgress) => void,
  started: number,
): Promise<void> {
  let removed = 0;
  await deleteInvisible(driver, database, live, batch, (n) => {
    removed += n;
    progress(tick('cleanup', 0, 0, removed, removed, started, started));
  });
}

/** The generation must equal the files; anything else rolls the transaction back. */
async function verifyCounts(tx: Runner, graph: SeedGraph, gen: number): Promise<GraphCounts> {
  const counts = await countsIn(tx, gen);
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
  // Search encloses each field in the separator (./neo4j-model.ts).
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
  const n = toNumber(value);
  if (n !== expected) throw new Error(`wrote ${n} of ${expected} ${what} in a batch (a missing endpoint?); rolled back`);
}

type Runner = Pick<ManagedTransaction, 'run'>;
