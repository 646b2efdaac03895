/**
 * `npm run soak [-- --duration 60 --connections 100 --warmup 10 --stores memory,neo4j
 *   --data DIR --source FILE --revalidate 0.3]`:
 * the real server (`server/main.ts`, a child process) under autocannon on each store, with
 * a request mix weighted like real use (search and neighbourhood heavy; node, questions and
 * paths lighter). Checks: zero 5xx, zero errors and timeouts, p99 reported, and the server's
 * heap and RSS after the run within 10 % of their values after the warm-up (both after a
 * GC, through bench/soak/memory-hook.ts over IPC). Then the rate limiter: one client
 * flooding gets 429s beyond the limit while a second client still gets every answer.
 *
 * Both stores answer the same mix in one run, so the Neo4j store's throughput is also given
 * as a ratio of the memory store's (target ≥ 70 %, p99 ≤ 250 ms). `--revalidate F`: that
 * share of the requests sends back the ETag the server gave for the same path before the
 * run (`If-None-Match`), as browsers revalidating do; those 304s are counted apart from the
 * 2xx answers. `--data DIR` (+ `--source FILE`): another graph, such as a synthetic one from
 * `npm run bench:generate` (its `data/` folder and `source.txt`), instead of the seed.
 *
 * Neo4j: NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else the embedded
 * launcher on a free port with its own data; the seed is loaded into it first.
 * Exit code 1 when a check fails. The report also goes to bench/out/soak.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { findFreePort, startLauncher, type RunningLauncher } from '../../test/support/neo4j-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  stores: Array<'memory' | 'neo4j'>;
  floodSeconds: number;
  /** A graph other than the seed: its data folder and source text. */
  data?: string;
  source?: string;
  /** Share of requests that revalidate with If-None-Match (0 to 1). */
  revalidate: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { duration: 60, connections: 100, warmup: 10, stores: ['memory', 'neo4j'], floodSeconds: 10, revalidate: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got "${value}"`);
      i++;
      return n;
    };
    if (flag === '--duration') o.duration = num();
    else if (flag === '--connections') o.connections = num();
    else if (flag === '--warmup') o.warmup = num();
    else if (flag === '--flood') o.floodSeconds = num();
    else if (flag === '--data' || flag === '--source') {
      if (!value) throw new Error(`${flag} needs a path`);
      if (flag === '--data') o.data = value;
      else o.source = value;
      i++;
    } else if (flag === '--revalidate') {
      const f = Number(value);
      if (!(f >= 0 && f <= 1)) throw new Error(`--revalidate takes a share from 0 to 1, got "${value}"`);
      o.revalidate = f;
      i++;
    }
    else if (flag === '--stores') {
      const stores = (value ?? '').split(',');
      if (stores.some((s) => s !== 'memory' && s !== 'neo4j')) throw new Error(`--stores takes memory, neo4j or both, got "${value}"`);
      o.stores = stores as Options['stores'];
      i++;
    } else throw new Error(`unknown flag ${flag}; usage: soak [--duration S] [--connections N] [--warmup S] [--flood S] [--stores memory,neo4j] [--data DIR] [--source FILE] [--revalidate F]`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------
// The request mix

/** A small deterministic PRNG (mulberry32), so two runs send the same mix. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS = { search: 35, neighborhood: 30, node: 15, questions: 10, paths: 10 } as const;

/**
 * `pairs`: node pairs that are connected (a path request between unconnected nodes is a
 * correct 404, but the run counts every non-2xx, so the mix asks only answerable questions).
 */
export function requestMix(graph: SeedGraph, pairs: Array<[string, string]>, count = 2_000): Array<{ kind: keyof typeof WEIGHTS; path: string }> {
  const r = rng(2016);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ids = graph.nodes.map((n) => n.id);
  const segments = graph.nodes.filter((n) => n.label === 'Segment').map((n) => n.id);
  const topics = graph.nodes.filter((n) => n.label === 'Topic').map((n) => n.id);
  // Search terms as people type them: a prefix or a piece of a name, Chinese or English.
  const terms = graph.nodes.flatMap((n) => [n.name.slice(0, 2), n.name.slice(0, 4), n.nameEn.split(' ')[0] ?? n.nameEn]).filter((t) => t.trim() !== '');
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  const out: Array<{ kind: keyof typeof WEIGHTS; path: string }> = [];
  for (let i = 0; i < count; i++) {
    let x = r() * total;
    const kind = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).find((k) => (x -= WEIGHTS[k]) < 0) ?? 'search';
    const path =
      kind === 'search'
        ? `/api/search?q=${encodeURIComponent(pick(terms))}`
        : kind === 'neighborhood'
          ? `/api/nodes/${pick(ids)}/neighborhood?depth=${r() < 0.7 ? 1 : 2}`
          : kind === 'node'
            ? `/api/nodes/${pick(ids)}`
            : kind === 'questions'
              ? r() < 0.5
                ? `/api/questions/regulators?segment=${pick(segments)}`
                : `/api/questions/rules?topic=${pick(topics)}`
              : (([from, to]) => `/api/paths/shortest?from=${from}&to=${to}`)(pick(pairs));
    out.push({ kind, path });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The server child

interface Memory {
  heapUsed: number;
  rss: number;
  gcAvailable: boolean;
}

interface ServerChild {
  base: string;
  memory(): Promise<Memory>;
  stop(): Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<ServerChild> {
  const child: ChildProcess = fork(join(ROOT, 'server/main.ts'), [], {
    cwd: ROOT,
    execArgv: ['--expose-gc', '--import', 'tsx', '--import', join(ROOT, 'bench/soak/memory-hook.ts')],
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /FinReg Atlas on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited: ${err}`));
      }
    }, 50);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as Memory));
        child.send('memory');
      }),
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Runs

interface CannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

/** `etags`: when given, the i-th request of every ten below `revalidate`·10 sends the path's ETag back. */
function cannon(
  base: string,
  paths: string[],
  o: { connections: number; duration: number; headers?: Record<string, string>; etags?: Map<string, string>; revalidate?: number },
): Promise<CannonResult> {
  let i = 0;
  const revalidateOf10 = Math.round((o.revalidate ?? 0) * 10);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: o.connections,
        duration: o.duration,
        pipelining: 1,
        // @ts-expect-error -- autocannon takes a per-request timeout in seconds (bench/lib/autocannon.d.ts lists only what the benchmark uses)
        timeout: 10,
        requests: [
          {
            method: 'GET',
            ...(o.headers ? { headers: o.headers } : {}),
            setupRequest: (req) => {
              const n = i++;
              const path = paths[n % paths.length]!;
              req.path = path;
              const etag = o.etags?.get(path);
              req.headers = { ...(o.headers ?? {}), ...(etag !== undefined && n % 10 < revalidateOf10 ? { 'if-none-match': etag } : {}) };
              return req;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result as unknown as CannonResult)),
    );
  });
}

interface StoreReport {
  store: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 304 Not Modified answers to revalidating requests (autocannon counts them in non2xx). */
  status304: number;
  status5xx: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  rssBeforeMB: number;
  rssAfterMB: number;
}

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

async function soakStore(store: 'memory' | 'neo4j', env: Record<string, string>, paths: string[], o: Options): Promise<StoreReport> {
  const server = await startServer({ ...env, GRAPH_STORE: store, RATE_LIMIT_PER_MINUTE: '0' });
  try {
    process.stderr.write(`[soak] ${store}: warm-up ${o.warmup} s at ${o.connections} connections\n`);
    await cannon(server.base, paths, { connections: o.connections, duration: o.warmup });
    // The ETag each path had before the run, as a browser that saw it would send it back.
    const etags = new Map<string, string>();
    if (o.revalidate > 0) {
      for (const path of new Set(paths)) {
        const res = await fetch(server.base + path);
        await res.arrayBuffer();
        const etag = res.headers.get('etag');
        if (etag) etags.set(path, etag);
      }
    }
    const before = await server.memory();
    if (!before.gcAvailable) throw new Error('the server child has no gc(): --expose-gc did not reach it');
    process.stderr.write(`[soak] ${store}: ${o.duration} s at ${o.connections} connections\n`);
    const r = await cannon(server.base, paths, { connections: o.connections, duration: o.duration, etags, revalidate: o.revalidate });
    const after = await server.memory();
    return {
      store,
      requests: r.requests.total,
      reqPerSec: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      status304: r['3xx'],
      status5xx: r['5xx'],
      heapBeforeMB: mb(before.heapUsed),
      heapAfterMB: mb(after.heapUsed),
      rssBeforeMB: mb(before.rss),
      rssAfterMB: mb(after.rss),
    };
  } finally {
    await server.stop();
  }
}

interface FairnessReport {
  limitPerMinute: number;
  flood2xx: number;
  flood429: number;
  flood5xx: number;
  otherClientRequests: number;
  otherClient200: number;
  otherClientP99Ms: number;
}

/** One client floods for `floodSeconds`; another sends one request every 200 ms meanwhile. */
async function fairness(env: Record<string, string>, paths: string[], o: Options): Promise<FairnessReport> {
  const limit = 600;
  const server = await startServer({ ...env, GRAPH_STORE: 'memory', RATE_LIMIT_PER_MINUTE: String(limit), TRUST_PROXY: 'loopback' });
  try {
    process.stderr.write(`[soak] rate limit: one client floods for ${o.floodSeconds} s, another asks every 200 ms\n`);
    let flooding = true;
    const other: Array<{ status: number; ms: number }> = [];
    const polite = (async () => {
      while (flooding) {
        const t = performance.now();
        const res = await fetch(`${server.base}${paths[other.length % paths.length]}`, { headers: { 'X-Forwarded-For': '198.51.100.3' } });
        await res.arrayBuffer();
        other.push({ status: res.status, ms: performance.now() - t });
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const flood = await cannon(server.base, paths, { connections: 50, duration: o.floodSeconds, headers: { 'X-Forwarded-For': '203.0.113.9' } });
    flooding = false;
    await polite;
    const sorted = other.map((x) => x.ms).sort((a, b) => a - b);
    return {
      limitPerMinute: limit,
      flood2xx: flood['2xx'],
      flood429: flood['4xx'],
      flood5xx: flood['5xx'],
      otherClientRequests: other.length,
      otherClient200: other.filter((x) => x.status === 200).length,
      otherClientP99Ms: Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0),
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------

async function neo4jFor(graph: SeedGraph): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  let launcher: RunningLauncher | undefined;
  let dataDir: string | undefined;
  let target: { uri: string; user: string; password: string; database: string };
  if (process.env['NEO4J_URI']) {
    target = {
      uri: process.env['NEO4J_URI'],
      user: process.env['NEO4J_USER'] || 'neo4j',
      password: process.env['NEO4J_PASSWORD'] ?? '',
      database: process.env['NEO4J_DATABASE'] || 'neo4j',
    };
  } else {
    dataDir = join(ROOT, '.neo4j-data', 'soak', `run-${process.pid}`);
    mkdirSync(dataDir, { recursive: true });
    process.stderr.write('[soak] starting the embedded Neo4j\n');
    launcher = await startLauncher({ port: await findFreePort(), dataDir, password: 'soak-run-pw', timeoutMs: 240_000 });
    target = { uri: launcher.uri, user: 'neo4j', password: 'soak-run-pw', database: 'neo4j' };
  }
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  try {
    await loadIntoNeo4j(driver, graph, { database: target.database });
  } finally {
    await driver.close();
  }
  return {
    env: { NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database, QUERY_TIMEOUT_MS: '5000' },
    stop: async () => {
      await launcher?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const graph = await loadSeedGraph({ onWarning: () => {}, ...(o.data ? { dataDir: o.data } : {}), ...(o.source ? { sourcePath: o.source } : {}) });
  const graphEnv: Record<string, string> = { ...(o.data ? { SEED_DATA_DIR: o.data } : {}), ...(o.source ? { SEED_SOURCE: o.source } : {}) };
  const memory = MemoryStore.fromGraph(graph);
  const r = rng(7);
  const pairs: Array<[string, string]> = [];
  while (pairs.length < 200) {
    const a = graph.nodes[Math.floor(r() * graph.nodes.length)]!.id;
    const b = graph.nodes[Math.floor(r() * graph.nodes.length)]!.id;
    if (await memory.shortestPath({ from: a, to: b, maxLength: 6, directed: false })) pairs.push([a, b]);
  }
  const mix = requestMix(graph, pairs);
  const paths = mix.map((m) => m.path);
  const reports: StoreReport[] = [];
  const checks: Array<{ name: string; ok: boolean; detail: string }> = [];

  for (const store of o.stores) {
    const db = store === 'neo4j' ? await neo4jFor(graph) : undefined;
    try {
      const r = await soakStore(store, { ...graphEnv, ...(db?.env ?? {}) }, paths, o);
      reports.push(r);
      const within = (a: number, b: number) => Math.abs(b - a) <= 0.1 * a;
      checks.push({ name: `${store}: no 5xx`, ok: r.status5xx === 0, detail: `${r.status5xx} of ${r.requests}` });
      checks.push({ name: `${store}: no errors or timeouts`, ok: r.errors === 0 && r.timeouts === 0, detail: `${r.errors} errors, ${r.timeouts} timeouts` });
      checks.push({ name: `${store}: every answer 2xx or 304`, ok: r.non2xx === r.status304, detail: `${r.non2xx - r.status304} neither 2xx nor 304 (${r.status304} 304s)` });
      checks.push({ name: `${store}: heap within 10 % after GC`, ok: within(r.heapBeforeMB, r.heapAfterMB), detail: `${r.heapBeforeMB} -> ${r.heapAfterMB} MB` });
      checks.push({ name: `${store}: RSS within 10 % after GC`, ok: within(r.rssBeforeMB, r.rssAfterMB), detail: `${r.rssBeforeMB} -> ${r.rssAfterMB} MB` });
    } finally {
      await db?.stop();
    }
  }

  const mem = reports.find((x) => x.store === 'memory');
  const neo = reports.find((x) => x.store === 'neo4j');
  if (mem && neo) {
    const ratio = neo.reqPerSec / mem.reqPerSec;
    checks.push({ name: 'neo4j: throughput ≥ 70 % of the memory store\'s (same mix, same run)', ok: ratio >= 0.7, detail: `${Math.round(ratio * 100)} % (${neo.reqPerSec} vs ${mem.reqPerSec} req/s)` });
  }
  if (neo) checks.push({ name: `neo4j: p99 ≤ 250 ms at ${o.connections} connections`, ok: neo.p99 <= 250, detail: `${neo.p99} ms` });

  const f = await fairness(graphEnv, paths, o);
  checks.push({ name: 'rate limit: the flooding client is limited', ok: f.flood429 > 0 && f.flood2xx <= f.limitPerMinute, detail: `${f.flood2xx} answered, ${f.flood429} limited` });
  checks.push({ name: 'rate limit: no 5xx under the flood', ok: f.flood5xx === 0, detail: `${f.flood5xx}` });
  checks.push({
    name: 'rate limit: the other client is not starved',
    ok: f.otherClientRequests > 0 && f.otherClient200 === f.otherClientRequests,
    detail: `${f.otherClient200}/${f.otherClientRequests} answered 200, p99 ${f.otherClientP99Ms} ms`,
  });

  const weights = Object.entries(WEIGHTS).map(([k, w]) => `${k} ${w}%`).join(', ');
  console.log(`\nSoak: ${o.connections} connections x ${o.duration} s per store (after ${o.warmup} s warm-up); mix: ${weights}\n`);
  console.log(`graph: ${o.data ?? 'the seed'} (${graph.nodes.length} nodes); revalidating requests: ${Math.round(o.revalidate * 100)} %`);
  console.log('store   requests  req/s   p50 ms  p99 ms  max ms   304  5xx  errors  timeouts  heap MB (before->after)  RSS MB (before->after)');
  for (const r of reports) {
    console.log(
      `${r.store.padEnd(7)} ${String(r.requests).padStart(8)}  ${String(r.reqPerSec).padStart(5)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.max).padStart(6)}  ${String(r.status304).padStart(5)}  ${String(r.status5xx).padStart(3)}  ${String(r.errors).padStart(6)}  ${String(r.timeouts).padStart(8)}  ${`${r.heapBeforeMB} -> ${r.heapAfterMB}`.padStart(23)}  ${`${r.rssBeforeMB} -> ${r.rssAfterMB}`.padStart(22)}`,
    );
  }
  console.log(`\nRate limit (${f.limitPerMinute}/min per IP): flood ${f.flood2xx} answered, ${f.flood429} limited (429), ${f.flood5xx} 5xx; other client ${f.otherClient200}/${f.otherClientRequests} answered, p99 ${f.otherClientP99Ms} ms\n`);
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);

  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(join(ROOT, `bench/out/soak${o.data ? '-data' : ''}.json`), `${JSON.stringify({ at: new Date().toISOString(), options: o, weights: WEIGHTS, stores: reports, fairness: f, checks }, null, 2)}\n`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`soak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
