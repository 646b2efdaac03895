/**
 * The per-IP rate limit under concurrency (test/server/security.test.ts checks it one request
 * at a time): one client floods with many parallel requests; it gets exactly the limit in
 * 200s and the rest as JSON 429s with Retry-After, never a 5xx; meanwhile a second client is
 * not starved: every one of its requests gets a 200. Client IPs come from
 * X-Forwarded-For, trusted from loopback only (TRUST_PROXY=loopback in production terms).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { fixtureGraph } from '../server/fixture-graph.js';
import { startApp, type Running } from '../server/helpers.js';
import { keepAliveAgent, pool, send } from './support/http-client.js';

const LIMIT = 60;
const FLOOD = 400;

describe('rate limit fairness under a flood', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: MemoryStore.fromGraph(fixtureGraph()), rateLimitPerMinute: LIMIT, trustProxy: 'loopback' });
  });
  afterAll(() => app.close());

  it('the flooding client gets exactly the limit, the other client gets every answer', { timeout: 60_000 }, async () => {
    const agent = keepAliveAgent(24);
    const paths = ['/api/search?q=P2P', '/api/nodes/agency:cbrc', '/api/nodes/agency:cbrc/neighborhood', '/api/health'];
    try {
      const flood = pool(Array.from({ length: FLOOD }, (_, i) => paths[i % paths.length]!), 20, (path) =>
        send(app.base, { method: 'GET', path, headers: { 'X-Forwarded-For': '203.0.113.50' } }, { agent, timeoutMs: 10_000 }),
      );
      // The second client, interleaved with the flood, one request at a time.
      const polite = (async () => {
        const out = [];
        for (let i = 0; i < 20; i++) {
          out.push(await send(app.base, { method: 'GET', path: paths[i % paths.length]!, headers: { 'X-Forwarded-For': '198.51.100.7' } }, { agent, timeoutMs: 10_000 }));
        }
        return out;
      })();
      const [flooded, served] = await Promise.all([flood, polite]);

      const statuses = new Map<number, number>();
      for (const r of flooded) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(Object.fromEntries(statuses)).toEqual({ 200: LIMIT, 429: FLOOD - LIMIT });
      for (const r of flooded.filter((x) => x.status === 429)) {
        expect(JSON.parse(r.body).error.code).toBe('RATE_LIMITED');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Not starved: every request of the second client, sent while the flood runs, is served.
      expect(served.map((r) => r.status)).toEqual(new Array(20).fill(200));
    } finally {
      agent.destroy();
    }
  });
});
