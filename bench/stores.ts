/**
 * Store latency in process: the same workload (`lib/workload.ts`) against the memory
 * store, the Neo4j store, and the raw neo4j-driver running the store's own Cypher
 * (imported from `server/stores/neo4j/queries.ts`) with the same parameters but none of
 * our code around it (no record conversion, no error mapping). Calls are sequential: this
 * is latency, not throughput.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../graph-seed/schema.js';
import type { GraphStore } from '../server/stores/types.js';
import { measure, ms, num, ratio, sizeLabel, summarize, verdict, type Summary } from './lib/stats.js';
import { table, type Check, type Section } from './lib/report.js';
import type { Workload } from './lib/workload.js';

export const SEARCH_LIMIT = 20;
export const NEIGHBOURHOOD_LIMIT = 200;
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
      const a = await store.regulators(w.segments[k]!);
      return a ? a.agencies.reduce((s, x) => s + x.rules.length, 0) : 0;
    }
    case 'rulesTouching':
      return (await store.rulesTouching(w.topics[k]!))?.rules.length ?? 0;
  }
}

async function runOp(op: OpName, size: number, cfg: BenchConfig, call: (i: number) => Promise<number>): Promise<OpResult> {
  let answers = 0;
  let counted = 0;
  let errors = 0;
  let firstError: string | undefined;
  const samples = await measure(async (i) => {
    try {
      answers += await call(i);
      counted++;
    } catch (err) {
      errors++;
      firstError ??= (err as Error).message.split('\n')[0];
    }
  }, cfg);
  const result: OpResult = { op, size, summary: summarize(samples), answerSize: counted ? answers / counted : 0, errors };
  if (firstError !== undefined) result.firstError = firstError;
  return result;
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

export async function benchRawDriver(
  driver: Driver,
  database: string,
  timeoutMs: number,
  size: number,
  w: Workload,
  cfg: BenchConfig,
  ops = OPS,
): Promise<OpResult[]> {
  const Q = (await import('../server/stores/neo4j/queries.js')) as unknown as Cypher;
  const { normaliseQuery, luceneQuery } = await import('../server/stores/search-text.js');
  const labels = [...NODE_LABELS];
  const types = [...REL_TYPES];
  // Parameters are prepared outside the timed call, as the driver's user would have them.
  const searchParams = w.searches.map((s) => {
    const q = normaliseQuery(s);
    return { q, lucene: luceneQuery(q), labels, limit: neo4j.int(SEARCH_LIMIT) };
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
          const r = await tx.run(Q.REGULATORS_CYPHER, { segmentId: w.segments[k]!, asOf: null });
          const agencies = (r.records[0]?.get('agencies') as Array<{ rules: unknown[] }> | undefined) ?? [];
          return agencies.reduce((s, a) => s + a.rules.length, 0);
        });
      case 'rulesTouching':
        return read(async (tx) => {
          const r = await tx.run(Q.RULES_TOUCHING_CYPHER, { topicId: w.topics[k]!, asOf: null });
          return (r.records[0]?.get('rules') as unknown[] | undefined)?.length ?? 0;
        });
    }
  };
  const out: OpResult[] = [];
  for (const op of ops) {
    out.push(await runOp(op, size, cfg, (i) => call(op, i)));
    process.stderr.write(`  raw driver ${sizeLabel(size)} ${op}: p50 ${ms(out.at(-1)!.summary.p50)} ms\n`);
  }
  return out;
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
      String(r.summary.n),
      num(r.answerSize, 1),
      r.errors ? `${r.errors}: ${r.firstError ?? ''}` : '0',
      cell,
    ];
  });
  return {
    title: 'Memory store, in process (ms per call)',
    lines: table(['nodes', 'operation', 'p50', 'p95', 'p99', 'max', 'calls', 'mean answer', 'errors', 'target (at 100k)'], rows),
    notes: [
      `${cfg.warmup} warm-up calls, then up to ${cfg.iterations} timed calls per operation (time budget ${cfg.budgetMs / 1000} s), one at a time.`,
      `search limit ${SEARCH_LIMIT}; neighbourhood limit ${NEIGHBOURHOOD_LIMIT}; shortest path undirected, maxLength ${PATH_MAX_LENGTH}, between uniformly drawn nodes.`,
      'Centres, segments and topics: half uniform, half degree-weighted (the end of a random relationship). "mean answer": hits, nodes, rules or path length.',
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
      'Both use the store default transaction timeout (5 s); a call that times out counts as an error, not as a sample.',
    ],
    checks,
  };
}
