/**
 * Loading costs: the memory store (read + validate, build, heap kept per node and per
 * relationship, each measured in a fresh process by `memory-probe.ts`) and the real
 * Neo4j (`loadIntoNeo4j`: nodes/s and relationships/s of its write phases).
 */
import { spawn } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import type { SeedGraph } from '../graph-seed/schema.js';
import type { Manifest } from './synthetic/generate.js';
import { bytes, num, sizeLabel, verdict } from './lib/stats.js';
import { table, type Check, type Section } from './lib/report.js';
import type { BenchConfig, OpResult } from './stores.js';

export const NODES_PER_SEC_TARGET = 20_000;
export const RELS_PER_SEC_TARGET = 50_000;
export const LOAD_TARGET_SIZE = 100_000;

interface Probe {
  mode: 'full' | 'nodes';
  nodes: number;
  relationships: number;
  loadMs: number;
  buildMs: number;
  graphHeap: number;
  storeHeap: number;
  storeExternal: number;
  rss: number;
  baseRss: number;
}

export interface MemoryFootprint {
  size: number;
  nodes: number;
  relationships: number;
  loadMs: number;
  buildMs: number;
  storeHeap: number;
  /** Typed arrays and other memory outside the JS heap (`process.memoryUsage().external`). */
  storeExternal: number;
  nodesOnlyHeap: number;
  perNode: number;
  perRelationship: number;
  rss: number;
}

function probe(m: Manifest, mode: 'full' | 'nodes', maxOldSpaceMb: number, bench?: BenchConfig): Promise<{ probe: Probe; bench?: OpResult[] }> {
  const args = [m.dataDir, m.sourcePath, mode, ...(bench ? [JSON.stringify(bench)] : [])];
  const child = spawn(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${maxOldSpaceMb}`, '--import', 'tsx', new URL('./memory-probe.ts', import.meta.url).pathname, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
    // The store benchmark's progress lines, as the in-process runner would print them.
    process.stderr.write(c);
  });
  const line = (tag: string): string | undefined => out.split('\n').find((l) => l.startsWith(`${tag} `))?.slice(tag.length + 1);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const p = line('PROBE');
      const b = line('BENCH');
      if (code === 0 && p && (!bench || b)) resolve({ probe: JSON.parse(p) as Probe, ...(b ? { bench: JSON.parse(b) as OpResult[] } : {}) });
      else reject(new Error(`memory probe (${mode}) exited with code ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/**
 * The memory store in fresh processes: its footprint (a full build and a nodes-only build)
 * when `footprint`, and with `bench` the store latency benchmark on the full build.
 */
export async function benchMemoryStore(
  m: Manifest,
  opts: { footprint: boolean; bench?: BenchConfig; maxOldSpaceMb?: number },
): Promise<{ footprint?: MemoryFootprint; bench?: OpResult[] }> {
  const maxOld = opts.maxOldSpaceMb ?? 16_384;
  const full = await probe(m, 'full', maxOld, opts.bench);
  if (!opts.footprint) return full.bench ? { bench: full.bench } : {};
  const nodesOnly = (await probe(m, 'nodes', maxOld)).probe;
  const f = full.probe;
  // Per node and per relationship count the heap and the typed arrays outside it.
  const kept = (p: Probe): number => p.storeHeap + p.storeExternal;
  const perNode = kept(nodesOnly) / nodesOnly.nodes;
  const perRelationship = f.relationships ? (kept(f) - kept(nodesOnly)) / f.relationships : NaN;
  process.stderr.write(`  memory store ${sizeLabel(m.nodes)}: build ${(f.buildMs / 1000).toFixed(1)} s, heap ${bytes(f.storeHeap)}\n`);
  const footprint: MemoryFootprint = {
    size: m.nodes,
    nodes: f.nodes,
    relationships: f.relationships,
    loadMs: f.loadMs,
    buildMs: f.buildMs,
    storeHeap: f.storeHeap,
    storeExternal: f.storeExternal,
    nodesOnlyHeap: nodesOnly.storeHeap,
    perNode,
    perRelationship,
    rss: f.rss,
  };
  return { footprint, ...(full.bench ? { bench: full.bench } : {}) };
}

export function memoryFootprintSection(results: readonly MemoryFootprint[]): Section {
  return {
    title: 'Memory store: build time and memory kept',
    lines: table(
      ['nodes', 'relationships', 'read + validate s', 'MemoryStore.fromGraph s', 'store heap', 'typed arrays', 'memory per node', 'memory per relationship', 'process RSS'],
      results.map((r) => [
        sizeLabel(r.size),
        num(r.relationships),
        (r.loadMs / 1000).toFixed(1),
        (r.buildMs / 1000).toFixed(1),
        bytes(r.storeHeap),
        bytes(r.storeExternal),
        bytes(r.perNode),
        bytes(r.perRelationship),
        bytes(r.rss),
      ]),
    ),
    notes: [
      'Each figure from a fresh process (`bench/memory-probe.ts`): load the graph, build the store, drop the graph, collect garbage, read `process.memoryUsage()`.',
      'Store heap: `heapUsed` kept by the store; typed arrays: `external` (its adjacency and search postings live outside the collected heap). Per node: heap + typed arrays of a store built from the nodes only ÷ nodes. Per relationship: (full store − nodes-only store) ÷ relationships. Strings shared with the seed records count once, in the store.',
    ],
  };
}

// ---------------------------------------------------------------------------------------

export interface Neo4jLoadResult {
  size: number;
  nodes: number;
  relationships: number;
  ms: number;
  /** The staged load's flip (NaN when it failed). */
  flipMs: number;
  nodesPerSec: number;
  relsPerSec: number;
  error?: string;
}

export async function benchNeo4jLoad(driver: Driver, database: string, graph: SeedGraph, size: number): Promise<Neo4jLoadResult> {
  const { loadIntoNeo4j } = await import('../graph-seed/neo4j-loader.js');
  const t0 = performance.now();
  let lastPhase = '';
  try {
    const r = await loadIntoNeo4j(driver, graph, {
      database,
      onProgress: (p) => {
        if (p.phase !== lastPhase) {
          lastPhase = p.phase;
          process.stderr.write(`  neo4j load ${sizeLabel(size)}: ${p.phase} (${p.total})\n`);
        }
      },
    });
    return { size, nodes: r.nodes, relationships: r.relationships, ms: r.ms, flipMs: r.flipMs, nodesPerSec: r.nodesPerSec, relsPerSec: r.relsPerSec };
  } catch (err) {
    return {
      size,
      nodes: graph.nodes.length,
      relationships: graph.relationships.length,
      ms: performance.now() - t0,
      flipMs: NaN,
      nodesPerSec: NaN,
      relsPerSec: NaN,
      error: `${(err as Error).message.split('\n')[0]} (during ${lastPhase || 'start'})`,
    };
  }
}

export function neo4jLoadSection(results: readonly Neo4jLoadResult[], heap: string): Section {
  const checks: Check[] = [];
  const rows = results.map((r) => {
    let target = '';
    if (r.error) {
      target = '**MISS** (failed)';
      checks.push({ name: `Neo4j load at ${sizeLabel(r.size)}`, pass: false, detail: r.error });
    } else if (r.size === LOAD_TARGET_SIZE) {
      const pass = r.nodesPerSec >= NODES_PER_SEC_TARGET && r.relsPerSec >= RELS_PER_SEC_TARGET;
      target = verdict(`≥ ${num(NODES_PER_SEC_TARGET)} nodes/s and ≥ ${num(RELS_PER_SEC_TARGET)} rels/s`, pass);
      checks.push({ name: 'Neo4j load rate at 100k', pass, detail: `${num(r.nodesPerSec)} nodes/s, ${num(r.relsPerSec)} rels/s` });
    } else if (r.size >= 1_000_000) {
      target = 'completes without OOM PASS';
      checks.push({ name: `Neo4j load at ${sizeLabel(r.size)} without OOM`, pass: true, detail: `${(r.ms / 1000).toFixed(0)} s` });
    }
    return [
      sizeLabel(r.size),
      num(r.nodes),
      num(r.relationships),
      (r.ms / 1000).toFixed(1),
      (r.flipMs / 1000).toFixed(1),
      num(r.nodesPerSec),
      num(r.relsPerSec),
      r.error ?? 'ok',
      target,
    ];
  });
  return {
    title: `Loading into Neo4j (graph-seed/neo4j-loader.ts, embedded Neo4j 5.26, heap ${heap})`,
    lines: table(['nodes', 'nodes loaded', 'relationships', 'total s', 'flip s', 'nodes/s', 'relationships/s', 'result', 'target'], rows),
    notes: [
      'nodes/s and relationships/s are the loader\'s own figures for its write batches (`LoadResult`: node batches, relationship batches, two in flight; the node batches\' commits write the index entries: (id, gen) uniqueness, gen, and the two TEXT indexes of search). Total is the whole `loadIntoNeo4j` call: schema, clean-up of earlier generations, the batches, the flip and the deletion of the replaced generation.',
      'flip s: the staged load\'s flip transaction, which counts the new generation and points `SeedState` at it; it touches one node at any size.',
    ],
    checks,
  };
}
