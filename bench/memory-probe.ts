/**
 * Measures one memory store in a fresh process, so nothing else shares its heap:
 * reads and validates the graph, builds `MemoryStore.fromGraph` (all of it, or its nodes
 * only), drops the loaded graph, collects garbage and prints what the store alone keeps.
 *
 *   node --expose-gc --import tsx bench/memory-probe.ts DATA_DIR SOURCE_PATH full|nodes [BENCH_JSON]
 *
 * Prints one line `PROBE {...}` (bytes and milliseconds). With BENCH_JSON (a BenchConfig,
 * mode `full` only) it then runs the store latency benchmark on the same store (the
 * workload drawn from the graph before it is dropped) and prints `BENCH [...]`: at 1M
 * nodes the graph and the store together fill most of a 16 GB heap, so the runner builds
 * the store once, here, instead of again beside its own copy of the graph.
 */
import { loadSeedGraph } from '../graph-seed/load-seed.js';
import type { SeedGraph } from '../graph-seed/schema.js';
import { MemoryStore } from '../server/stores/memory/memory-store.js';
import { gc } from './lib/stats.js';
import { makeWorkload, type Workload } from './lib/workload.js';
import type { BenchConfig } from './stores.js';

const [dataDir, sourcePath, mode, benchJson] = process.argv.slice(2);
const benchConfig = benchJson ? (JSON.parse(benchJson) as BenchConfig) : undefined;
if (!dataDir || !sourcePath || (mode !== 'full' && mode !== 'nodes')) {
  process.stderr.write('usage: bench/memory-probe.ts DATA_DIR SOURCE_PATH full|nodes\n');
  process.exit(2);
}
if (!(globalThis as { gc?: unknown }).gc) {
  process.stderr.write('memory-probe: run node with --expose-gc\n');
  process.exit(2);
}

gc();
const base = process.memoryUsage();
let t = performance.now();
let graph: SeedGraph | undefined = await loadSeedGraph({ dataDir, sourcePath, onWarning: () => undefined });
const loadMs = performance.now() - t;
const nodes = graph.nodes.length;
const relationships = mode === 'full' ? graph.relationships.length : 0;
const workload: Workload | undefined = benchConfig && mode === 'full' ? makeWorkload(graph, benchConfig.iterations + benchConfig.warmup) : undefined;
gc();
const withGraph = process.memoryUsage();
t = performance.now();
const store = MemoryStore.fromGraph(mode === 'full' ? graph : { nodes: graph.nodes, relationships: [] });
const buildMs = performance.now() - t;
graph = undefined;
gc();
const after = process.memoryUsage();
// Keep the store reachable until after the measurement.
const counts = await store.counts();
process.stdout.write(
  `PROBE ${JSON.stringify({
    mode,
    nodes,
    relationships,
    storeNodes: counts.nodes,
    loadMs,
    buildMs,
    graphHeap: withGraph.heapUsed - base.heapUsed,
    storeHeap: after.heapUsed - base.heapUsed,
    // `external` includes array buffers: the store's typed arrays (adjacency, postings).
    storeExternal: after.external - base.external,
    rss: after.rss,
    baseRss: base.rss,
  })}\n`,
);
if (workload && benchConfig) {
  const { benchStore } = await import('./stores.js');
  process.stdout.write(`BENCH ${JSON.stringify(await benchStore(store, nodes, workload, benchConfig))}\n`);
}
