/**
 * What the loaded graph holds, for the components that offer choices from it: label
 * counts (legend), labels, types and years (filters), segments and topics (questions).
 * A pure function of the graph; main.ts hands the result to the components.
 */
import type { ApiNode } from '../api/client';
import type { AtlasGraph } from '../graph/build';
import type { NodeLabel, RelType } from '../graph/model';

export interface GraphDomain {
  counts: Partial<Record<NodeLabel, number>>;
  labels: Set<NodeLabel>;
  types: Set<RelType>;
  /** The years of dated nodes, ascending. */
  years: number[];
  segments: ApiNode[];
  topics: ApiNode[];
}

export function graphDomain(g: AtlasGraph): GraphDomain {
  const labels = new Set<NodeLabel>();
  const types = new Set<RelType>();
  const counts: Partial<Record<NodeLabel, number>> = {};
  const years = new Set<number>();
  const segments: ApiNode[] = [];
  const topics: ApiNode[] = [];
  g.forEachNode((_id, a) => {
    labels.add(a.nodeLabel);
    counts[a.nodeLabel] = (counts[a.nodeLabel] ?? 0) + 1;
    if (a.date) years.add(Number(a.date.slice(0, 4)));
    if (a.nodeLabel === 'Segment') segments.push(a.api);
    else if (a.nodeLabel === 'Topic') topics.push(a.api);
  });
  g.forEachEdge((_e, a) => types.add(a.relType));
  return { counts, labels, types, years: [...years].sort((a, b) => a - b), segments, topics };
}
