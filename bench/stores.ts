/**
 * Store latency in process: the same workload (`lib/workload.ts`) against the memory
 * store, the Neo4j store, and the raw neo4j-driver running the store's own Cypher
 * (imported from `server/stores/neo4j/queries.ts`) with the same parameters but none of
 * our code around it (no record conversion, no error mapping). Calls are sequential: this
 * is latency, not throughput.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../graph-seed/schema.js';
import { QUESTION_LIMIT_DEFAULT, type GraphStore } from '../server/stores/types.js';
import { ms, num, ratio, sizeLabel, summarize, verdict, type Summary } from './lib/stats.js';
import { table, type Check, type Section } from './lib/report.js';
import type { Workload } from './lib/workload.js';

export const SEARCH_LIMIT = 20;
export const NEIGHBOURHOOD_LIMIT = 200;
/** The question answers' entry limit: the API's default, what a user's request gets. */
export const QUESTION_LIMIT = QUESTION_LIMIT_DEFAULT;
export const PATH_MAX_LENGTH = 6;

export type OpName = 'search' | 'node' | 'neighbourhood d1' | 'neighbourhood d2' | 'shortest path' | 'regulators' | 'rulesTouching';
export const OPS: readonly OpName[] = ['search', 'node', 'neighbourhood d1', 'neighbourhood d2', 'shortest path', 'regulators', 'rulesTouching'];

/** Memory-store targets, checked at 100k nodes. */
export const MEMORY_TARGETS: Partial<Record<OpName, number>> = {
  search: 5,
  'neighbourhood d1': 2,
  'shortest path': 20,
  regulators: 10,
  rulesTouching: 10,
};
export const MEMORY_TARGET_SIZE = 100_000;
/** Neo4jStore p50 at most this multiple of the raw driver's p50. */
export const NEO4J_OVERHEAD_TARGET = 1.3;

export interface OpResult {
  op: OpName;
  size: number;
  summary: Summary;
  /**
   * Process CPU time per call (user + system, all threads), for in-process stores: on a
   * shared machine it separates the store's own work from time spent waiting for a core.
   */
  cpu?: Summary;
  /** Mean answer size: hits, nodes, rules, path length. */
  answerSize: number;
  errors: number;
  firstError?: string;
}

export interface BenchConfig {
  warmup: number;
  iterations: number;
  budgetMs: number;
}

/** One call of an op against a store; returns the answer size. */
async function callStore(store: GraphStore, op: OpName, w: Workload, i: number): Promise<number> {
  const k = i % w.nodeIds.length;
  switch (op) {
    case 'search':
      return (await store.search({ q: w.searches[k]!, limit: SEARCH_LIMIT })).length;
    case 'node':
      return (await store.node(w.nodeIds[k]!)) ? 1 : 0;
    case 'neighbourhood d1':
    case 'neighbourhood d2': {
      const depth = op === 'neighbourhood d1' ? 1 : 2;
      return (await store.neighborhood({ id: w.centres[k]!, depth, limit: NEIGHBOURHOOD_LIMIT }))?.nodes.length ?? 0;
    }
    case 'shortest path': {
      const [from, to] = w.pairs[k]!;
      const p = await store.shortestPath({ from, to, maxLength: PATH_MAX_LENGTH, directed: false });
      return p ? p.relationships.length : 0;
    }
    case 'regulators': {
      const a = await store.regulators(w.segments[k]!, undefined, QUESTION_LIMIT);
      return a ? a.agencies.reduce((s, x) => s + x.rules.length, 0) : 0;
    }
    case 'rulesTouching':
      return (await store.rulesTouching(w.topics[k]!, undefined, QUESTION_LIMIT))?.rules.length ?? 0;
  }
}

async function runOp(op: OpName, size: number, cfg: BenchConfig, call: (i: number) => Promise<number>): Promise<OpResult> {
  // Warm-up: up to `warmup` calls, but no more than a fifth of the time budget (slow ops).
  const warmStart = performance.now();
  for (let i = 0; i < cfg.warmup && (i < 3 || performance.now() - warmStart < cfg.budgetMs / 5); i++) await timed(() => call(i));
  const samples: Sample[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let k = 0; k < cfg.iterations; k++) {
    const c0 = process.cpuUsage();
    samples.push(await timed(() => call(cfg.warmup + k)));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (samples.length >= 20 && performance.now() - started > cfg.budgetMs) break;
  }
  return { ...toResult(op, size, samples), cpu: summarize(cpu) };
}

export async function benchStore(store: GraphStore, size: number, w: Workload, cfg: BenchConfig, ops = OPS): Promise<OpResult[]> {
  const out: OpResult[] = [];
  for (const op of ops) {
    out.push(await runOp(op, size, cfg, (i) => callStore(store, op, w, i)));
    process.stderr.write(`  ${store.kind} ${sizeLabel(size)} ${op}: p50 ${ms(out.at(-1)!.summary.p50)} ms\n`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The raw driver: the store's Cypher, the store's parameters, nothing else.

interface Cypher {
  NODE_CYPHER: string;
  SEARCH_CYPHER: string;
  NEIGHBORHOOD_CYPHER: string;
  PATH_ENDS_CYPHER: string;
  SHORTEST_PATH_CYPHER: string;
  REGULATORS_CYPHER: string;
  RULES_TOUCHING_CYPHER: string;
}

/** The raw-driver version of every op: the store's Cypher and parameters, nothing else. */
export async function rawDriverCalls(
  driver: Driver,
  database: string,
  timeoutMs: number,
  w: Workload,
): Promise<(op: OpName, i: number) => Promise<number>> {
  const Q = (await import('../server/stores/neo4j/queries.js')) as unknown as Cypher;
  const { normaliseQuery } = await import('../graph-seed/search-text.js');
  const labels = [...NODE_LABELS];
  const types = [...REL_TYPES];
  // Parameters are prepared outside the timed call, as the driver's user would have them.
  const searchParams = w.searches.map((s) => {
    const q = normaliseQuery(s);
    return { q, labels, limit: neo4j.int(SEARCH_LIMIT) };
  });
  const read = async (work: (tx: ManagedTransaction) => Promise<number>): Promise<number> => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  };
  const call = (op: OpName, i: number): Promise<number> => {
    const k = i % w.nodeIds.length;
    switch (op) {
      case 'search':
        return read(async (tx) => (await tx.run(Q.SEARCH_CYPHER, searchParams[k]!)).records.length);
      case 'node':
        return read(async (tx) => (await tx.run(Q.NODE_CYPHER, { id: w.nodeIds[k]! })).records.length);
      case 'neighbourhood d1':
      case 'neighbourhood d2':
        return read(async (tx) => {
          const r = await tx.run(Q.NEIGHBORHOOD_CYPHER, {
            id: w.centres[k]!,
            depth: neo4j.int(op === 'neighbourhood d1' ? 1 : 2),
            limit: neo4j.int(NEIGHBOURHOOD_LIMIT),
            labels,
            types,
            asOf: null,
          });
          return (r.records[0]?.get('nodes') as unknown[] | undefined)?.length ?? 0;
        });
      case 'shortest path': {
        const [from, to] = w.pairs[k]!;
        return read(async (tx) => {
          await tx.run(Q.PATH_ENDS_CYPHER, { from, to });
          if (from === to) return 0;
          const r = await tx.run(Q.SHORTEST_PATH_CYPHER, { from, to, types, maxLength: neo4j.int(PATH_MAX_LENGTH) });
          return (r.records[0]?.get('rels') as unknown[] | undefined)?.length ?? 0;
        });
      }
      case 'regulators':
        return read(async (tx) => {
          const r = await tx.run(Q.REGULATORS_CYPHER, { segmentId: w.segments[k]!, asOf: null, limit: neo4j.int(QUESTION_LIMIT) });
          const agencies = (r.records[0]?.get('agencies') as Array<{ rules: unknown[] }> | undefined) ?? [];
          return agencies.reduce((s, a) => s + a.rules.length, 0);
        });
      case 'rulesTouching':
        return read(async (tx) => {
          const r = await tx.run(Q.RULES_TOUCHING_CYPHER, { topicId: w.topics[k]!, asOf: null, limit: neo4j.int(QUESTION_LIMIT) });
          return (r.records[0]?.get('rules') as unknown[] | undefined)?.length ?? 0;
        });
    }
  };
  return call;
}

/** Outcome of one timed call: its time, answer size, or error. */
interface Sample {
  ms: number;
  answer?: number;
  error?: string;
}

async function timed(call: () => Promise<number>): Promise<Sample> {
  const t0 = performance.now();
  try {
    const answer = await call();
    return { ms: performance.now() - t0, answer };
  } catch (err) {
    return { ms: performance.now() - t0, error: (err as Error).message.split('\n')[0] ?? 'error' };
  }
}

function toResult(op: OpName, size: number, samples: readonly Sample[]): OpResult {
  const ok = samples.filter((s) => s.error === undefined);
  const failed = samples.filter((s) => s.error !== undefined);
  const result: OpResult = {
    op,
    size,
    summary: summarize(ok.map((s) => s.ms)),
    answerSize: ok.length ? ok.reduce((a, s) => a + (s.answer ?? 0), 0) / ok.length : 0,
    errors: failed.length,
  };
  if (failed[0]) result.firstError = failed[0].error!;
  return result;
}

/**
 * Neo4jStore and the raw driver, interleaved call by call (A B, then B A) on the same
 * inputs, so both see the same JVM warmth, page cache and machine load; a ratio of two
 * separate runs on a shared 2-core machine would mostly measure the neighbours.
 */
export async function benchNeo4jPair(
  store: GraphStore,
  driver: Driver,
  database: string,
  timeoutMs: number,
  size: number,
  w: Workload,
  cfg: BenchConfig,
  ops = OPS,
): Promise<{ store: OpResult[]; raw: OpResult[] }> {
  const raw = await rawDriverCalls(driver, database, timeoutMs, w);
  const storeOut: OpResult[] = [];
  const rawOut: OpResult[] = [];
  for (const op of ops) {
    const warmStart = performance.now();
    for (let i = 0; i < cfg.warmup && (i < 3 || performance.now() - warmStart < cfg.budgetMs / 5); i++) {
      await timed(() => callStore(store, op, w, i));
      await timed(() => raw(op, i));
    }
    const a: Sample[] = [];
    const b: Sample[] = [];
    const started = performance.now();
    for (let k = 0; k < cfg.iterations; k++) {
      const i = cfg.warmup + k;
      if (k % 2 === 0) {
        a.push(await timed(() => callStore(store, op, w, i)));
        b.push(await timed(() => raw(op, i)));
      } else {
        b.push(await timed(() => raw(op, i)));
        a.push(await timed(() => callStore(store, op, w, i)));
      }
      if (a.length >= 20 && performance.now() - started > cfg.budgetMs) break;
    }
    storeOut.push(toResult(op, size, a));
    rawOut.push(toResult(op, size, b));
    process.stderr.write(
      `  neo4j ${sizeLabel(size)} ${op}: store p50 ${ms(storeOut.at(-1)!.summary.p50)} ms, raw p50 ${ms(rawOut.at(-1)!.summary.p50)} ms\n`,
    );
  }
  return { store: storeOut, raw: rawOut };
}

// ---------------------------------------------------------------------------------------
// Tables

export function memorySection(results: readonly OpResult[], cfg: BenchConfig): Section {
  const checks: Check[] = [];
  const rows = results.map((r) => {
    const target = MEMORY_TARGETS[r.op];
    let cell = '';
    if (target !== undefined && r.size === MEMORY_TARGET_SIZE) {
      const pass = r.summary.p99 <= target && r.errors === 0;
      cell = verdict(`p99 ≤ ${target} ms`, pass);
      checks.push({ name: `memory store ${r.op} at 100k`, pass, detail: `p99 ${ms(r.summary.p99)} ms (target ≤ ${target} ms)` });
    }
    return [
      sizeLabel(r.size),
      r.op,
      ms(r.summary.p50),
      ms(r.summary.p95),
      ms(r.summary.p99),
      ms(r.summary.max),
      r.cpu ? `${ms(r.cpu.p50)} / ${ms(r.cpu.p99)}` : '–',
      String(r.summary.n),
      num(r.answerSize, 1),
      r.errors ? `${r.errors}: ${r.firstError ?? ''}` : '0',
      cell,
    ];
  });
  return {
    title: 'Memory store, in process (ms per call)',
    lines: table(['nodes', 'operation', 'p50', 'p95', 'p99', 'max', 'CPU p50 / p99', 'calls', 'mean answer', 'errors', 'target (at 100k)'], rows),
    notes: [
      "Run in the fresh process that built the store (bench/memory-probe.ts), with the seed graph dropped, so nothing else shares its heap.",
      `Up to ${cfg.warmup} warm-up calls (at most a fifth of the budget), then up to ${cfg.iterations} timed calls per operation (time budget ${cfg.budgetMs / 1000} s, at least 20 calls), one at a time.`,
      `search limit ${SEARCH_LIMIT}; neighbourhood limit ${NEIGHBOURHOOD_LIMIT}; regulators and rulesTouching limit ${QUESTION_LIMIT} entries (the API default; the answer still counts every entry); shortest path undirected, maxLength ${PATH_MAX_LENGTH}, between uniformly drawn nodes.`,
      'Centres, segments and topics: half uniform, half degree-weighted (the end of a random relationship). "mean answer": hits, nodes, rules or path length.',
      'p50…max are wall-clock (the targets are judged on them); "CPU" is process CPU time per call (all threads, so GC included), which waiting for a busy core does not inflate.',
    ],
    checks,
  };
}

export function neo4jSection(store: readonly OpResult[], raw: readonly OpResult[]): Section {
  const checks: Check[] = [];
  const rows = store.map((s) => {
    const r = raw.find((x) => x.op === s.op && x.size === s.size);
    const over = r ? s.summary.p50 / r.summary.p50 : NaN;
    const pass = r ? over <= NEO4J_OVERHEAD_TARGET && s.errors === 0 : undefined;
    checks.push({
      name: `Neo4jStore ${s.op} at ${sizeLabel(s.size)}`,
      pass,
      detail: `p50 ${ms(s.summary.p50)} ms vs raw ${r ? ms(r.summary.p50) : '–'} ms (${r ? ratio(s.summary.p50, r.summary.p50) : '–'}; target ≤ ${NEO4J_OVERHEAD_TARGET}×)`,
    });
    return [
      sizeLabel(s.size),
      s.op,
      ms(s.summary.p50),
      ms(s.summary.p95),
      ms(s.summary.p99),
      r ? ms(r.summary.p50) : '–',
      r ? ms(r.summary.p99) : '–',
      r ? ratio(s.summary.p50, r.summary.p50) : '–',
      num(s.answerSize, 1),
      String(s.summary.n),
      s.errors || r?.errors ? `${s.errors}/${r?.errors ?? '–'}: ${s.firstError ?? r?.firstError ?? ''}` : '0',
      verdict(`≤ ${NEO4J_OVERHEAD_TARGET}×`, pass),
    ];
  });
  return {
    title: 'Neo4j store vs the raw driver running the same Cypher (ms per call)',
    lines: table(
      ['nodes', 'operation', 'store p50', 'store p95', 'store p99', 'raw p50', 'raw p99', 'store/raw p50', 'mean answer', 'calls', 'errors (store/raw)', 'target'],
      rows,
    ),
    notes: [
      'Raw: `session.executeRead` + `tx.run` of the constant from server/stores/neo4j/queries.ts with the parameters the store sends; records are not converted.',
      'Store and raw calls are interleaved (store then raw, then raw then store, …) on the same inputs, so both see the same JVM, caches and machine load.',
      'Both use the store default transaction timeout (5 s); a call that times out counts as an error, not as a sample.',
    ],
    checks,
  };
}
