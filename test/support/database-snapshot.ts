/**
 * A snapshot of the whole Neo4j database, for the suites that send hostile or broken input and
 * claim "nothing changed". It deliberately does not reuse the product's read-back
 * (graph-seed/neo4j-readback.ts), which sees only what readers see (live-generation `Entity`
 * nodes): a payload that wrote a node without `gen`, a node of another label, a relationship
 * or an index would leave that unchanged. This reads everything:
 *
 * - every node with all its labels and properties (`gen` included), counted per label set and
 *   per generation;
 * - every relationship with its type, both ends and its properties;
 * - constraints and indexes (definition, not state, which moves while an index populates);
 * - the count of nodes readers cannot see: everything but the live generation's `Entity`
 *   nodes and the one state node.
 *
 *   const before = await databaseSnapshot();
 *   ... hostile input ...
 *   expect(await databaseSnapshot()).toEqual(before);
 *
 * The counts and lists come first in the object, so a failing `toEqual` shows what kind of
 * thing changed; the hash covers every property value.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { withDriver, type Neo4jTarget } from './neo4j.js';

export interface DatabaseSnapshot {
  nodes: number;
  relationships: number;
  /** Node counts per sorted label set ("Agency:Entity"). */
  byLabels: Record<string, number>;
  /** Node counts per `gen` value ("none" for nodes without one). */
  byGeneration: Record<string, number>;
  /** Relationship counts per type. */
  byType: Record<string, number>;
  /** `SeedState {key: 'live'}.generation`, read here with a query of this file's own. */
  liveGeneration: number | null;
  /** Nodes that are neither live-generation `Entity` nodes nor the state node. */
  invisibleNodes: number;
  constraints: string[];
  indexes: string[];
  /** sha256 over every node and relationship, each as canonical JSON, sorted. */
  hash: string;
}

/** JSON with sorted keys, so equal maps give equal text. Integers arrive as JS numbers (openDriver). */
function canonical(v: unknown): string {
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

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function sorted(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads the snapshot with a driver the caller owns (integers as JS numbers: `openDriver`). */
export async function snapshotWith(driver: Driver, database: string): Promise<DatabaseSnapshot> {
  const q = (cypher: string) => driver.executeQuery(cypher, {}, { database, routing: 'READ' }).then((r) => r.records);

  const state = await q(`MATCH (s:SeedState {key: 'live'}) RETURN s.generation AS gen`);
  const liveRaw = state[0]?.get('gen') as number | null | undefined;
  const liveGeneration = liveRaw === undefined || liveRaw === null ? null : Number(liveRaw);

  const hash = createHash('sha256');
  const byLabels: Record<string, number> = {};
  const byGeneration: Record<string, number> = {};
  let invisibleNodes = 0;
  const nodeLines: string[] = [];
  for (const rec of await q('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props')) {
    const labels = [...(rec.get('labels') as string[])].sort();
    const props = rec.get('props') as Record<string, unknown>;
    bump(byLabels, labels.join(':') || '(no label)');
    bump(byGeneration, props['gen'] === undefined || props['gen'] === null ? 'none' : String(props['gen']));
    const visible = labels.includes('Entity') && liveGeneration !== null && props['gen'] === liveGeneration;
    const isState = labels.length === 1 && labels[0] === 'SeedState' && props['key'] === 'live';
    if (!visible && !isState) invisibleNodes += 1;
    nodeLines.push(`N${canonical([labels, props])}`);
  }

  const byType: Record<string, number> = {};
  const relLines: string[] = [];
  for (const rec of await q(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, properties(r) AS props,
            [labels(a), a.id, a.gen] AS start, [labels(b), b.id, b.gen] AS end`,
  )) {
    bump(byType, rec.get('type') as string);
    const end = (v: unknown) => {
      const [labels, id, gen] = v as [string[], unknown, unknown];
      return [[...labels].sort(), id ?? null, gen ?? null];
    };
    relLines.push(`R${canonical([end(rec.get('start')), rec.get('type'), end(rec.get('end')), rec.get('props')])}`);
  }
  for (const line of [...nodeLines.sort(), ...relLines.sort()]) hash.update(`${line}\n`);

  const constraints = (await q('SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN *'))
    .map((r) => canonical(r.toObject()))
    .sort();
  const indexes = (await q('SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider RETURN *'))
    .map((r) => canonical(r.toObject()))
    .sort();

  return {
    nodes: nodeLines.length,
    relationships: relLines.length,
    byLabels: sorted(byLabels),
    byGeneration: sorted(byGeneration),
    byType: sorted(byType),
    liveGeneration,
    invisibleNodes,
    constraints,
    indexes,
    hash: hash.digest('hex'),
  };
}

/**
 * A check of the checkers: with `PLANT_WRITE` set to one of these kinds, every snapshot after
 * the first in a test file first makes that write, as a payload that got through would, so
 * each suite comparing snapshots must fail. `PLANT_WRITE=index npx vitest run --project neo4j
 * test/reliability/injection.neo4j.test.ts` shows it; unset, nothing is planted.
 */
export const PLANTED_WRITES: Record<string, (n: number) => string> = {
  'node-without-gen': (n) => `CREATE (:Entity:Agency {id: 'planted:${n}', name: 'planted'})`,
  'other-label': (n) => `CREATE (:Planted {id: 'planted:${n}'})`,
  relationship: () => "MATCH (a:Entity {id: 'agency:cbrc'}), (b:Entity {id: 'agency:csrc'}) WHERE a.gen = b.gen CREATE (a)-[:ISSUED {planted: true}]->(b)",
  index: (n) => `CREATE INDEX planted_${n} IF NOT EXISTS FOR (n:Entity) ON (n.planted_${n})`,
};
let snapshotsTaken = 0;

async function plantIfAsked(driver: Driver, database: string): Promise<void> {
  const kind = process.env['PLANT_WRITE'];
  if (!kind || snapshotsTaken++ === 0) return;
  const write = PLANTED_WRITES[kind];
  if (!write) throw new Error(`PLANT_WRITE must be one of ${Object.keys(PLANTED_WRITES).join(', ')}, got ${kind}`);
  await driver.executeQuery(write(Date.now() + Math.floor(Math.random() * 1e6)), {}, { database });
}

/** The snapshot of this run's Neo4j. Call it inside `describeNeo4j`. */
export function databaseSnapshot(): Promise<DatabaseSnapshot> {
  return withDriver(async (driver: Driver, target: Neo4jTarget) => {
    await plantIfAsked(driver, target.database);
    return snapshotWith(driver, target.database);
  });
}
