/**
 * Generations of the seed graph in Neo4j (see the data model in ./neo4j-loader.ts): which
 * one is live, flipping to a new one, and deleting the others in batches.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL, LIVE_KEY, STATE_LABEL, toNumber } from './neo4j-model.js';

/**
 * Labels of the loader before generations: staged nodes of an interrupted load and retired
 * nodes of an old graph, invisible to readers. Deleted by every load, so an upgraded
 * database carries none of them.
 */
export const LEGACY_LEFTOVER_LABELS = ['SeedStaging', 'SeedRetired'] as const;

type Runner = Pick<ManagedTransaction, 'run'>;

/** The live generation, or null when no graph was loaded (or only by the loader before generations). */
export async function liveGeneration(tx: Runner): Promise<number | null> {
  const res = await tx.run(`MATCH (s:${STATE_LABEL} {key: $key}) RETURN s.generation AS gen`, { key: LIVE_KEY });
  const gen = res.records[0]?.get('gen');
  return gen === undefined || gen === null ? null : toNumber(gen);
}

export async function readLiveGeneration(driver: Driver, database: string): Promise<number | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => liveGeneration(tx));
  } finally {
    await session.close();
  }
}

/**
 * Makes `gen` the live generation, inside the caller's transaction, with a new revision (a
 * single-mode load rewrites the live generation in place, so the generation alone would not
 * say that the graph changed). `expected` is the live
 * generation the load started from: if another load flipped in between, this throws and
 * the transaction rolls back rather than hide that load's graph.
 */
export async function setLiveGeneration(tx: Runner, gen: number, expected: number | null): Promise<void> {
  const res = await tx.run(
    `MERGE (s:${STATE_LABEL} {key: $key})
     WITH s, s.generation AS was
     SET s.generation = $gen, s.revision = randomUUID()
     RETURN was`,
    { key: LIVE_KEY, gen: neo4j.int(gen) },
  );
  const raw = res.records[0]?.get('was');
  const was = raw === undefined || raw === null ? null : toNumber(raw);
  if (was !== expected) {
    throw new Error(`the live graph changed during this load (generation ${String(was)}, expected ${String(expected)}): another load ran at the same time; rolled back`);
  }
}

/** Small node batches, since each node takes its relationships along. */
function deleteBatchSize(batch: number): number {
  return Math.max(1, Math.min(batch, 2_000));
}

/** Deletes, in batches of their own transactions, the nodes (with their relationships) that one `MATCH … WHERE` finds. */
async function deleteWhere(driver: Driver, database: string, match: string, params: Record<string, unknown>, batch: number, onBatch?: (n: number) => void): Promise<void> {
  const size = neo4j.int(deleteBatchSize(batch));
  while (true) {
    const res = await driver.executeQuery(`${match} WITH n LIMIT $size DETACH DELETE n RETURN count(*) AS deleted`, { ...params, size }, { database });
    const n = toNumber(res.records[0]?.get('deleted'));
    if (n === 0) return;
    onBatch?.(n);
  }
}

/** Deletes one generation (a failed load's own, or the one a flip replaced). */
export async function deleteGeneration(driver: Driver, database: string, gen: number, batch: number, onBatch?: (n: number) => void): Promise<void> {
  await deleteWhere(driver, database, `MATCH (n:${ENTITY_LABEL}) WHERE n.gen = $gen`, { gen: neo4j.int(gen) }, batch, onBatch);
}

/**
 * Deletes every seed node that readers cannot see: all generations but `live` (older and
 * newer, found through the generation index), nodes without a generation (a graph of the
 * loader before generations, or nodes written by hand; one label scan finds them), and the
 * legacy leftover labels.
 */
export async function deleteInvisible(driver: Driver, database: string, live: number | null, batch: number, onBatch?: (n: number) => void): Promise<void> {
  if (live === null) {
    await deleteWhere(driver, database, `MATCH (n:${ENTITY_LABEL})`, {}, batch, onBatch);
  } else {
    const gen = neo4j.int(live);
    await deleteWhere(driver, database, `MATCH (n:${ENTITY_LABEL}) WHERE n.gen < $gen`, { gen }, batch, onBatch);
    await deleteWhere(driver, database, `MATCH (n:${ENTITY_LABEL}) WHERE n.gen > $gen`, { gen }, batch, onBatch);
    await deleteWhere(driver, database, `MATCH (n:${ENTITY_LABEL}) WHERE n.gen IS NULL`, {}, batch, onBatch);
  }
  for (const label of LEGACY_LEFTOVER_LABELS) await deleteWhere(driver, database, `MATCH (n:${label})`, {}, batch, onBatch);
}

/** How many seed nodes readers cannot see (0 once a load has finished and cleaned up). */
export async function invisibleNodeCount(driver: Driver, database: string): Promise<number> {
  const res = await driver.executeQuery(
    `OPTIONAL MATCH (s:${STATE_LABEL} {key: $key})
     WITH s.generation AS live
     MATCH (n)
     WHERE (n:${ENTITY_LABEL} AND (live IS NULL OR n.gen IS NULL OR n.gen <> live))
        OR ${LEGACY_LEFTOVER_LABELS.map((l) => `n:${l}`).join(' OR ')}
     RETURN count(n) AS c`,
    { key: LIVE_KEY },
    { database },
  );
  return toNumber(res.records[0]?.get('c'));
}
