/**
 * Hardening beyond what test/server/security.test.ts already proves (CSP, nosniff, framing
 * and X-Powered-By on three paths; 405 on /api/health; body refusal; 414 over 4 KB;
 * dotfiles): the headers on every kind of answer, the method guard on every endpoint,
 * body and URL limits at their edges and in Node's own parser, path traversal against a
 * client directory that has the repository's files next to it, the real repository's
 * files never served, credentials never logged, and no production start with a default
 * Neo4j password.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { MAX_URL_LENGTH } from '../../server/http/security.js';
import { fixtureGraph } from '../server/fixture-graph.js';
import { startApp, type Running } from '../server/helpers.js';
import { send, type RawResponse } from './support/http-client.js';
import { REPO_ROOT, runMain } from './support/main-process.js';

const store = () => MemoryStore.fromGraph(fixtureGraph());
const get = (base: string, path: string, method = 'GET', headers?: Record<string, string>) => send(base, { method, path, ...(headers ? { headers } : {}) }, { timeoutMs: 10_000 });

/** Writes a raw request on a socket and returns everything the server sends until it closes. */
function rawExchange(base: string, bytes: Buffer | string, timeoutMs = 10_000): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('no close within the timeout')));
  });
}

function expectHardenedHeaders(res: RawResponse, what: string): void {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  expect(directives.get('script-src'), what).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp, what).not.toMatch(/unsafe-eval/);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-powered-by'], what).toBeUndefined();
}

const API_PATHS = [
  '/api/health',
  '/api/schema',
  '/api/search?q=P2P',
  '/api/nodes/agency:cbrc',
  '/api/nodes/agency:cbrc/neighborhood',
  '/api/paths/shortest?from=agency:cbrc&to=agency:csrc',
  '/api/questions/regulators?segment=segment:p2p-lending',
  '/api/questions/rules?topic=topic:real-estate-finance',
  '/api/timeline',
  '/api/graph',
  '/api/export?format=csv',
  '/api/openapi.json',
];

describe('every kind of answer carries the security headers', () => {
  let app: Running;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'finreg-hardening-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>FinReg Atlas</title>');
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'export {};');
    app = await startApp({ store: store(), rateLimitPerMinute: 0, clientDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('2xx, 400, 404, 405, 413, 414, HEAD, the SPA page, assets and missing assets', async () => {
    const cases: Array<[string, Promise<RawResponse>, number]> = [
      ['200 JSON', get(app.base, '/api/health'), 200],
      ['HEAD', get(app.base, '/api/search?q=P2P', 'HEAD'), 200],
      ['400', get(app.base, '/api/search?q='), 400],
      ['404 API', get(app.base, '/api/nodes/agency:nope'), 404],
      ['405', get(app.base, '/api/health', 'DELETE'), 405],
      ['413', get(app.base, '/api/health', 'GET', { 'Content-Length': '5', 'Content-Type': 'text/plain' }), 413],
      ['414', get(app.base, `/api/search?q=${'a'.repeat(MAX_URL_LENGTH)}`), 414],
      ['SPA page', get(app.base, '/node/agency:cbrc'), 200],
      ['asset', get(app.base, '/assets/app-1.js'), 200],
      ['missing asset', get(app.base, '/assets/none.js'), 404],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectHardenedHeaders(res, what);
    }
  });
});

describe('method, body and URL limits', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: store(), rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());

  it('every API endpoint answers 405 METHOD_NOT_ALLOWED with Allow: GET, HEAD to other methods', async () => {
    for (const path of API_PATHS) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']) {
        const res = await get(app.base, path, method);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers['allow']).toBe('GET, HEAD');
        expect(JSON.parse(res.body).error.code).toBe('METHOD_NOT_ALLOWED');
      }
      const head = await get(app.base, path, 'HEAD');
      expect(head.status, `HEAD ${path}`).toBe(200);
      expect(head.body).toBe('');
    }
  });

  it('a chunked body, and a declared 100 MB body that never comes, are refused at once', async () => {
    const chunked = await rawExchange(app.base, 'GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked).toContain('"PAYLOAD_TOO_LARGE"');
    // Only the head is sent and the body never comes: an answer at all shows the server did not
    // wait for (or buffer) it; one that waited would hang until the test timeout.
    const url = new URL(app.base);
    const answer = await new Promise<string>((resolve, reject) => {
      const s = connect(Number(url.port), url.hostname, () => s.write('POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n'));
      let data = '';
      s.on('data', (c: Buffer) => {
        data += c.toString();
        if (data.includes('\r\n\r\n')) {
          s.destroy();
          resolve(data);
        }
      });
      s.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 (405|413) /);
  });

  it('the URL limit is exact: 4096 characters pass the guard, 4097 are 414', async () => {
    const prefix = '/api/search?q=';
    const at = await get(app.base, prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length));
    expect(at.status).not.toBe(414);
    const over = await get(app.base, prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length + 1));
    expect(over.status).toBe(414);
    expect(JSON.parse(over.body).error.code).toBe('URI_TOO_LONG');
  });

  it("what Node's parser refuses before the app (a head over 16 KB, raw non-ASCII bytes) shows nothing, and the server carries on", async () => {
    const huge = await rawExchange(app.base, `GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const rawBytes = await rawExchange(app.base, Buffer.concat([Buffer.from('GET /api/search?q='), Buffer.from([0xe7, 0xbd, 0x91, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]));
    expect(rawBytes).toMatch(/^HTTP\/1\.1 400 /);
    const garbage = await rawExchange(app.base, 'HELLO /api/health SMTP/9\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    for (const text of [huge, rawBytes, garbage]) {
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      expect(body).toBe('');
      expect(text).not.toMatch(/Error|at |node:|\.js/);
    }
    expect((await get(app.base, '/api/health')).status).toBe(200);
  });
});

/** Files an attacker would want, each with a marker that must never appear in an answer. */
const CANARIES: Record<string, string> = {
  'package.json': '{"name":"canary-package-7f3a"}',
  '.env': 'NEO4J_PASSWORD=canary-env-7f3a',
  'server/app.ts': 'export const canary = "canary-server-7f3a";',
  'graph-seed/data/rules.json': '{"nodes":[{"id":"rule:canary-rules-7f3a"}]}',
  'client/secret.txt': 'canary-sibling-7f3a',
};

const TRAVERSALS = [
  '/../package.json',
  '/../../package.json',
  '/%2e%2e/package.json',
  '/%2e%2e/%2e%2e/package.json',
  '/%2E%2E%2F%2E%2E%2Fpackage.json',
  '/..%2f..%2fpackage.json',
  '/..%5c..%5cpackage.json',
  '/%252e%252e/%252e%252e/package.json',
  '/assets/../../../package.json',
  '/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
  '/index.html/../../../package.json',
  '//package.json',
  '/..;/..;/package.json',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
  '/../secret.txt',
  '/%2e%2e/secret.txt',
  '/server/app.ts',
  '/../../server/app.ts',
  '/%2e%2e/%2e%2e/server/app.ts',
  '/.env',
  '/../../.env',
  '/%2e%2e/%2e%2e/.env',
  '/graph-seed/data/rules.json',
  '/../../graph-seed/data/rules.json',
  '/%2e%2e/%2e%2e/graph-seed/data/rules.json',
  '/api/../../package.json',
  '/assets',
  '/assets/',
  '/assets/nested/',
];

describe('static files come only from the client build', () => {
  let root: string;
  let app: Running;
  beforeAll(async () => {
    // A repository-shaped tree with the client build two levels down, like client/dist.
    root = mkdtempSync(join(tmpdir(), 'finreg-traversal-'));
    for (const [file, text] of Object.entries(CANARIES)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    mkdirSync(join(root, 'client/dist/assets/nested'), { recursive: true });
    writeFileSync(join(root, 'client/dist/index.html'), '<!doctype html><title>FinReg Atlas</title>');
    writeFileSync(join(root, 'client/dist/assets/nested/a-1.js'), 'export {};');
    app = await startApp({ store: store(), rateLimitPerMinute: 0, clientDir: join(root, 'client/dist') });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('no traversal, encoding trick or directory path reaches a file outside it, or lists one', async () => {
    for (const path of TRAVERSALS) {
      for (const method of ['GET', 'HEAD']) {
        const res = await get(app.base, path, method);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        expect(res.body, path).not.toMatch(/canary-/);
        expect(res.body, path).not.toMatch(/a-1\.js|Index of|<ul/);
      }
    }
  });

  it("the real repository's sources, seed data and package files are never served", async () => {
    // A client directory where client/dist is (two levels below the repository root), made
    // here so the check does not depend on whether the client was built.
    const clientDir = join(REPO_ROOT, 'client', `test-dist-${process.pid}`);
    mkdirSync(clientDir, { recursive: true });
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>served-client-marker</title>');
    const real = await startApp({ store: store(), rateLimitPerMinute: 0, clientDir });
    try {
      // It is served, so a traversal that finds nothing is the guard's doing, not an empty server.
      expect((await get(real.base, '/')).body).toContain('served-client-marker');
      const secrets = [
        JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies ? '"devDependencies"' : '"name"',
        'export function createApp',
        '"nodes"',
        'apiRouter',
      ];
      for (const path of TRAVERSALS) {
        const res = await get(real.base, path);
        for (const s of secrets) expect(res.body, path).not.toContain(s);
      }
    } finally {
      await real.close();
      rmSync(clientDir, { recursive: true, force: true });
    }
  });
});

describe('secrets and production settings', () => {
  it('the Neo4j password appears nowhere in the log, at trace level, while the store fails', { timeout: 60_000 }, async () => {
    const password = 'canary-Pw-51ab7e93';
    const child = runMain({
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_STORE: 'neo4j',
      // Nothing listens on port 1: every query fails and is logged with its error.
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: password,
      QUERY_TIMEOUT_MS: '500',
      LOG_LEVEL: 'trace',
    });
    try {
      const port = await child.listening();
      const base = `http://127.0.0.1:${port}`;
      expect((await get(base, '/api/health')).status).toBe(503);
      expect((await get(base, '/api/search?q=P2P')).status).toBe(503);
      expect((await get(base, '/api/nodes/agency:cbrc', 'GET', { Authorization: `Basic ${Buffer.from(`neo4j:${password}`).toString('base64')}` })).status).toBe(503);
      child.proc.kill('SIGTERM');
      await child.exit;
      const log = child.stdout() + child.stderr();
      // The log did record the failures, so the check below looked at real error output.
      expect(log).toMatch(/graph store unavailable|health check failed/);
      expect(log).toContain('"user":"reader"');
      expect(log).not.toContain(password);
      expect(log).not.toContain(Buffer.from(`neo4j:${password}`).toString('base64'));
    } finally {
      child.kill();
    }
  });

  it.each([
    ['unset', {}],
    ['the local default', { NEO4J_PASSWORD: 'finreg-atlas-dev' }],
    ['"neo4j"', { NEO4J_PASSWORD: 'neo4j' }],
  ])('refuses to start in production with the Neo4j password %s', { timeout: 60_000 }, async (_what, extra: Record<string, string>) => {
    const child = runMain({ NODE_ENV: 'production', GRAPH_STORE: 'neo4j', NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0', ...extra });
    try {
      const { code } = await child.exit;
      expect(code).toBe(1);
      expect(child.stdout()).not.toContain('FinReg Atlas on');
      // Exactly this line: the refused value itself is not printed.
      expect(child.stderr()).toBe(
        'finreg-atlas: NEO4J_PASSWORD must be set to a real secret when NODE_ENV is "production" (unset, the local default, "neo4j" and "password" are refused)\n',
      );
    } finally {
      child.kill();
    }
  });
});
