/**
 * API fuzzing on the Neo4j store over the real seed: the same generated requests as on the
 * memory store (support/fuzz-requests.ts), so hostile text reaches real Cypher parameters,
 * the full-text index's Lucene parser and the driver's error paths. Every answer is a 2xx or
 * a JSON 4xx, none hangs past the query timeout, none shows driver text or Cypher; the
 * database is unchanged afterwards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { databaseSnapshot, type DatabaseSnapshot } from '../support/database-snapshot.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { startApp, type Running } from '../server/helpers.js';
import { fuzzApi, idsOf, summary } from './support/fuzz-run.js';

/** 70 batches of 50: 3,500 requests (api-fuzz.test.ts sends 7,000 on the memory store). */
export const NEO4J_FUZZ = { runs: Number(process.env['FUZZ_RUNS_NEO4J'] ?? 70), batch: 50 };
const QUERY_TIMEOUT_MS = 5_000;

describeNeo4j('API fuzzing on the Neo4j store', () => {
  let graph: SeedGraph;
  let store: Neo4jStore;
  let app: Running;
  let before: DatabaseSnapshot;

  /** The whole database, not only what readers see (../support/database-snapshot.ts). */
  const snapshot = databaseSnapshot;

  beforeAll(async () => {
    graph = await loadSeedGraph({ onWarning: () => {} });
    await withDriver((driver, target) => loadIntoNeo4j(driver, graph, { database: target.database }));
    before = await snapshot();
    store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: QUERY_TIMEOUT_MS });
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('answers every generated request with a 2xx or a JSON 4xx, within the query timeout, without internals', { timeout: 300_000 }, async () => {
    // A request may wait for a pooled connection, then run one query: two timeouts at most.
    const stats = await fuzzApi(app.base, idsOf(graph), { ...NEO4J_FUZZ, concurrency: 8, timeoutMs: 2 * QUERY_TIMEOUT_MS + 2_000 });
    console.log(summary('Neo4j store', stats));
    expect(stats.requests).toBe(NEO4J_FUZZ.runs * NEO4J_FUZZ.batch);
    expect(stats.byStatus['200'] ?? 0).toBeGreaterThan(stats.requests * 0.05);
    expect(stats.byStatus['400'] ?? 0).toBeGreaterThan(stats.requests * 0.2);
    expect(await snapshot()).toEqual(before);
  });
});
