/**
 * Graph walks of the memory store over a graphology multigraph whose node attributes hold
 * the ApiNode and edge attributes the ApiRelationship (keys are the stable ids).
 *
 * Both walks are deterministic and match the Cypher of the Neo4j store:
 * - neighbourhood: breadth-first, nodes ordered by depth then id;
 * - shortest path: of all shortest paths, the one whose node-id sequence is
 *   lexicographically smallest, then the smallest relationship ids step by step.
 */
import type { MultiDirectedGraph } from 'graphology';
import { compareStrings } from '../as-of.js';
import type { ApiNode, ApiRelationship } from '../types.js';

export interface NodeAttrs {
  node: ApiNode;
}
export interface EdgeAttrs {
  rel: ApiRelationship;
}
export type AtlasGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/** Visits each allowed relationship at `node` and the node at its other end. */
type Step = (node: string, visit: (rel: ApiRelationship, other: string) => void) => void;

function stepper(graph: AtlasGraph, mode: 'out' | 'in' | 'both', typeOk: (t: string) => boolean): Step {
  return (node, visit) => {
    const cb = (_e: string, a: EdgeAttrs, source: string, target: string): void => {
      if (typeOk(a.rel.type)) visit(a.rel, source === node ? target : source);
    };
    if (mode === 'out') graph.forEachOutEdge(node, cb);
    else if (mode === 'in') graph.forEachInEdge(node, cb);
    else graph.forEachEdge(node, cb);
  };
}

export interface BfsResult {
  /** Kept node ids: centre, then by depth, then by id. */
  ids: string[];
  truncated: boolean;
}

/**
 * Undirected breadth-first walk up to `depth`. Nodes failing `nodeOk` are neither returned
 * nor walked through; the centre is always kept.
 */
export function bfsNeighbourhood(
  graph: AtlasGraph,
  centre: string,
  depth: number,
  limit: number,
  typeOk: (t: string) => boolean,
  nodeOk: (n: ApiNode) => boolean,
): BfsResult {
  const step = stepper(graph, 'both', typeOk);
  const seen = new Set<string>([centre]);
  const order = [centre];
  let frontier = [centre];
  for (let d = 1; d <= depth && frontier.length > 0 && order.length <= limit; d++) {
    const next: string[] = [];
    for (const f of frontier) {
      step(f, (_rel, other) => {
        if (seen.has(other)) return;
        seen.add(other);
        if (nodeOk(graph.getNodeAttributes(other).node)) next.push(other);
      });
    }
    next.sort(compareStrings);
    for (const id of next) order.push(id);
    frontier = next;
  }
  return { ids: order.slice(0, Math.max(1, limit)), truncated: order.length > Math.max(1, limit) };
}

/** Allowed relationships with both ends in `ids`, each once. */
export function relationshipsAmong(
  graph: AtlasGraph,
  ids: Iterable<string>,
  typeOk: (t: string) => boolean,
): ApiRelationship[] {
  const set = ids instanceof Set ? (ids as Set<string>) : new Set(ids);
  const rels: ApiRelationship[] = [];
  for (const id of set) {
    graph.forEachOutEdge(id, (_e, a, _s, target) => {
      if (set.has(target) && typeOk(a.rel.type)) rels.push(a.rel);
    });
  }
  return rels.sort((a, b) => compareStrings(a.id, b.id));
}

export interface PathResult {
  nodes: string[];
  relationships: ApiRelationship[];
}

/**
 * Bidirectional breadth-first search for the shortest path within `maxLength` hops, then a
 * greedy walk from `from` that always takes the smallest next id still on a shortest path.
 * Returns null when there is none.
 */
export function shortestPath(
  graph: AtlasGraph,
  from: string,
  to: string,
  maxLength: number,
  directed: boolean,
  typeOk: (t: string) => boolean,
): PathResult | null {
  if (from === to) return { nodes: [from], relationships: [] };
  const forward = stepper(graph, directed ? 'out' : 'both', typeOk);
  const backward = stepper(graph, directed ? 'in' : 'both', typeOk);

  const distF = new Map<string, number>([[from, 0]]);
  const distT = new Map<string, number>([[to, 0]]);
  const levelsF: string[][] = [[from]];
  let frontT = [to];
  let depthF = 0;
  let depthT = 0;
  let met = false;
  while (!met && depthF + depthT < maxLength) {
    const frontF = levelsF[depthF]!;
    if (frontF.length === 0 || frontT.length === 0) break;
    // Expand the smaller side, one whole level at a time.
    const expandF = frontF.length <= frontT.length;
    const [front, dist, other, step] = expandF ? [frontF, distF, distT, forward] : [frontT, distT, distF, backward];
    const level = (expandF ? depthF : depthT) + 1;
    const next: string[] = [];
    for (const u of front) {
      step(u, (_rel, w) => {
        if (dist.has(w)) return;
        dist.set(w, level);
        next.push(w);
        if (other.has(w)) met = true;
      });
    }
    if (expandF) {
      depthF = level;
      levelsF.push(next);
    } else {
      depthT = level;
      frontT = next;
    }
  }
  if (!met) return null;
  // No meeting before this level means every meeting node lies at depthF from `from` and
  // depthT from `to`, so the length is depthF + depthT.
  const length = depthF + depthT;

  // Nodes on the `from` side that lead to a meeting node along levels: on a shortest path.
  const onPath = new Set<string>();
  for (const v of levelsF[depthF]!) if (distT.get(v) === depthT) onPath.add(v);
  for (let i = depthF - 1; i >= 0; i--) {
    for (const v of levelsF[i]!) {
      let ok = false;
      forward(v, (_rel, w) => {
        if (!ok && distF.get(w) === i + 1 && onPath.has(w)) ok = true;
      });
      if (ok) onPath.add(v);
    }
  }

  const nodes = [from];
  const relationships: ApiRelationship[] = [];
  let current = from;
  for (let i = 1; i <= length; i++) {
    let best: string | null = null;
    let bestRel: ApiRelationship | null = null;
    forward(current, (rel, w) => {
      const ok = i <= depthF ? distF.get(w) === i && onPath.has(w) : distT.get(w) === length - i;
      if (!ok) return;
      if (best === null || w < best || (w === best && rel.id < bestRel!.id)) {
        best = w;
        bestRel = rel;
      }
    });
    if (best === null || bestRel === null) throw new Error(`shortest path walk lost its way at ${current}`);
    nodes.push(best);
    relationships.push(bestRel);
    current = best;
  }
  return { nodes, relationships };
}
