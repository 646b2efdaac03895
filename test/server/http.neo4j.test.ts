/**
 * The HTTP contract on the Neo4j store: the real seed loaded into the real Neo4j of the
 * test run, then the same suite as the memory store. Plus the same answers from both stores
 * over HTTP, and recovery: a server started while Neo4j is unreachable reports 503 and
 * serves again, by itself, once Neo4j can be reached.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { describeNeo4j, neo4jTarget } from '../support/neo4j.js';
import { getJson, startApp } from './helpers.js';
import { loadSeedIntoNeo4j, seededNeo4jStore, serversOnBothStores } from './both-stores.js';
import { httpSuite, P2P, REAL_ESTATE } from './http-suite.js';

describeNeo4j('HTTP API on the Neo4j store', () => {
  httpSuite(async () => {
    return seededNeo4jStore();
  });
});

describeNeo4j('the two stores over HTTP', () => {
  const servers = serversOnBothStores();

  it('give the same answers to the questions users bring most, with the same evidence', async () => {
    for (const path of [
      `/api/questions/regulators?segment=${P2P}`,
      `/api/questions/rules?topic=${REAL_ESTATE}`,
      '/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans',
      '/api/search?q=P2P',
      '/api/timeline',
    ]) {
      const [a, b] = await Promise.all([getJson(servers.memory().base, path), getJson(servers.neo4j().base, path)]);
      expect(a.status, path).toBe(200);
      expect(b.body, path).toEqual(a.body);
    }
  });
});

/** A TCP relay to Neo4j that the test can switch on: the database "comes back". */
function relayTo(host: string, port: number): Server {
  return createServer((client: Socket) => {
    const upstream = connect(port, host);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
}

describeNeo4j('recovery when Neo4j comes back', () => {
  it('reports 503 while Neo4j is unreachable and 200 once it is reachable, without a restart', async () => {
    await loadSeedIntoNeo4j();
    const target = neo4jTarget();
    const upstream = new URL(target.uri.replace(/^\w+(\+\w+)?:/, 'http:'));

    // Reserve a port, then leave it closed: Neo4j "is down" at start-up.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const store = new Neo4jStore({ ...target, uri: `bolt://127.0.0.1:${port}`, queryTimeoutMs: 1000 });
    const app = await startApp({ store, rateLimitPerMinute: 0 });
    const relay = relayTo(upstream.hostname, Number(upstream.port || 7687));
    try {
      const down = await getJson(app.base, '/api/health');
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.body.status).toBe('unavailable');

      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      let up = await getJson(app.base, '/api/health');
      for (let i = 0; i < 20 && up.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        up = await getJson(app.base, '/api/health');
      }
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ status: 'ok', store: 'neo4j' });
      const answer = await getJson(app.base, `/api/questions/regulators?segment=${P2P}`);
      expect(answer.status).toBe(200);
      expect(answer.body.agencies.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await store.close();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});
