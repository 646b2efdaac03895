/**
 * The memory store's model of the graph: a graphology multigraph whose node attributes are
 * the API's nodes and whose edge attributes are the API's relationships, keyed by their
 * stable ids. It is what the store holds and what exports of the store start from; the
 * hot query paths run on indexes derived from it (`CompactGraph`, `SearchIndex`), because
 * per-edge callbacks over graphology's objects were measured too slow for the latency
 * targets at 100k nodes (see compact-graph.ts).
 */
import { MultiDirectedGraph } from 'graphology';
import type { SeedGraph } from '../../../graph-seed/schema.js';
import { toApiNode, toApiRelationship } from '../api-shapes.js';
import type { ApiNode, ApiRelationship } from '../types.js';

export type MemoryGraph = MultiDirectedGraph<ApiNode, ApiRelationship>;

/** Builds the graphology graph from a validated seed graph; throws on a dangling endpoint. */
export function toMemoryGraph(seed: SeedGraph): MemoryGraph {
  const graph: MemoryGraph = new MultiDirectedGraph<ApiNode, ApiRelationship>({ allowSelfLoops: true });
  for (const node of seed.nodes) graph.addNode(node.id, toApiNode(node));
  for (const rel of seed.relationships) {
    if (!graph.hasNode(rel.source) || !graph.hasNode(rel.target)) {
      throw new Error(`relationship ${rel.id} joins a node that does not exist`);
    }
    graph.addDirectedEdgeWithKey(rel.id, rel.source, rel.target, toApiRelationship(rel));
  }
  return graph;
}
