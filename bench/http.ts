/**
 * HTTP throughput and latency with autocannon (programmatic) against the real server over
 * the memory store (`http-server.ts`, a separate process), for node lookup, neighbourhood
 * and search, plus a bare Express hello-world in the same server process and run. Each
 * request draws its own id or query from the store workload, so caches see real variety.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { SeedGraph } from '../graph-seed/schema.js';
import type { Manifest } from './synthetic/generate.js';
import { makeWorkload } from './lib/workload.js';
import { ms, num, ratio, sizeLabel, verdict } from './lib/stats.js';
import { table, type Check, type Section } from './lib/report.js';

export const HELLO_RATIO_TARGET = 0.5;

interface Endpoint {
  name: string;
  port: 'app' | 'hello';
  paths: string[];
}

export interface HttpResult {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerReq: number;
}

export interface HttpOptions {
  durationSec: number;
  connections: number;
}

export async function startBenchServer(m: Manifest): Promise<{ ports: { app: number; hello: number }; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./http-server.ts', import.meta.url).pathname, m.dataDir, m.sourcePath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ports = await new Promise<{ app: number; hello: number }>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)) as { app: number; hello: number });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code} before it was ready`)));
  });
  return {
    ports,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function run(url: string, paths: string[], opts: HttpOptions): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: opts.connections,
        duration: opts.durationSec,
        pipelining: 1,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length]!;
              return req;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

export async function benchHttp(m: Manifest, graph: SeedGraph, opts: HttpOptions): Promise<HttpResult[]> {
  const w = makeWorkload(graph, 2000, 13);
  const enc = encodeURIComponent;
  const endpoints: Endpoint[] = [
    { name: 'hello-world (bare Express)', port: 'hello', paths: ['/hello'] },
    { name: 'GET /api/nodes/:id', port: 'app', paths: w.nodeIds.map((id) => `/api/nodes/${enc(id)}`) },
    {
      name: 'GET /api/nodes/:id/neighborhood (depth 1, limit 200)',
      port: 'app',
      paths: w.centres.map((id) => `/api/nodes/${enc(id)}/neighborhood?depth=1&limit=200`),
    },
    { name: 'GET /api/search (limit 20)', port: 'app', paths: w.searches.map((q) => `/api/search?q=${enc(q)}&limit=20`) },
  ];
  const server = await startBenchServer(m);
  const out: HttpResult[] = [];
  try {
    // A short warm-up of every route (JIT, socket pools) before the timed runs.
    for (const e of endpoints) await run(`http://127.0.0.1:${server.ports[e.port]}`, e.paths, { ...opts, durationSec: 1 });
    for (const e of endpoints) {
      const r = await run(`http://127.0.0.1:${server.ports[e.port]}`, e.paths, opts);
      out.push({
        name: e.name,
        reqPerSec: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        requests: r.requests.total,
        errors: r.errors,
        non2xx: r.non2xx,
        timeouts: r.timeouts,
        bytesPerReq: r.requests.total ? r.throughput.total / r.requests.total : 0,
      });
      process.stderr.write(`  http ${e.name}: ${num(r.requests.average)} req/s, p99 ${r.latency.p99} ms\n`);
    }
  } finally {
    await server.stop();
  }
  return out;
}

export function httpSection(size: number, results: readonly HttpResult[], opts: HttpOptions): Section {
  const hello = results.find((r) => r.name.startsWith('hello'));
  const checks: Check[] = [];
  const rows = results.map((r) => {
    const failures = r.errors + r.non2xx + r.timeouts;
    let target = failures === 0 ? 'errors 0 PASS' : `errors ${failures} **MISS**`;
    if (r.name === 'GET /api/nodes/:id' && hello) {
      const pass = r.reqPerSec >= HELLO_RATIO_TARGET * hello.reqPerSec;
      target = `${verdict(`≥ ${HELLO_RATIO_TARGET * 100}% of hello`, pass)}; ${target}`;
      checks.push({ name: 'HTTP node lookup vs hello-world', pass, detail: `${ratio(r.reqPerSec, hello.reqPerSec)} of hello-world req/s` });
    }
    checks.push({ name: `HTTP ${r.name} errors`, pass: failures === 0, detail: `${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts` });
    return [
      r.name,
      num(r.reqPerSec),
      hello ? ratio(r.reqPerSec, hello.reqPerSec) : '–',
      ms(r.p50),
      ms(r.p99),
      num(r.requests),
      num(r.bytesPerReq),
      `${r.errors}/${r.non2xx}/${r.timeouts}`,
      target,
    ];
  });
  return {
    title: `HTTP, memory store at ${sizeLabel(size)} nodes (autocannon, ${opts.connections} connections, ${opts.durationSec} s per route)`,
    lines: table(['route', 'req/s', 'vs hello', 'p50 ms', 'p99 ms', 'requests', 'bytes/resp', 'errors/non-2xx/timeouts', 'target'], rows),
    notes: [
      'Server: `createApp` with the rate limit off and pino request logging at info (to /dev/null), in its own process; autocannon runs in the benchmark process. Both share the 2 cores.',
      'Every request takes the next id or query from a fixed list of 2000 (uniform ids; half-degree-weighted centres; mixed search terms).',
    ],
    checks,
  };
}
