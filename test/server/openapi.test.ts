/**
 * The OpenAPI document against the running app: every Express route is documented, every
 * documented path exists, and real responses carry the documented top-level keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { createApp } from '../../server/app.js';
import { openapiDocument } from '../../server/openapi.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { getJson, startApp, type Running } from './helpers.js';

type Json = Record<string, any>;
const doc = openapiDocument as Json;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | RegExp;
}

/** `METHOD /path` of every route in the app, with mount paths joined and `:id` as `{id}`. */
function expressRoutes(stack: Layer[], prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') out.push(`${method.toUpperCase()} ${(prefix + layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
      }
    } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
      out.push(...expressRoutes(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath)));
    }
  }
  return out;
}

function documentedRoutes(): string[] {
  return Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.keys(ops as Json).map((m) => `${m.toUpperCase()} ${path}`));
}

function resolve(schema: Json): Json {
  if (schema.$ref) return resolve(doc.components.schemas[(schema.$ref as string).split('/').pop()!]);
  return schema;
}

describe('OpenAPI document', () => {
  let app: Running;
  let routes: string[];

  beforeAll(async () => {
    const store = MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} }));
    const express = createApp({ store, rateLimitPerMinute: 0 });
    routes = expressRoutes((express as unknown as { router: { stack: Layer[] } }).router.stack);
    app = await startApp({ store, rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());

  it('is OpenAPI 3.1 and served at /api/openapi.json', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const res = await getJson(app.base, '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('documents every Express route, and every documented path is a route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect([...routes].sort()).toEqual([...documentedRoutes()].sort());
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) {
      const name = r.slice(8, -1).replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], r).toBeDefined();
    }
  });

  it('declares every query parameter the routes accept, and the routes reject undeclared ones', async () => {
    for (const [path, ops] of Object.entries(doc.paths as Json)) {
      const params = ((ops as Json).get.parameters as Json[]).filter((p) => p.in === 'query');
      const concrete = path.replace('{id}', 'agency:cbrc');
      const res = await getJson(app.base, `${concrete}?undocumented=1`);
      expect(res.status, path).toBe(400);
      const accepted = /accepts (.*)\.$/.exec(res.body.error.message)?.[1] ?? '';
      const named = [...accepted.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
      expect(named, path).toEqual(params.map((p) => p.name).sort());
    }
  });

  const samples: Record<string, string> = {
    '/api/health': '/api/health',
    '/api/schema': '/api/schema',
    '/api/search': '/api/search?q=P2P',
    '/api/nodes/{id}': '/api/nodes/agency:cbrc',
    '/api/nodes/{id}/neighborhood': '/api/nodes/agency:cbrc/neighborhood',
    '/api/paths/shortest': '/api/paths/shortest?from=agency:csrc&to=topic:down-payment-loans',
    '/api/questions/regulators': '/api/questions/regulators?segment=segment:p2p-lending',
    '/api/questions/rules': '/api/questions/rules?topic=topic:real-estate-finance',
    '/api/timeline': '/api/timeline',
    '/api/graph': '/api/graph',
    '/api/export': '/api/export?format=json',
    '/api/openapi.json': '/api/openapi.json',
    '/api/tours': '/api/tours',
    '/api/tours/{id}': '/api/tours/p2p-lending',
    '/api/changes': '/api/changes?from=2016-08&to=2016-10-13',
    '/api/matrix': '/api/matrix?asOf=2016-09-01',
    '/api/quiz': '/api/quiz?seed=1',
    '/api/report': '/api/report',
    '/api/report/passages': '/api/report/passages',
    '/api/ask': '/api/ask?q=who%20regulates%20P2P',
  };

  it('sample responses have exactly the documented top-level keys', async () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(doc.paths).sort());
    for (const [path, url] of Object.entries(samples)) {
      const res = await getJson(app.base, url);
      expect(res.status, url).toBe(200);
      const schema = resolve(doc.paths[path].get.responses['200'].content['application/json'].schema);
      const keys = Object.keys(res.body);
      for (const k of schema.required ?? []) expect(keys, `${url} lacks ${k}`).toContain(k);
      for (const k of keys) expect(Object.keys(schema.properties), `${url} has undocumented ${k}`).toContain(k);
    }
  });

  it('documents the error shape that error responses really have', async () => {
    const res = await getJson(app.base, '/api/nodes/agency:nope');
    const schema = resolve(doc.paths['/api/nodes/{id}'].get.responses['404'].content['application/json'].schema);
    expect(Object.keys(res.body)).toEqual(schema.required);
    expect(Object.keys(res.body.error).sort()).toEqual([...schema.properties.error.required].sort());
    expect(schema.properties.error.properties.code.enum).toContain(res.body.error.code);
  });

  it('refuses what the server refuses: empty lists and impossible dates (found by an outside client)', async () => {
    const param = (path: string, name: string): RegExp => {
      const p = (doc.paths[path].get.parameters as Array<{ name: string; schema: { pattern?: string } }>).find((x) => x.name === name)!;
      return new RegExp(p.schema.pattern!);
    };
    for (const [path, name, bad, good] of [
      ['/api/graph', 'labels', '', 'Agency,Rule'],
      ['/api/graph', 'types', '', 'ISSUED'],
      ['/api/graph', 'labels', 'Agency,', 'Agency, Rule'],
      ['/api/export', 'ids', '', 'agency:cbrc,segment:p2p-lending'],
      ['/api/graph', 'asOf', '4190-85-03', '2016-07-18'],
      ['/api/graph', 'from', '2016-00', '2016'],
      ['/api/matrix', 'asOf', '2016-07-32', '2016-07'],
    ] as const) {
      expect(param(path, name).test(bad), `${path} ${name}=${bad}`).toBe(false);
      expect((await getJson(app.base, `${path}?${name}=${encodeURIComponent(bad)}`)).status, `${path} ${name}=${bad}`).toBe(400);
      expect(param(path, name).test(good), `${path} ${name}=${good}`).toBe(true);
      expect((await getJson(app.base, `${path}?${name}=${encodeURIComponent(good)}`)).status, `${path} ${name}=${good}`).toBe(200);
    }
  });
});
