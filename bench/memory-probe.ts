/**
 * Measures one memory store in a fresh process, so nothing else shares its heap:
 * reads and validates the graph, builds `MemoryStore.fromGraph` (all of it, or its nodes
 * only), drops the loaded graph, collects garbage and prints what the store alone keeps.
 *
 *   node --expose-gc --import tsx bench/memory-probe.ts DATA_DIR SOURCE_PATH full|nodes
 *
 * Prints one line `PROBE {...}` (bytes and milliseconds).
 */
import { loadSeedGraph } from '../graph-seed/load-seed.js';
import type { SeedGraph } from '../graph-seed/schema.js';
import { MemoryStore } from '../server/stores/memory/memory-store.js';
import { gc } from './lib/stats.js';

const [dataDir, sourcePath, mode] = process.argv.slice(2);
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
    storeExternal: after.external + after.arrayBuffers - base.external - base.arrayBuffers,
    rss: after.rss,
    baseRss: base.rss,
  })}\n`,
);
