/**
 * Reading the live seed graph back from Neo4j: counts per label and type, and a content
 * hash. Both see what readers see: the live generation (./neo4j-generations.ts), whose
 * bookkeeping property `gen` is left out of the hash, so equal graphs hash equal whichever
 * load wrote them.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { liveGeneration } from './neo4j-generations.js';
import { ENTITY_LABEL, toNumber } from './neo4j-model.js';
import { NODE_LABELS, REL_TYPES } from './schema.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Per seed label (the `Entity` label left out), zero counts included. */
  labels: Record<string, number>;
  /** Per relationship type, zero counts included. */
  types: Record<string, number>;
}

type Runner = Pick<ManagedTransaction, 'run'>;

/** The counts of one generation (none: an empty graph). */
export async function countsIn(tx: Runner, gen: number | null): Promise<GraphCounts> {
  const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
  const types: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
  let nodes = 0;
  let relationships = 0;
  if (gen === null) return { nodes, relationships, labels, types };
  const params = { gen: neo4j.int(gen) };
  const n = await tx.run(
    `MATCH (n:${ENTITY_LABEL}) WHERE n.gen = $gen RETURN [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'] AS labels, count(*) AS c`,
    params,
  );
  for (const rec of n.records) {
    const c = toNumber(rec.get('c'));
    nodes += c;
    for (const l of rec.get('labels') as string[]) labels[l] = (labels[l] ?? 0) + c;
  }
  const r = await tx.run(`MATCH (a:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) WHERE a.gen = $gen RETURN type(r) AS t, count(*) AS c`, params);
  for (const rec of r.records) {
    const c = toNumber(rec.get('c'));
    relationships += c;
    const t = rec.get('t') as string;
    types[t] = (types[t] ?? 0) + c;
  }
  return { nodes, relationships, labels, types };
}

async function readLive<T>(driver: Driver, database: string, work: (tx: ManagedTransaction, gen: number | null) => Promise<T>): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => work(tx, await liveGeneration(tx)));
  } finally {
    await session.close();
  }
}

/** Seed nodes and relationships readers see, per label and type. */
export async function graphCounts(driver: Driver, database: string): Promise<GraphCounts> {
  return readLive(driver, database, countsIn);
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
 * A stable hash of every node readers see (labels and properties but `gen`) and every
 * relationship between them (type, ends and properties), ordered by id: equal hashes mean
 * equal seed graphs.
 */
export async function contentHash(driver: Driver, database: string): Promise<string> {
  const hash = createHash('sha256');
  await readLive(driver, database, async (tx, gen) => {
    if (gen === null) return;
    const params = { gen: neo4j.int(gen) };
    const nodes = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.gen = $gen RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id, elementId(n)`,
      params,
    );
    for (const rec of nodes.records) {
      const labels = [...(rec.get('labels') as string[])].sort();
      const props = { ...(rec.get('props') as Record<string, unknown>) };
      delete props.gen;
      hash.update(`N${canonical([rec.get('id'), labels, props])}\n`);
    }
    const rels = await tx.run(
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE a.gen = $gen
       RETURN a.id AS s, type(r) AS type, b.id AS t, properties(r) AS props
       ORDER BY r.id, s, type, t, elementId(r)`,
      params,
    );
    for (const rec of rels.records) hash.update(`R${canonical([rec.get('s'), rec.get('type'), rec.get('t'), rec.get('props')])}\n`);
  });
  return hash.digest('hex');
}
