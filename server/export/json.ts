import type { Subgraph } from '../stores/types.js';

/** The API's own shapes, pretty-printed: re-importable and readable. */
export function toJson(graph: Subgraph): string {
  return `${JSON.stringify({ nodes: graph.nodes, relationships: graph.relationships }, null, 2)}\n`;
}
