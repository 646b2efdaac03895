/**
 * Shared set-up of the Neo4j HTTP tests: the real seed loaded into the test run's Neo4j,
 * and one server on each store, so a test can ask both the same question.
 */
import { afterAll, beforeAll } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { neo4jTarget, withDriver } from '../support/neo4j.js';
import { startApp, type Running } from './helpers.js';

export async function loadSeedIntoNeo4j(): Promise<void> {
  const graph = await loadSeedGraph({ onWarning: () => {} });
  const target = neo4jTarget();
  await withDriver((driver) => loadIntoNeo4j(driver, graph, { database: target.database }));
}

/** A Neo4j store over the freshly loaded seed. */
export async function seededNeo4jStore(): Promise<Neo4jStore> {
  await loadSeedIntoNeo4j();
  return new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 10_000 });
}

/** Starts a server on each store for the enclosing describe block; read them in tests. */
export function serversOnBothStores(): { memory: () => Running; neo4j: () => Running } {
  let memory: Running | undefined;
  let graphDb: Running | undefined;
  let neo: Neo4jStore | undefined;
  beforeAll(async () => {
    neo = await seededNeo4jStore();
    memory = await startApp({ store: MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })), rateLimitPerMinute: 0 });
    graphDb = await startApp({ store: neo, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await memory?.close();
    await graphDb?.close();
    await neo?.close();
  });
  return { memory: () => memory!, neo4j: () => graphDb! };
}
