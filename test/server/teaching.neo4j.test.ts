/**
 * The teaching API on the Neo4j store: the real seed loaded into the real Neo4j of the test
 * run, then the same suite as the memory store, and the same answers from both stores.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { getJson, startApp, type Running } from './helpers.js';
import { teachingSuite } from './teaching-suite.js';

async function loadSeedIntoNeo4j(): Promise<void> {
  const graph = await loadSeedGraph({ onWarning: () => {} });
  const target = neo4jTarget();
  await withDriver((driver) => loadIntoNeo4j(driver, graph, { database: target.database }));
}

describeNeo4j('teaching API on the Neo4j store', () => {
  teachingSuite(async () => {
    await loadSeedIntoNeo4j();
    return new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 10_000 });
  });
});

describeNeo4j('teaching answers from both stores', () => {
  let memory: Running;
  let graphDb: Running;
  let neo: Neo4jStore;

  beforeAll(async () => {
    await loadSeedIntoNeo4j();
    neo = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 10_000 });
    memory = await startApp({ store: MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })), rateLimitPerMinute: 0 });
    graphDb = await startApp({ store: neo, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await memory?.close();
    await graphDb?.close();
    await neo?.close();
  });

  it('are identical, order included', async () => {
    for (const path of [
      '/api/changes?from=2016-08-24&to=2016-10-13',
      '/api/changes?from=2000&to=2020',
      '/api/matrix',
      '/api/matrix?asOf=2016-09-01',
      '/api/questions/regulators?segment=segment:p2p-lending&asOf=2016-09-01',
      '/api/graph?asOf=2015-07',
      '/api/tours',
      '/api/tours/real-estate',
      '/api/quiz?seed=2024&count=20',
    ]) {
      const [a, b] = await Promise.all([getJson(memory.base, path), getJson(graphDb.base, path)]);
      expect(a.status, path).toBe(200);
      expect(b.body, path).toEqual(a.body);
    }
  });
});
