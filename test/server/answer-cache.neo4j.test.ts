/**
 * Answers cached by graph revision (server/cache/), on the real Neo4j of the test run: after
 * a load (single-mode, which rewrites the live generation in place, and staged, which flips
 * to a new one), no answer of the old graph once the staleness bound has passed (time moved
 * by an injected clock); an answer of several reads never mixes two graphs, even when a load
 * commits between them; If-None-Match gets 304 without a body; the cache's bytes stay within
 * their bound under a run of distinct requests.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { AnswerCache } from '../../server/cache/answer-cache.js';
import { answerCaching } from '../../server/cache/answer-caching.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { fixtureGraph } from './fixture-graph.js';
import { getJson, startApp, type Running } from './helpers.js';

const STALENESS_MS = 250;

/** The fixture with every English name marked, so each load's answers are told apart. */
function marked(mark: string): SeedGraph {
  const graph = fixtureGraph();
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, nameEn: `${n.nameEn} [${mark}]` })) };
}

async function load(graph: SeedGraph, mode: 'single' | 'staged'): Promise<void> {
  await withDriver((driver) => loadIntoNeo4j(driver, graph, { database: neo4jTarget().database, mode }));
}

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describeNeo4j('answers cached by graph revision (Neo4j store)', () => {
  let store: Neo4jStore;
  let app: Running;
  const clock = manualClock();
  const cache = new AnswerCache(4 * 1024 * 1024);

  beforeAll(async () => {
    await load(marked('g1'), 'single');
    store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 10_000 });
    app = await startApp({ store, rateLimitPerMinute: 0, answers: { cache, stalenessMs: STALENESS_MS, now: clock.now } });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('tags an answer with a strong ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const first = await getJson(app.base, '/api/nodes/agency:cbrc');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    // The same request with its parameters in another order is the same answer.
    const a = await getJson(app.base, '/api/search?q=CBRC&limit=5');
    const b = await getJson(app.base, '/api/search?limit=5&q=CBRC');
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(b.body).toEqual(a.body);

    const res = await fetch(`${app.base}/api/nodes/agency:cbrc`, { headers: { 'If-None-Match': etag! } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
    // Another request's ETag does not match.
    const other = await fetch(`${app.base}/api/nodes/agency:csrc`, { headers: { 'If-None-Match': etag! } });
    expect(other.status).toBe(200);
    expect(((await other.json()) as { node: { id: string } }).node.id).toBe('agency:csrc');
  });

  it.each(['single', 'staged'] as const)('serves no answer of the old graph once the bound has passed after a %s load', async (mode) => {
    const before = await getJson(app.base, '/api/nodes/agency:cbrc');
    const oldEtag = before.headers.get('etag')!;
    const mark = `after-${mode}`;
    await load(marked(mark), mode);
    clock.advance(STALENESS_MS);

    for (const path of ['/api/nodes/agency:cbrc', '/api/search?q=CBRC&limit=5', '/api/questions/regulators?segment=segment:p2p-lending']) {
      const res = await getJson(app.base, path);
      expect(res.status, path).toBe(200);
      // Every marked name in the answer is of the new load.
      const marks = new Set(JSON.stringify(res.body).match(/\[(?:g1|after-\w+)\]/g));
      expect([...marks], path).toEqual([`[${mark}]`]);
    }
    // The old ETag no longer matches: the client gets the new answer, not a 304.
    const revalidated = await fetch(`${app.base}/api/nodes/agency:cbrc`, { headers: { 'If-None-Match': oldEtag } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('etag')).not.toBe(oldEtag);
    expect(((await revalidated.json()) as { node: { nameEn: string } }).node.nameEn).toBe(`CBRC [${mark}]`);
  });

  it('keeps the cached bytes within the bound under a run of distinct requests', async () => {
    const small = new AnswerCache(48 * 1024);
    const bounded = await startApp({ store, rateLimitPerMinute: 0, answers: { cache: small, stalenessMs: STALENESS_MS, now: clock.now } });
    try {
      let largest = 0;
      for (let i = 0; i < 120; i++) {
        const path = i % 2 === 0 ? `/api/search?q=${encodeURIComponent('C')}&limit=${1 + (i % 50)}` : `/api/nodes/agency:cbrc/neighborhood?depth=2&limit=${1 + i}`;
        const res = await getJson(bounded.base, path);
        expect(res.status, path).toBe(200);
        largest = Math.max(largest, small.bytes);
        expect(small.bytes).toBeLessThanOrEqual(small.maxBytes);
      }
      // It kept answers (and so had to evict to stay within the bound), not nothing.
      expect(small.size).toBeGreaterThan(5);
      expect(largest).toBeGreaterThan(small.maxBytes * 0.8);
    } finally {
      await bounded.close();
    }
  });
});

describeNeo4j('an answer of several store reads (Neo4j store)', () => {
  let store: Neo4jStore;
  let server: Server;
  let base: string;
  /** Run between the two reads of the next request (a load committing meanwhile). */
  let between: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await load(marked('r1'), 'single');
    store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 10_000 });
    const routes = express.Router();
    routes.get('/pair', async (_req, res) => {
      const a = await store.node('agency:cbrc');
      const hook = between;
      between = undefined;
      await hook?.();
      const b = await store.node('agency:csrc');
      res.json({ names: [a?.nameEn, b?.nameEn] });
    });
    const app = express();
    app.use(answerCaching(routes, { readRevision: () => store.revision(), cache: new AnswerCache(1024 * 1024), stalenessMs: STALENESS_MS }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
  });

  it.each(['single', 'staged'] as const)('never mixes two graphs when a %s load commits between its reads', async (mode) => {
    const mark = `r-${mode}`;
    between = () => load(marked(mark), mode);
    // A request of its own: the other test's answer is cached.
    const res = await getJson(base, `/pair?case=${mode}`);
    expect(res.status).toBe(200);
    expect(res.body.names).toEqual([`CBRC [${mark}]`, `CSRC [${mark}]`]);
    // And that answer is the one cached and tagged for the new graph.
    const again = await fetch(`${base}/pair?case=${mode}`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
