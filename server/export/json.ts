import { evidenceOf } from '../../graph-seed/vocabulary.js';
import type { Subgraph } from '../stores/types.js';
import { figureWithEvidence } from './flatten.js';

/**
 * The API's own shapes, pretty-printed: re-importable and readable. Each relationship and
 * figure carries `evidence` (stated / attributed / inferred) written out, since the seed
 * leaves `stated` implicit.
 */
export function toJson(graph: Subgraph): string {
  const nodes = graph.nodes.map((n) => (n.figures.length > 0 ? { ...n, figures: n.figures.map(figureWithEvidence) } : n));
  const relationships = graph.relationships.map((r) => ({ ...r, evidence: evidenceOf(r.properties) }));
  return `${JSON.stringify({ nodes, relationships }, null, 2)}\n`;
}
