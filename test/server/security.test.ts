/**
 * What guards the API: security headers, method guard, body and URL limits, rate limit,
 * CORS, the 500 path (no internals in the body, all of them in the log), request logging
 * without credentials, and serving the built client.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { GraphStore } from '../../server/stores/types.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { fixtureGraph } from './fixture-graph.js';
import { getJson, startApp, type Running } from './helpers.js';

const store = (): GraphStore => MemoryStore.fromGraph(fixtureGraph());

/** Sends a raw request (fetch refuses bodies on GET and cannot send some methods). */
function rawRequest(base: string, options: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('security headers', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: store(), rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());

  it('sets a CSP without inline scripts, no framing, nosniff, and no X-Powered-By', async () => {
    for (const path of ['/api/health', '/api/nope', '/']) {
      const res = await fetch(app.base + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      expect(directives.get('script-src'), path).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('request guards', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: store(), rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());

  it('answers 405 with Allow for anything but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await rawRequest(app.base, { method, path: '/api/health' });
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
      expect(JSON.parse(res.body).error.code).toBe('METHOD_NOT_ALLOWED');
    }
    // Unknown API paths too: the method is checked first.
    expect((await rawRequest(app.base, { method: 'POST', path: '/api/nope' })).status).toBe(405);
  });

  it('refuses request bodies', async () => {
    const res = await rawRequest(app.base, {
      method: 'GET',
      path: '/api/health',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '2' },
      body: '{}',
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 414 for URLs over 4 KB', async () => {
    const res = await getJson(app.base, `/api/search?q=${'a'.repeat(4100)}`);
    expect(res.status).toBe(414);
    expect(res.body.error.code).toBe('URI_TOO_LONG');
  });

  it('answers 400, not 500, for malformed percent-encoding anywhere', async () => {
    for (const path of ['/api/search?q=%E0%A4%A', '/api/nodes/%E0%A4%A', '/api/%ZZ', '/%E0%A4%A', '/api/search?%E0=1']) {
      const res = await getJson(app.base, path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
  });
});

describe('rate limit', () => {
  let app: Running;
  beforeAll(async () => {
    // Trusting the loopback proxy lets the test speak for several client IPs; production default is off.
    app = await startApp({ store: store(), rateLimitPerMinute: 5, trustProxy: 'loopback' });
  });
  afterAll(() => app.close());

  const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });

  it('answers 429 RATE_LIMITED after the limit, per client IP', async () => {
    for (let i = 0; i < 5; i++) expect((await getJson(app.base, '/api/health', from('203.0.113.7'))).status).toBe(200);
    const limited = await getJson(app.base, '/api/health', from('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is unaffected.
    expect((await getJson(app.base, '/api/health', from('198.51.100.9'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const strict = await startApp({ store: store(), rateLimitPerMinute: 2 });
    try {
      expect((await getJson(strict.base, '/api/health', from('10.0.0.1'))).status).toBe(200);
      expect((await getJson(strict.base, '/api/health', from('10.0.0.2'))).status).toBe(200);
      // Same socket address, so the same client, whatever the header claims.
      expect((await getJson(strict.base, '/api/health', from('10.0.0.3'))).status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('is off when the limit is 0', async () => {
    const open = await startApp({ store: store(), rateLimitPerMinute: 0 });
    try {
      for (let i = 0; i < 30; i++) expect((await getJson(open.base, '/api/health')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('CORS', () => {
  it('allows the configured origin only', async () => {
    const app = await startApp({ store: store(), rateLimitPerMinute: 0, corsOrigin: 'https://atlas.example.org' });
    try {
      const ok = await fetch(`${app.base}/api/health`, { headers: { Origin: 'https://atlas.example.org' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://atlas.example.org');
      const other = await fetch(`${app.base}/api/health`, { headers: { Origin: 'https://evil.example.com' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await rawRequest(app.base, {
        method: 'OPTIONS',
        path: '/api/health',
        headers: { Origin: 'https://atlas.example.org', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
      expect((await rawRequest(app.base, { method: 'POST', path: '/api/health', headers: { Origin: 'https://atlas.example.org' } })).status).toBe(405);
    } finally {
      await app.close();
    }
  });
});

describe('unexpected errors and logging', () => {
  const lines: Array<Record<string, any>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  let app: Running;

  beforeAll(async () => {
    const real = store();
    // A store with a bug in one method: everything else works.
    const broken: GraphStore = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      search: async () => {
        throw new TypeError('secret internals: cannot read x of undefined at /srv/app/store.js:42');
      },
    });
    app = await startApp({ store: broken, rateLimitPerMinute: 0, logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => app.close());

  it('answers 500 INTERNAL with no internals in the body, and logs them with the request id', async () => {
    const res = await fetch(`${app.base}/api/search?q=x`, { headers: { 'X-Request-Id': 'req-500-test' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'An unexpected error occurred.' } });
    expect(text).not.toMatch(/secret|store\.js|TypeError|at /);
    const logged = lines.filter((l) => l.req?.id === 'req-500-test' || l.reqId === 'req-500-test' || JSON.stringify(l).includes('req-500-test'));
    expect(JSON.stringify(logged)).toContain('secret internals');
  });

  it('logs one line per request with method, url, status and id, and never headers or credentials', async () => {
    await fetch(`${app.base}/api/health`, {
      headers: { 'X-Request-Id': 'req-log-test', Authorization: 'Bearer hunter2', Cookie: 'session=hunter3' },
    });
    const line = lines.find((l) => l.req?.id === 'req-log-test' && l.res);
    expect(line).toMatchObject({ req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 } });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|hunter3/);
  });
});

describe('the built client', () => {
  let dir: string;
  let app: Running;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'finreg-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>FinReg Atlas</title><script type="module" src="/assets/index-abc123.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    app = await startApp({ store: store(), rateLimitPerMinute: 0, clientDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache', async () => {
    const res = await fetch(`${app.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('FinReg Atlas');
  });

  it('caches hashed assets for a year and other files not at all', async () => {
    const asset = await fetch(`${app.base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${app.base}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for client routes, but not for missing assets or the API', async () => {
    const spa = await fetch(`${app.base}/node/agency:cbrc?tab=sources`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('FinReg Atlas');
    expect((await fetch(`${app.base}/assets/missing-000.js`)).status).toBe(404);
    const api = await getJson(app.base, '/api/missing');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });

  it('never serves dotfiles or lists directories', async () => {
    for (const path of ['/.env', '/assets/../.env', '/%2eenv', '/.git/config']) {
      const res = await fetch(app.base + path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
    const listing = await fetch(`${app.base}/assets/`);
    expect(await listing.text()).not.toContain('index-abc123.js');
  });

  it('explains how to build the client when it is not built', async () => {
    const bare = await startApp({ store: store(), rateLimitPerMinute: 0, clientDir: join(dir, 'nope') });
    try {
      const res = await fetch(`${bare.base}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/npm run build:client/);
    } finally {
      await bare.close();
    }
  });
});
