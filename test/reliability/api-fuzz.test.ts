/**
 * API fuzzing on the memory store over the real seed: thousands of generated requests to
 * every endpoint and parameter (see support/fuzz-requests.ts). Every answer is a 2xx or a
 * JSON 4xx in the documented error shape, none hangs, none shows internals; afterwards the
 * server still answers and the graph is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { startApp, type Running } from '../server/helpers.js';
import { fuzzApi, idsOf, summary } from './support/fuzz-run.js';
import { send } from './support/http-client.js';
import { problemsWith } from './support/response-check.js';

/** 140 batches of 50: 7,000 requests (api-fuzz.neo4j.test.ts adds 3,500 on Neo4j). */
export const MEMORY_FUZZ = { runs: Number(process.env.FUZZ_RUNS ?? 140), batch: 50 };

describe('API fuzzing on the memory store', () => {
  let graph: SeedGraph;
  let app: Running;

  beforeAll(async () => {
    graph = await loadSeedGraph({ onWarning: () => {} });
    app = await startApp({ store: MemoryStore.fromGraph(graph), rateLimitPerMinute: 0 });
  });
  afterAll(() => app?.close());

  it('answers every generated request with a 2xx or a JSON 4xx, quickly and without internals', { timeout: 180_000 }, async () => {
    const stats = await fuzzApi(app.base, idsOf(graph), { ...MEMORY_FUZZ, concurrency: 16, timeoutMs: 5_000 });
    console.log(summary('memory store', stats));
    expect(stats.requests).toBe(MEMORY_FUZZ.runs * MEMORY_FUZZ.batch);
    // The generator must reach every endpoint and both outcomes, or the run proves little.
    expect(Object.keys(stats.byEndpoint).sort()).toEqual(
      [
        ...['export', 'graph', 'health', 'neighborhood', 'node', 'openapi', 'paths', 'regulators', 'rules', 'schema', 'search', 'stray', 'timeline'],
        ...['changes', 'matrix', 'quiz', 'tours', 'tour'],
      ].sort(),
    );
    expect(stats.byStatus['200'] ?? 0).toBeGreaterThan(stats.requests * 0.05);
    expect(stats.byStatus['400'] ?? 0).toBeGreaterThan(stats.requests * 0.2);
    expect(stats.byStatus['404'] ?? 0).toBeGreaterThan(0);
    expect(stats.byStatus['414'] ?? 0).toBeGreaterThan(0);

    const health = await send(app.base, { method: 'GET', path: '/api/health' }, { timeoutMs: 5_000 });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ nodes: graph.nodes.length, relationships: graph.relationships.length });
  });

  it('the checker itself catches what it must: a 500, a stack trace, Cypher and driver text in an error', () => {
    const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ms: 1 });
    const err = (message: string) => ({ error: { code: 'BAD_REQUEST', message } });
    expect(problemsWith('GET', '/api/search?q=a', json(500, { error: { code: 'INTERNAL', message: 'An unexpected error occurred.' } }))).not.toEqual([]);
    expect(problemsWith('GET', '/api/search?q=a', json(400, err('at Object.<anonymous> (/srv/app/x.js:1:2)')))).not.toEqual([]);
    expect(problemsWith('GET', '/api/search?q=a', json(400, err('Invalid input near MATCH (n:Entity {id: $id})')))).not.toEqual([]);
    expect(problemsWith('GET', '/api/search?q=a', json(400, err('Neo4jError: Neo.ClientError.Statement.SyntaxError')))).not.toEqual([]);
    expect(problemsWith('GET', '/api/search?q=a', { status: 400, headers: { 'content-type': 'text/html' }, body: '<pre>Bad</pre>', ms: 1 })).not.toEqual([]);
    expect(problemsWith('GET', '/api/search?q=a', json(400, { error: { code: 'BAD_REQUEST' } }))).not.toEqual([]);
    // The caller's own words echoed back are not a leak.
    expect(problemsWith('GET', '/api/search?MATCH%20(n)=1', json(400, err('Unknown query parameter `MATCH (n)`; this endpoint accepts `q`.')))).toEqual([]);
  });
});
