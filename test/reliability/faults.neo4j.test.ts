/**
 * Faults, on a Neo4j of this file's own (support/own-neo4j.ts), which it stops and starts:
 * - Neo4j stopped under load: every request fails with 503 UNAVAILABLE and Retry-After (none
 *   hangs: the load generator's requests would time out), /api/health reports it; Neo4j
 *   started again: the server recovers by itself (a bounded poll of /api/health), with all
 *   the data (counts and content hash as before). How fast is measured in bench/, not here.
 * - A seed load killed with SIGKILL at several points (while staging, at the flip, after the
 *   commit): the database holds the old graph or the new one, never a mix; the next load
 *   succeeds. What readers of the API saw meanwhile is reported (see the note on isolation).
 * - SIGTERM to the server under load: requests in flight finish with complete answers, new
 *   connections are refused, the process exits 0 by draining (not by the drain timeout).
 *
 * No assertion here is on elapsed time: the tests wait for events or poll conditions with a
 * bound, since the machine may be busy with other suites.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { contentHash, graphCounts, invisibleNodeCount, loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { generateSynthetic } from '../../bench/synthetic/generate.js';
import { describeNeo4j } from '../support/neo4j.js';
import { startApp, type Running } from '../server/helpers.js';
import { keepAliveAgent, send, type RawResponse } from './support/http-client.js';
import { REPO_ROOT, runMain } from './support/main-process.js';
import { startOwnNeo4j, type OwnNeo4j } from './support/own-neo4j.js';

const QUERY_TIMEOUT_MS = 2_000;
/** A client-side timeout for single requests: a watchdog against hangs, not a speed check. */
const FAIL_FAST_MS = QUERY_TIMEOUT_MS + 1_500;
/** Bound of the polls for "recovered" and "enough samples". */
const POLL_BOUND_MS = 60_000;
const PATHS = [
  '/api/search?q=P2P',
  '/api/search?q=%E7%BD%91%E7%BB%9C%E5%80%9F%E8%B4%B7',
  '/api/nodes/agency:cbrc',
  '/api/nodes/agency:cbrc/neighborhood?depth=2',
  '/api/questions/regulators?segment=segment:p2p-lending',
  '/api/paths/shortest?from=agency:csrc&to=segment:p2p-lending',
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 50 ms until it holds; throws after `boundMs`. */
async function until(what: string, cond: () => boolean, boundMs = POLL_BOUND_MS): Promise<void> {
  for (const deadline = Date.now() + boundMs; !cond(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms: ${what}`);
  }
}

interface Sample {
  start: number;
  end: number;
  res?: RawResponse;
  error?: string;
}

/** `workers` loops sending requests until `stop()`; every answer is kept with its timing. */
/** A request this long outstanding at SIGTERM counts as in flight on the server. */
const IN_FLIGHT_MS = 20;

function loadGenerator(base: string, workers: number, paths = PATHS) {
  const samples: Sample[] = [];
  /** Start time of each worker's outstanding request. */
  const pending = new Map<number, number>();
  const agent = keepAliveAgent(workers);
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i += workers) {
      const start = Date.now();
      pending.set(w, start);
      try {
        const res = await send(base, { method: 'GET', path: paths[i % paths.length]! }, { agent, timeoutMs: 30_000 });
        samples.push({ start, end: Date.now(), res });
      } catch (err) {
        samples.push({ start, end: Date.now(), error: (err as Error).message });
        await sleep(20);
      } finally {
        pending.delete(w);
      }
    }
  });
  return {
    samples,
    /** Age in ms of the oldest request still waiting for its answer (0 when none is). */
    oldestPendingMs(): number {
      const starts = [...pending.values()];
      return starts.length === 0 ? 0 : Date.now() - Math.min(...starts);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}

describeNeo4j('faults', () => {
  let db: OwnNeo4j;
  let driver: Driver;
  let seed: SeedGraph;
  let old: { hash: string; counts: Awaited<ReturnType<typeof graphCounts>> };
  const snapshot = async () => ({ hash: await contentHash(driver, db.database), counts: await graphCounts(driver, db.database) });
  const loadSeed = () => loadIntoNeo4j(driver, seed, { database: db.database });

  beforeAll(async () => {
    db = await startOwnNeo4j();
    driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
    seed = await loadSeedGraph({ onWarning: () => {} });
    await loadSeed();
    old = await snapshot();
  }, 300_000);
  afterAll(async () => {
    await driver?.close();
    await db?.dispose();
  }, 60_000);

  it('Neo4j stopped under load: only 503s with Retry-After; started again: the server recovers by itself, all data there', { timeout: 400_000 }, async () => {
    const store = new Neo4jStore({ uri: db.uri, user: db.user, password: db.password, queryTimeoutMs: QUERY_TIMEOUT_MS });
    const app: Running = await startApp({ store, rateLimitPerMinute: 0 });
    const load = loadGenerator(app.base, 8);
    let reopened = false;
    try {
      await until('answers before the stop', () => load.samples.filter((x) => x.res?.status === 200).length >= 20);
      const stopAt = Date.now();
      await driver.close(); // reopened below, once Neo4j is back
      await db.stop();
      const stoppedAt = Date.now();
      await until('answers during the outage', () => load.samples.filter((x) => x.start > stoppedAt).length >= 20);
      const health = await send(app.base, { method: 'GET', path: '/api/health' }, { timeoutMs: FAIL_FAST_MS + 2_000 });
      expect(health.status).toBe(503);
      expect(health.headers['retry-after']).toBe('5');
      expect(JSON.parse(health.body)).toMatchObject({ status: 'unavailable', error: { code: 'UNAVAILABLE' } });

      const restartAt = Date.now();
      const readyAt = await db.start();
      let healthyAt = 0;
      while (Date.now() - readyAt < 30_000) {
        const h = await send(app.base, { method: 'GET', path: '/api/health' }, { timeoutMs: FAIL_FAST_MS + 2_000 }).catch(() => undefined);
        if (h?.status === 200) {
          healthyAt = Date.now();
          break;
        }
        await sleep(100);
      }
      expect(healthyAt, 'healthy again within 30 s of Neo4j being ready').toBeGreaterThan(0);
      await until('answers after the recovery', () => load.samples.filter((x) => x.start > healthyAt + 200).length >= 10);
      await load.stop();
      const recoveryMs = healthyAt - readyAt;
      console.log(`[faults] recovery after Neo4j restart: ${recoveryMs} ms; outage ${Math.round((readyAt - stopAt) / 1000)} s; ${load.samples.length} requests during the run`);

      // Before the stop: 200s. During the outage: only 503 UNAVAILABLE with Retry-After, fast.
      const before = load.samples.filter((s) => s.end < stopAt);
      const during = load.samples.filter((s) => s.start > stoppedAt && s.end < restartAt);
      const after = load.samples.filter((s) => s.start > healthyAt + 200);
      const show = (xs: Sample[]) => xs.map((s) => `${s.res?.status ?? s.error} at ${s.start - stopAt} ms, took ${s.end - s.start} ms`).slice(0, 5);
      // Before the stop: answers. On a loaded machine a query can outrun its 2 s timeout, and
      // that is a 503 UNAVAILABLE by design, so 503s are allowed here; nothing else is.
      expect(before.filter((s) => s.res?.status === 200).length).toBeGreaterThan(0);
      expect(show(before.filter((s) => s.res?.status !== 200 && s.res?.status !== 503))).toEqual([]);
      expect(during.length).toBeGreaterThan(10);
      const badDuring = during.filter(
        (s) => s.res?.status !== 503 || s.res.headers['retry-after'] !== '5' || JSON.parse(s.res.body).error?.code !== 'UNAVAILABLE',
      );
      expect(badDuring.map((s) => `${s.res?.status ?? s.error}`).slice(0, 5)).toEqual([]);
      // Nothing at all in the whole run was a 500 or a broken connection.
      expect(show(load.samples.filter((s) => s.error !== undefined || (s.res && s.res.status !== 200 && s.res.status !== 503)))).toEqual([]);
      expect(after.length).toBeGreaterThan(0);
      expect(show(after.filter((s) => s.res?.status !== 200))).toEqual([]);

      driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
      reopened = true;
      expect(await snapshot()).toEqual(old);
    } finally {
      await load.stop();
      // Leave a running Neo4j and an open driver for the next tests, whatever failed above.
      if (!db.running()) await db.start();
      if (!reopened) driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
      await app.close();
      await store.close();
    }
  });

  describe_killedLoads();

  function describe_killedLoads(): void {
    let dir: string;
    let big: { data: string; source: string };

    /** The loader CLI on the synthetic graph; `killWhen` sees its stderr and may SIGKILL it. */
    function runLoad(args: string[], killWhen?: RegExp) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'graph-seed/cli/load.ts', '--data', big.data, '--source', big.source, ...args], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, NEO4J_DATABASE: db.database },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (killWhen && killWhen.test(stderr)) child.kill('SIGKILL');
      });
      return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal, stderr })),
      );
    }

    it('a seed load killed at any point leaves the old graph or the new one, never a mix, and the next load succeeds', { timeout: 600_000 }, async () => {
      dir = mkdtempSync(join(tmpdir(), 'finreg-faults-load-'));
      try {
        const m = generateSynthetic({ nodes: 3_000, seed: 11, outDir: dir });
        big = { data: m.dataDir, source: m.sourcePath };

        // The new graph's hash and counts, from a load that runs to the end.
        const full = await runLoad(['--mode', 'staged', '--batch-size', '500']);
        expect(full.code, full.stderr.slice(-500)).toBe(0);
        const fresh = await snapshot();
        expect(fresh.hash).not.toBe(old.hash);
        const countsOf = (c: { nodes: number; relationships: number }) => `${c.nodes}/${c.relationships}`;
        const allowed = new Set([countsOf(old.counts), countsOf(fresh.counts)]);

        const store = new Neo4jStore({ uri: db.uri, user: db.user, password: db.password, queryTimeoutMs: 10_000 });
        const app = await startApp({ store, rateLimitPerMinute: 0 });
        const outcomes: string[] = [];
        const tornReads: string[] = [];
        try {
          for (const [mode, killAt] of [
            ['single', /relationships: batch 4\//],
            ['staged', /nodes: batch 2\//],
            ['staged', /relationships: batch 6\//],
            ['staged', /flip\.\.\./],
            ['staged', /commit\.\.\./],
          ] as const) {
            await loadSeed();
            expect((await snapshot()).hash).toBe(old.hash);
            // What readers of the API see during the load.
            const seen = new Set<string>();
            let reading = true;
            const reader = (async () => {
              while (reading) {
                const h = await send(app.base, { method: 'GET', path: '/api/health' }, { timeoutMs: 15_000 });
                if (h.status === 200) {
                  const b = JSON.parse(h.body) as { nodes: number; relationships: number };
                  seen.add(countsOf(b));
                }
                await sleep(25);
              }
            })();
            const r = await runLoad(['--mode', mode, '--batch-size', '500'], killAt);
            reading = false;
            await reader;
            expect(r.signal, `${mode} ${killAt}: ${r.stderr.slice(-300)}`).toBe('SIGKILL');
            const after = await snapshot();
            const which = after.hash === old.hash ? 'old' : after.hash === fresh.hash ? 'new' : 'MIX';
            outcomes.push(`${mode} killed at ${killAt.source}: ${which}`);
            expect(which, `${mode} ${killAt}`).not.toBe('MIX');
            // Neo4j reads are READ COMMITTED, not snapshots: the two count queries of one
            // health check can straddle the flip's commit (seen: old node count with 0
            // relationships). That is the reader's view, not the stored graph, so it is
            // reported, not asserted; the stored graph is checked by hash above.
            const torn = [...seen].filter((s) => !allowed.has(s));
            if (torn.length > 0) tornReads.push(`${mode} at ${killAt.source}: ${torn.join(', ')}`);
          }
          // After the last kill (past the commit), the next load runs to the end and cleans up.
          const next = await runLoad(['--batch-size', '500']);
          expect(next.code, next.stderr.slice(-500)).toBe(0);
          expect((await snapshot()).hash).toBe(fresh.hash);
          expect(await invisibleNodeCount(driver, db.database)).toBe(0);
        } finally {
          await app.close();
          await store.close();
        }
        console.log(`[faults] killed loads: ${outcomes.join('; ')}; torn reads seen by /api/health: ${tornReads.join('; ') || 'none'}`);
        expect(outcomes.some((o) => o.endsWith('old'))).toBe(true);
        await loadSeed();
        expect(await snapshot()).toEqual(old);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('SIGTERM under load: requests in flight finish, new connections are refused, exit 0 by draining', { timeout: 120_000 }, async () => {
    const child = runMain({
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_STORE: 'neo4j',
      NEO4J_URI: db.uri,
      NEO4J_USER: db.user,
      NEO4J_PASSWORD: db.password,
      QUERY_TIMEOUT_MS: '10000',
      SHUTDOWN_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
      // No answers kept: the exports below must really take long on the server to be in
      // flight there at the signal; cached, they are answered at once, and a request the
      // client has waited 20 ms for is then one still unread in its socket.
      ANSWER_CACHE_MB: '0',
    });
    try {
      await loadSeed();
      const port = await child.listening();
      const base = `http://127.0.0.1:${port}`;
      // Whole-graph exports take long enough that some are always in flight.
      const load = loadGenerator(base, 12, [...PATHS, '/api/export?format=graphml', '/api/graph']);
      await until('answers before the signal', () => load.samples.filter((x) => x.res?.status === 200).length >= 20);
      // Signal while a request has surely reached the server: one outstanding for 20 ms or
      // more (a fast answer would otherwise leave nothing in flight by chance).
      const waitUntil = Date.now() + 5_000;
      while (load.oldestPendingMs() < IN_FLIGHT_MS && Date.now() < waitUntil) await sleep(1);
      const signalAt = Date.now();
      child.proc.kill('SIGTERM');
      const tryConnect = () =>
        new Promise<string>((resolve) => {
          const s = connect(port, '127.0.0.1', () => {
            s.destroy();
            resolve('connected');
          });
          s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        });
      // Poll (bounded) until the listener is closed.
      let refused = await tryConnect();
      for (const deadline = Date.now() + 10_000; refused === 'connected' && Date.now() < deadline; await sleep(20)) refused = await tryConnect();
      const { code, at } = await child.exit;
      await load.stop();

      expect(refused).toBe('ECONNREFUSED');
      expect(code).toBe(0);
      // It drained: the drain timeout did not have to close anything (it logs a warning when it does).
      expect(child.stdout() + child.stderr()).not.toContain('drain timeout');
      const inFlight = load.samples.filter((s) => s.start <= signalAt - IN_FLIGHT_MS && s.end > signalAt);
      // The ones in flight got complete answers (the body parses), none was cut off.
      expect(inFlight.length).toBeGreaterThan(0);
      for (const s of inFlight) {
        expect(s.error, 'a request in flight at SIGTERM was cut off').toBeUndefined();
        expect(s.res!.status).toBe(200);
        if (String(s.res!.headers['content-type']).includes('json')) JSON.parse(s.res!.body);
        else expect(s.res!.body).toMatch(/<\/graphml>\s*$/);
      }
      // Before the signal everything was answered; nothing anywhere was a 5xx.
      expect(load.samples.filter((s) => s.end < signalAt).every((s) => s.res?.status === 200)).toBe(true);
      expect(load.samples.filter((s) => (s.res?.status ?? 0) >= 500)).toEqual([]);
      console.log(`[faults] SIGTERM under load: ${inFlight.length} requests in flight finished, exit ${code} after ${at - signalAt} ms`);
    } finally {
      child.kill();
    }
  });
});
