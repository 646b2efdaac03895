/**
 * GEXF 1.3 via graphology-gexf's writer. Attributes are flattened to scalars first so the
 * writer declares one typed attribute per column, which Gephi requires.
 */
import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { Subgraph } from '../stores/types.js';
import { flattenNode, flattenRelationship, type FlatValue } from './flatten.js';
import { stripInvalidXmlChars } from './xml.js';

/** The GEXF library escapes markup but passes control characters through, which XML forbids. */
function xmlSafe(row: Record<string, FlatValue>): Record<string, FlatValue> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? stripInvalidXmlChars(v) : v]));
}

export function toGexf(graph: Subgraph): string {
  // Two relationships of different types may join the same pair, hence a multigraph.
  const g = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const n of graph.nodes) g.addNode(n.id, xmlSafe(flattenNode(n)));
  for (const r of graph.relationships) {
    if (!g.hasNode(r.source) || !g.hasNode(r.target)) continue;
    g.addDirectedEdgeWithKey(r.id, r.source, r.target, xmlSafe(flattenRelationship(r)));
  }
  return writeGexf(g, {
    version: '1.3',
    formatNode: (_key, attrs) => {
      const { label, ...rest } = attrs;
      return { label: String(label), attributes: rest };
    },
    formatEdge: (_key, attrs) => ({ label: String(attrs['relType']), kind: String(attrs['relType']), attributes: attrs }),
  });
}
