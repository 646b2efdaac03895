/**
 * Real Neo4j failures, end to end through HTTP, with the statuses README.md and the OpenAPI
 * document give: no hand-built driver errors here, the real server refuses or stalls.
 *
 * - a query that runs past QUERY_TIMEOUT_MS: 503 UNAVAILABLE with Retry-After (a graph whose
 *   shortest-path search explodes, so Neo4j really is still working when the time is up);
 * - a refused login: 503 UNAVAILABLE (the deployment cannot reach its data, as /api/health says);
 * - a database that does not exist: 503 UNAVAILABLE, not a 500;
 * - the Neo4j store over an empty, never-loaded database: an empty graph, 404s, no 5xx.
 * A server that stops and comes back is faults.neo4j.test.ts (its own Neo4j process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { relationshipId, type SeedGraph } from '../../graph-seed/schema.js';

type Node = SeedGraph['nodes'][number];
type Rel = SeedGraph['relationships'][number];
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { getJson, startApp, type Running } from '../server/helpers.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';

async function withApp<T>(store: Neo4jStore, fn: (app: Running) => Promise<T>): Promise<T> {
  const app = await startApp({ store, rateLimitPerMinute: 0 });
  try {
    return await fn(app);
  } finally {
    await app.close();
    await store.close();
  }
}

async function expectUnavailable(app: Running, path: string): Promise<void> {
  const res = await getJson(app.base, path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  expect(res.body.error).toEqual({ code: 'UNAVAILABLE', message: 'The graph store is unavailable; retry shortly.' });
}

/**
 * Layers of `width` segments between two ends, each segment PART_OF every one of the next
 * layer: every end-to-end path is a shortest one, and there are width^(layers-1) of them, all
 * collected and ordered by the shortest-path query. Neo4j cannot finish that in any timeout.
 */
function explodingGraph(seed: SeedGraph, layers = 7, width = 30): SeedGraph {
  const template = seed.nodes.find((n) => n.label === 'Segment')!;
  const relTemplate = seed.relationships.find((r) => r.type === 'PART_OF')!;
  const node = (id: string): Node => ({ ...template, id, name: id });
  const rel = (source: string, target: string): Rel => ({ ...relTemplate, source, target, id: relationshipId({ type: relTemplate.type, source, target }) });
  const levels: string[][] = [['segment:start'], ...Array.from({ length: layers }, (_, l) => Array.from({ length: width }, (_, i) => `segment:l${l}-${i}`)), ['segment:end']];
  const relationships: Rel[] = [];
  for (let l = 0; l + 1 < levels.length; l++) for (const a of levels[l]!) for (const b of levels[l + 1]!) relationships.push(rel(a, b));
  return { nodes: levels.flat().map(node), relationships };
}

describeNeo4j('real Neo4j failures through HTTP', () => {
  let seed: SeedGraph;
  const load = (graph: SeedGraph) => withDriver((driver, target) => loadIntoNeo4j(driver, graph, { database: target.database }));

  beforeAll(async () => {
    seed = await loadSeedGraph({ onWarning: () => {} });
    await load(seed);
  }, 120_000);
  // Leave the seed behind for the next file.
  afterAll(() => load(seed), 120_000);

  it('a refused login: 503 UNAVAILABLE on data routes and on /api/health', async () => {
    // A user that does not exist, so Neo4j's lock-out after failed logins cannot touch the real one.
    const store = new Neo4jStore({ ...neo4jTarget(), user: 'nobody-here', password: 'wrong', queryTimeoutMs: 5_000 });
    await withApp(store, async (app) => {
      await expectUnavailable(app, '/api/search?q=P2P');
      await expectUnavailable(app, '/api/nodes/agency:cbrc');
      const health = await getJson(app.base, '/api/health');
      expect(health.status).toBe(503);
    });
  });

  it('a database that does not exist: 503 UNAVAILABLE, not a 500', async () => {
    const store = new Neo4jStore({ ...neo4jTarget(), database: 'nosuchdatabase', queryTimeoutMs: 5_000 });
    await withApp(store, async (app) => {
      await expectUnavailable(app, '/api/search?q=P2P');
      await expectUnavailable(app, '/api/graph');
      expect((await getJson(app.base, '/api/health')).status).toBe(503);
    });
  });

  describe('over an empty, never-loaded database', () => {
    beforeAll(async () => {
      await withDriver(async (driver, target) => {
        const q = (cypher: string) => driver.executeQuery(cypher, {}, { database: target.database });
        await q('MATCH (n) DETACH DELETE n');
        for (const r of (await q('SHOW CONSTRAINTS YIELD name')).records) await q(`DROP CONSTRAINT \`${r.get('name') as string}\``);
        for (const r of (await q("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records) await q(`DROP INDEX \`${r.get('name') as string}\``);
      });
    }, 60_000);

    it('answers an empty graph, 404 for ids, and no 5xx anywhere', async () => {
      const store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 5_000 });
      await withApp(store, async (app) => {
        const health = await getJson(app.base, '/api/health');
        expect(health.status, JSON.stringify(health.body)).toBe(200);
        expect(health.body).toMatchObject({ status: 'ok', store: 'neo4j', nodes: 0, relationships: 0 });
        expect((await getJson(app.base, '/api/search?q=P2P')).body).toEqual({ results: [] });
        const graph = await getJson(app.base, '/api/graph');
        expect(graph.status).toBe(200);
        expect([graph.body.nodes, graph.body.relationships]).toEqual([[], []]);
        for (const path of [
          '/api/nodes/agency:cbrc',
          '/api/nodes/agency:cbrc/neighborhood',
          '/api/paths/shortest?from=agency:csrc&to=agency:cbrc',
          '/api/questions/regulators?segment=segment:p2p-lending',
          '/api/questions/rules?topic=topic:real-estate-finance',
        ]) {
          expect((await getJson(app.base, path)).status, path).toBe(404);
        }
        for (const path of ['/api/timeline', '/api/matrix', '/api/changes?from=2015&to=2016', '/api/schema', '/api/export?format=json']) {
          expect((await getJson(app.base, path)).status, path).toBeLessThan(500);
        }
      });
    });
  });

  it('a query that runs past QUERY_TIMEOUT_MS: 503 UNAVAILABLE, and the server answers the next request', { timeout: 120_000 }, async () => {
    await load(explodingGraph(seed));
    const store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 2_000 });
    await withApp(store, async (app) => {
      // The same store answers a cheap query, so it is the query that is too long, not the link.
      expect((await getJson(app.base, '/api/nodes/segment:start')).status).toBe(200);
      await expectUnavailable(app, '/api/paths/shortest?from=segment:start&to=segment:end&maxLength=8');
      expect((await getJson(app.base, '/api/nodes/segment:end')).status).toBe(200);
    });
  });
});
