/**
 * API subgraph → graphology graph. Pure apart from mutating the graph it is given:
 * no DOM, no sigma, so it runs under the unit tests.
 *
 * Sigma reads `label`, `x`, `y`, `size`, `color` and `type` (edge program) from the
 * attributes, so the node's schema label lives in `nodeLabel` and the relationship type
 * in `relType`.
 */
import Graph from 'graphology';
import type { ApiNode, ApiRelationship, Subgraph } from '../../../server/stores/types';
import type { NodeLabel, RelType } from './model';
import { LABEL_COLORS } from './palette';
import { shortenLabel } from './labels';
import { seededPosition } from './seed-positions';

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  /** What sigma draws; the reducer picks `labelZh` or `labelEn`. */
  label: string;
  labelZh: string;
  labelEn: string;
  nodeLabel: NodeLabel;
  name: string;
  nameEn: string;
  date?: string;
  /** Year used by the time axis and the date filter (rules, events; phases by start year). */
  api: ApiNode;
}

export interface EdgeAttrs {
  relType: RelType;
  size: number;
  color: string;
  api: ApiRelationship;
}

export type AtlasGraph = Graph<NodeAttrs, EdgeAttrs>;

export function createGraph(): AtlasGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ type: 'directed', multi: true, allowSelfLoops: false });
}

export function nodeAttributes(n: ApiNode, position: { x: number; y: number }): NodeAttrs {
  const attrs: NodeAttrs = {
    x: position.x,
    y: position.y,
    size: 5,
    color: LABEL_COLORS[n.label] ?? '#777777',
    label: shortenLabel(n.name),
    labelZh: shortenLabel(n.name),
    labelEn: shortenLabel(n.nameEn),
    nodeLabel: n.label,
    name: n.name,
    nameEn: n.nameEn,
    api: n,
  };
  if (n.date) attrs.date = n.date;
  return attrs;
}

/** Node size grows with the square root of the degree so hubs stand out without swamping. */
export function sizeForDegree(degree: number): number {
  return Math.min(22, 4 + 2.4 * Math.sqrt(degree));
}

export function updateSizes(graph: AtlasGraph): void {
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', sizeForDegree(graph.degree(id))));
}

export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds the nodes and relationships of `sub` that are not yet in `graph`; existing nodes
 * keep their position (so the picture does not jump) and get fresher attributes.
 * New nodes start at a seeded spot, around `anchor` when one is given (an expansion).
 */
export function mergeSubgraph(graph: AtlasGraph, sub: Subgraph, anchor?: string): MergeResult {
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  const centre = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : undefined;
  for (const n of sub.nodes) {
    if (graph.hasNode(n.id)) {
      const old = graph.getNodeAttributes(n.id);
      graph.replaceNodeAttributes(n.id, { ...nodeAttributes(n, old), size: old.size });
      continue;
    }
    const p = seededPosition(n.id, centre ? 20 : 100);
    graph.addNode(n.id, nodeAttributes(n, centre ? { x: centre.x + p.x, y: centre.y + p.y } : p));
    addedNodes.push(n.id);
  }
  for (const r of sub.relationships) {
    if (graph.hasEdge(r.id)) continue;
    if (!graph.hasNode(r.source) || !graph.hasNode(r.target)) continue; // endpoint cut by a limit
    if (r.source === r.target) continue;
    graph.addDirectedEdgeWithKey(r.id, r.source, r.target, {
      relType: r.type,
      size: 1.5,
      color: '#b8b8b8',
      api: r,
    });
    addedEdges.push(r.id);
  }
  if (addedNodes.length || addedEdges.length) updateSizes(graph);
  return { addedNodes, addedEdges };
}

/** A fresh graph from one API response. */
export function buildGraph(sub: Subgraph): AtlasGraph {
  const g = createGraph();
  mergeSubgraph(g, sub);
  return g;
}

/** The visible part of the graph back as API shapes (list view, export). */
export function toSubgraph(graph: AtlasGraph, keepNode: (id: string) => boolean, keepEdge: (id: string) => boolean): Subgraph {
  const nodes: ApiNode[] = [];
  const relationships: ApiRelationship[] = [];
  graph.forEachNode((id, a) => {
    if (keepNode(id)) nodes.push(a.api);
  });
  graph.forEachEdge((id, a, s, t) => {
    if (keepNode(s) && keepNode(t) && keepEdge(id)) relationships.push(a.api);
  });
  return { nodes, relationships };
}

/**
 * The nodes of `graph` without its relationships, sharing the attribute objects (graphology
 * does not copy them), so positions written into `graph` move these nodes too. sigma draws
 * it while ForceAtlas2 runs on a big graph: every position update makes sigma re-index what
 * it draws, and over 250k relationships that is about a second of main-thread work per
 * update; with nodes only it is a small fraction, and the relationships come back once,
 * when the layout ends (`renderer.setGraph(graph)`, see view/graph-view.ts).
 */
export function nodesOnlyView(graph: AtlasGraph): AtlasGraph {
  const view = createGraph();
  graph.forEachNode((id, a) => view.addNode(id, a));
  return view;
}
