/**
 * Cypher injection against the Neo4j store: strings built to break out of a string literal,
 * a map, a parameter or an identifier go into every parameter of every endpoint (and into
 * the store's methods directly, past the HTTP validation). Nothing may run: afterwards the
 * database content hash and counts are exactly as before, and no answer is a 5xx or shows
 * internals. Search text is free text, so there the strings must be answered (200).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { NodeLabel, RelType } from '../../graph-seed/schema.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { databaseSnapshot, type DatabaseSnapshot } from '../support/database-snapshot.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { startApp, type Running } from '../server/helpers.js';
import { CYPHER_INJECTIONS, encode, type Encoding } from './support/fuzz-requests.js';
import { keepAliveAgent, pool, send } from './support/http-client.js';
import { problemsWith } from './support/response-check.js';

const INJECTIONS = [
  ...CYPHER_INJECTIONS,
  "agency:cbrc') MATCH (n) DETACH DELETE n //",
  'agency:cbrc"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  "x' }) CREATE (:Entity {id: 'pwned'}) //",
  '$labels',
  '`Agency`:`Rule`',
  'Agency`) DETACH DELETE n //',
  "ISSUED]->() DETACH DELETE n //",
];

/** Each endpoint with valid values for its parameters; one at a time is replaced by an injection. */
const ENDPOINTS: Array<{ path: string; params: Record<string, string>; pathId?: boolean }> = [
  { path: '/api/search', params: { q: 'P2P', labels: 'Rule', limit: '5' } },
  { path: '/api/nodes/{id}', params: {}, pathId: true },
  { path: '/api/nodes/{id}/neighborhood', params: { depth: '2', labels: 'Agency', types: 'ISSUED', limit: '50', asOf: '2016' }, pathId: true },
  { path: '/api/paths/shortest', params: { from: 'agency:csrc', to: 'segment:p2p-lending', maxLength: '4', types: 'ISSUED', directed: 'false' } },
  { path: '/api/questions/regulators', params: { segment: 'segment:p2p-lending', asOf: '2016' } },
  { path: '/api/questions/rules', params: { topic: 'topic:real-estate-finance', asOf: '2016' } },
  { path: '/api/graph', params: { labels: 'Agency', types: 'ISSUED', from: '2015', to: '2016', asOf: '2016' } },
  { path: '/api/export', params: { format: 'csv', ids: 'agency:cbrc', part: 'nodes' } },
  { path: '/api/changes', params: { from: '2015', to: '2016' } },
  { path: '/api/matrix', params: { asOf: '2016' } },
  { path: '/api/quiz', params: { seed: '7', count: '3' } },
  { path: '/api/tours/{id}', params: {}, pathId: true },
  { path: '/api/health', params: {} },
  { path: '/api/schema', params: {} },
  { path: '/api/timeline', params: {} },
];

interface Attempt {
  method: 'GET';
  path: string;
  /** What was injected where, for the report. */
  into: string;
}

function attempts(): Attempt[] {
  const out: Attempt[] = [];
  const qs = (params: Record<string, string>, how: Encoding) =>
    Object.entries(params)
      .map(([k, v]) => `${k}=${encode(v, how)}`)
      .join('&');
  for (const how of ['component', 'raw'] as const) {
    for (const inj of INJECTIONS) {
      for (const ep of ENDPOINTS) {
        const base = ep.path.replace('{id}', 'agency:cbrc');
        for (const name of Object.keys(ep.params)) {
          const params = { ...ep.params, [name]: inj };
          out.push({ method: 'GET', path: `${base}?${qs(params, how)}`, into: `${ep.path} ${name} (${how})` });
        }
        // As a parameter name too, and in the path id.
        out.push({ method: 'GET', path: `${base}?${encode(inj, how)}=1`, into: `${ep.path} parameter name (${how})` });
        if (ep.pathId) out.push({ method: 'GET', path: `${ep.path.replace('{id}', encode(inj, how))}?${qs(ep.params, 'component')}`, into: `${ep.path} id (${how})` });
      }
    }
  }
  return out;
}

describeNeo4j('Cypher injection through the API and the store', () => {
  let store: Neo4jStore;
  let app: Running;
  let before: DatabaseSnapshot;

  /** The whole database, not only what readers see (../support/database-snapshot.ts). */
  const snapshot = databaseSnapshot;

  beforeAll(async () => {
    const graph = await loadSeedGraph({ onWarning: () => {} });
    await withDriver((driver, target) => loadIntoNeo4j(driver, graph, { database: target.database }));
    before = await snapshot();
    store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 5_000 });
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('every parameter of every endpoint: no 5xx, no internals, search answers, and the database is unchanged', { timeout: 240_000 }, async () => {
    const all = attempts();
    const agent = keepAliveAgent(8);
    const problems: string[] = [];
    const searchStatuses = new Map<number, number>();
    try {
      await pool(all, 8, async (a) => {
        const res = await send(app.base, a, { agent, timeoutMs: 12_000 }).catch((e: Error) => e);
        if (res instanceof Error) {
          problems.push(`${a.into}: ${res.message}`);
          return;
        }
        for (const p of problemsWith(a.method, a.path, res)) problems.push(`${a.into}: ${a.path.slice(0, 200)} -> ${res.status} ${p}`);
        if (a.into === '/api/search q (component)') {
          searchStatuses.set(res.status, (searchStatuses.get(res.status) ?? 0) + 1);
        }
      });
    } finally {
      agent.destroy();
    }
    console.log(`[injection] ${all.length} requests with ${INJECTIONS.length} injection strings`);
    expect(problems.slice(0, 10)).toEqual([]);
    // Search text reaches Neo4j as a parameter and the Lucene query is escaped: every one answers.
    expect([...searchStatuses.entries()]).toEqual([[200, INJECTIONS.length]]);
    expect(await snapshot()).toEqual(before);
  });

  it('the store methods themselves, past HTTP validation, treat the strings as data', { timeout: 120_000 }, async () => {
    // Every call must answer, and answer as if the string were an unknown id or a label no
    // node has: no error of any kind (a TypeError would be a bug as much as a Neo4j error).
    const problems: string[] = [];
    const seedIds = new Set((await store.graph({})).nodes.map((n) => n.id));
    expect(seedIds.size).toBeGreaterThan(50);
    for (const inj of INJECTIONS) {
      const calls: Array<[string, () => Promise<unknown>, (r: never) => boolean]> = [
        ['node', () => store.node(inj), (r: unknown) => r === undefined],
        // Free text: whatever it finds must be seed nodes.
        ['search', () => store.search({ q: inj, limit: 10 }), (r: Array<{ id: string }>) => Array.isArray(r) && r.every((h) => seedIds.has(h.id))],
        ['search labels', () => store.search({ q: 'P2P', limit: 10, labels: [inj as NodeLabel] }), (r: unknown[]) => Array.isArray(r) && r.length === 0],
        ['neighborhood', () => store.neighborhood({ id: inj, depth: 2, limit: 50 }), (r: unknown) => r === undefined],
        [
          'neighborhood filters',
          () => store.neighborhood({ id: 'agency:cbrc', depth: 1, limit: 50, labels: [inj as NodeLabel], types: [inj as RelType] }),
          (r: { nodes: Array<{ id: string }>; relationships: unknown[] } | undefined) =>
            r !== undefined && r.nodes.map((n) => n.id).join() === 'agency:cbrc' && r.relationships.length === 0,
        ],
        ['shortestPath', () => store.shortestPath({ from: inj, to: 'agency:cbrc', maxLength: 4, directed: false }), (r: unknown) => r === undefined],
        [
          'shortestPath types',
          () => store.shortestPath({ from: 'agency:csrc', to: 'agency:cbrc', maxLength: 4, directed: false, types: [inj as RelType] }),
          (r: unknown) => r === null,
        ],
        ['regulators', () => store.regulators(inj), (r: unknown) => r === undefined],
        ['rulesTouching', () => store.rulesTouching(inj), (r: unknown) => r === undefined],
        [
          'subgraph',
          () => store.subgraph([inj, 'agency:cbrc']),
          (r: { nodes: Array<{ id: string }>; relationships: unknown[] }) => r.nodes.map((n) => n.id).join() === 'agency:cbrc' && r.relationships.length === 0,
        ],
        [
          'graph',
          () => store.graph({ labels: [inj as NodeLabel], types: [inj as RelType] }),
          (r: { nodes: unknown[]; relationships: unknown[] }) => r.nodes.length === 0 && r.relationships.length === 0,
        ],
      ];
      for (const [name, call, check] of calls) {
        try {
          const result = await call();
          if (!check(result as never)) problems.push(`${name}(${inj}): unexpected answer ${JSON.stringify(result)?.slice(0, 200)}`);
        } catch (err) {
          const e = err as Error;
          problems.push(`${name}(${inj}): ${e.name}: ${e.message.slice(0, 160)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
