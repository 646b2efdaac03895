/**
 * A store whose backend is really down: the Neo4j store with a real driver pointed at a
 * port nobody listens on. The server must answer 503 UNAVAILABLE with Retry-After, on the
 * health check and on every data route, and never hang or 500.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { getJson, startApp, type Running } from './helpers.js';

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('store unreachable', () => {
  let app: Running;
  let store: Neo4jStore;

  beforeAll(async () => {
    store = new Neo4jStore({ uri: `bolt://127.0.0.1:${await closedPort()}`, user: 'neo4j', password: 'unused', queryTimeoutMs: 500 });
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('GET /api/health answers 503 unavailable with Retry-After: 5', async () => {
    const res = await getJson(app.base, '/api/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toEqual({
      status: 'unavailable',
      store: 'neo4j',
      error: { code: 'UNAVAILABLE', message: 'The graph store is unavailable; retry shortly.' },
    });
  });

  it('data routes answer 503 UNAVAILABLE, with no driver details in the body', async () => {
    for (const path of [
      '/api/search?q=P2P',
      '/api/nodes/agency:cbrc',
      '/api/questions/regulators?segment=segment:p2p-lending',
      '/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans',
      '/api/export?format=gexf',
    ]) {
      const res = await getJson(app.base, path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body.error.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|bolt:|127\.0\.0\.1/);
    }
  });

  it('still validates parameters first: a bad request is 400 even while the store is down', async () => {
    const res = await getJson(app.base, '/api/search?q=P2P&limit=0');
    expect(res.status).toBe(400);
  });
});
