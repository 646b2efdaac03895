/**
 * Answers cached by graph revision (server/cache/): the parts on their own, and the memory
 * store over HTTP (the Neo4j store, where loads change the graph, is answer-cache.neo4j.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/cache/answer-cache.js';
import { answerEtag, canonicalRequest, noneMatchHits } from '../../server/cache/etag.js';
import { RevisionTracker } from '../../server/cache/revision-tracker.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { fixtureGraph } from './fixture-graph.js';
import { getJson, startApp } from './helpers.js';

describe('AnswerCache', () => {
  it('evicts the least recently used answers to stay within its bytes', () => {
    const cache = new AnswerCache(8 * 1024);
    const body = 'x'.repeat(300); // 600 bytes as a string, plus key and overhead
    for (let i = 0; i < 40; i++) {
      cache.set(`k${i}`, { body, headers: [] });
      expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
      if (i === 3) cache.get('k0'); // k0 used recently: it outlives k1
    }
    expect(cache.size).toBeGreaterThan(3);
    expect(cache.get('k39')).toBeDefined();
    expect(cache.get('k1')).toBeUndefined();
  });

  it('keeps no answer larger than an eighth of its bound, and none at 0 bytes', () => {
    const cache = new AnswerCache(8 * 1024);
    cache.set('big', { body: Buffer.alloc(2 * 1024), headers: [] });
    expect(cache.size).toBe(0);
    const none = new AnswerCache(0);
    none.set('a', { body: 'a', headers: [] });
    expect(none.size).toBe(0);
    expect(none.bytes).toBe(0);
  });
});

describe('canonical requests and ETags', () => {
  it('orders parameters by name and keeps the order of repeated ones, without decoding', () => {
    expect(canonicalRequest('/api/search?q=a&limit=5')).toBe('/api/search?limit=5&q=a');
    expect(canonicalRequest('/api/graph?types=B&labels=Rule&types=A')).toBe('/api/graph?labels=Rule&types=B&types=A');
    expect(canonicalRequest('/api/search?q=a+b')).not.toBe(canonicalRequest('/api/search?q=a%20b'));
    expect(canonicalRequest('/api/timeline')).toBe('/api/timeline');
  });

  it('gives one strong ETag per (revision, request), matched by If-None-Match lists and weak forms', () => {
    const e = answerEtag('3.abc', '/api/timeline');
    expect(e).toBe(answerEtag('3.abc', '/api/timeline'));
    expect(e).not.toBe(answerEtag('3.abd', '/api/timeline'));
    expect(e).not.toBe(answerEtag('3.abc', '/api/schema'));
    expect(noneMatchHits(`"other", ${e}`, e)).toBe(true);
    expect(noneMatchHits(`W/${e}`, e)).toBe(true);
    expect(noneMatchHits('*', e)).toBe(true);
    expect(noneMatchHits('"other"', e)).toBe(false);
    expect(noneMatchHits(undefined, e)).toBe(false);
  });
});

describe('RevisionTracker', () => {
  it('reads at most once per staleness bound, shares a read under way, and reports changes', async () => {
    let t = 0;
    let value = 'r1';
    let reads = 0;
    const changes: string[] = [];
    const tracker = new RevisionTracker({
      read: async () => {
        reads++;
        return value;
      },
      stalenessMs: 250,
      now: () => t,
      onChange: (r) => changes.push(r),
    });
    expect(await Promise.all([tracker.current(), tracker.current()])).toEqual(['r1', 'r1']);
    expect(reads).toBe(1);
    value = 'r2';
    t = 249;
    expect(await tracker.current()).toBe('r1'); // within the bound: may be stale
    t = 250;
    expect(await tracker.current()).toBe('r2'); // the bound has passed: never stale
    expect(reads).toBe(2);
    expect(changes).toEqual(['r2']);
    value = 'r3';
    expect(await tracker.fresh()).toBe('r3'); // always reads
    expect(await tracker.current()).toBe('r3');
    expect(reads).toBe(3);
  });
});

describe('answers cached by revision (memory store)', () => {
  it('tags answers, answers If-None-Match with 304 and no body, and two servers over one graph agree', async () => {
    const graph = fixtureGraph();
    const [a, b] = await Promise.all([
      startApp({ store: MemoryStore.fromGraph(graph), rateLimitPerMinute: 0 }),
      startApp({ store: MemoryStore.fromGraph(graph), rateLimitPerMinute: 0 }),
    ]);
    try {
      const first = await getJson(a.base, '/api/nodes/agency:cbrc/neighborhood?depth=1');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      const other = await getJson(b.base, '/api/nodes/agency:cbrc/neighborhood?depth=1');
      expect(other.headers.get('etag')).toBe(etag);
      expect(other.body).toEqual(first.body);

      const res = await fetch(`${b.base}/api/nodes/agency:cbrc/neighborhood?depth=1`, { headers: { 'If-None-Match': etag! } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      // A cached answer is the same bytes with the same headers.
      const again = await fetch(`${a.base}/api/nodes/agency:cbrc/neighborhood?depth=1`);
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(await again.json()).toEqual(first.body);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('leaves the health probe, a quiz without a seed and errors untagged', async () => {
    const app = await startApp({ store: MemoryStore.fromGraph(fixtureGraph()), rateLimitPerMinute: 0 });
    try {
      expect((await getJson(app.base, '/api/health')).headers.get('etag')).toBeNull();
      const drawn = await getJson(app.base, '/api/quiz?count=1');
      expect(drawn.status).toBe(200);
      expect(drawn.headers.get('etag')).toBeNull();
      expect((await getJson(app.base, '/api/quiz?count=1&seed=7')).headers.get('etag')).not.toBeNull();
      const missing = await getJson(app.base, '/api/nodes/agency:none');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
      expect(missing.headers.get('etag')).toBeNull();
      const bad = await getJson(app.base, '/api/search?q=a&limit=zero');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('etag')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('keeps its bytes within the bound under a run of distinct requests', async () => {
    const cache = new AnswerCache(32 * 1024);
    const app = await startApp({ store: MemoryStore.fromGraph(fixtureGraph()), rateLimitPerMinute: 0, answers: { cache } });
    try {
      for (let i = 1; i <= 150; i++) {
        const res = await getJson(app.base, `/api/nodes/agency:cbrc/neighborhood?depth=${1 + (i % 3)}&limit=${i}`);
        expect(res.status).toBe(200);
        expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
      }
      expect(cache.size).toBeGreaterThan(5);
    } finally {
      await app.close();
    }
  });
});
