/**
 * The whole-database snapshot (./database-snapshot.ts) is what the injection, fuzz, broken-seed
 * and hardening suites rely on to say "nothing changed", so it must see every kind of write a
 * payload could make: each is planted here, must change the snapshot where expected, and is
 * undone, after which the snapshot is equal to the first again.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { databaseSnapshot, type DatabaseSnapshot } from './database-snapshot.js';
import { describeNeo4j, withDriver } from './neo4j.js';

const run = (cypher: string) => withDriver((driver, target) => driver.executeQuery(cypher, {}, { database: target.database }));

/** A write, its undo, and the snapshot fields it must change. */
const PLANTED: Array<{ name: string; write: string; undo: string; changes: Array<keyof DatabaseSnapshot> }> = [
  {
    name: 'a node without gen',
    write: "CREATE (:Entity:Agency {id: 'planted:no-gen', name: 'x'})",
    undo: "MATCH (n {id: 'planted:no-gen'}) DETACH DELETE n",
    changes: ['nodes', 'byLabels', 'byGeneration', 'invisibleNodes', 'hash'],
  },
  {
    name: 'a node of another label',
    write: "CREATE (:Planted {id: 'planted:label'})",
    undo: 'MATCH (n:Planted) DETACH DELETE n',
    changes: ['nodes', 'byLabels', 'byGeneration', 'invisibleNodes', 'hash'],
  },
  {
    name: 'a relationship between live nodes',
    write: "MATCH (a:Entity {id: 'agency:cbrc'}), (b:Entity {id: 'agency:csrc'}) CREATE (a)-[:PLANTED]->(b)",
    undo: 'MATCH ()-[r:PLANTED]->() DELETE r',
    changes: ['relationships', 'byType', 'hash'],
  },
  {
    name: 'a changed property of a live node',
    write: "MATCH (n:Entity {id: 'agency:cbrc'}) SET n.planted = true",
    undo: "MATCH (n:Entity {id: 'agency:cbrc'}) REMOVE n.planted",
    changes: ['hash'],
  },
  {
    name: 'an index',
    write: 'CREATE INDEX planted_idx IF NOT EXISTS FOR (n:Entity) ON (n.planted)',
    undo: 'DROP INDEX planted_idx IF EXISTS',
    changes: ['indexes'],
  },
  {
    name: 'a constraint',
    write: 'CREATE CONSTRAINT planted_unique IF NOT EXISTS FOR (n:Planted) REQUIRE n.key IS UNIQUE',
    undo: 'DROP CONSTRAINT planted_unique IF EXISTS',
    changes: ['constraints', 'indexes'],
  },
];

describeNeo4j('the whole-database snapshot', () => {
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    const graph = await loadSeedGraph({ onWarning: () => {} });
    await withDriver((driver, target) => loadIntoNeo4j(driver, graph, { database: target.database }));
    before = await databaseSnapshot();
  }, 120_000);

  it('sees the loaded seed: one live generation, nothing invisible, the schema', () => {
    expect(before.liveGeneration).not.toBeNull();
    expect(before.byGeneration).toEqual({ [String(before.liveGeneration)]: before.nodes - 1, none: 1 });
    expect(before.invisibleNodes).toBe(0);
    expect(before.relationships).toBeGreaterThan(50);
    expect(before.indexes.length).toBeGreaterThan(0);
    expect(before.constraints.length).toBeGreaterThan(0);
  });

  it.each(PLANTED)('sees $name, and is equal again once it is undone', async ({ write, undo, changes }) => {
    await run(write);
    try {
      const after = await databaseSnapshot();
      const changed = (Object.keys(before) as Array<keyof DatabaseSnapshot>).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      expect(changed.sort()).toEqual([...changes].sort());
    } finally {
      await run(undo);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });
});
