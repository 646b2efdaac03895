import { describe, expect, it } from 'vitest';
import { createGraph, type AtlasGraph, type NodeAttrs } from '../../client/src/graph/build';
import { DrawnGraph } from '../../client/src/view/drawn-graph';
import { isOverview, OVERVIEW_EDGE_CAP, OVERVIEW_MAX_EDGES, HIDE_EDGES_DURING_LAYOUT_NODES } from '../../client/src/graph/thresholds';

/** n nodes in a ring, each linked to its next `k` neighbours (n·k relationships). */
function ring(n: number, k: number): AtlasGraph {
  const g = createGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: i, y: 0, size: 5, label: `n${i}` } as NodeAttrs);
  for (let i = 0; i < n; i++) for (let j = 1; j <= k; j++) g.addDirectedEdgeWithKey(`e${i}-${j}`, `n${i}`, `n${(i + j) % n}`, { relType: 'ISSUED', size: 1, color: '#ccc' } as never);
  return g;
}

describe('what sigma draws of the graph', () => {
  it('draws a small graph whole, also while it is laid out', () => {
    const g = ring(100, 3);
    const d = new DrawnGraph(g);
    d.update(true);
    expect(d.current).toBe(g);
    expect(d.labels).toBe(true);
    d.update(false);
    expect(d.current).toBe(g);
  });

  it('draws only the nodes, without names, while a big graph is laid out, and all of it after when it has few relationships', () => {
    const g = ring(HIDE_EDGES_DURING_LAYOUT_NODES + 100, 2);
    expect(isOverview(g)).toBe(false);
    const d = new DrawnGraph(g);
    d.update(true);
    expect(d.current).not.toBe(g);
    expect(d.current.order).toBe(g.order);
    expect(d.current.size).toBe(0);
    expect(d.labels).toBe(false);
    // Same attribute objects: positions written into the graph move the drawn nodes.
    expect(d.current.getNodeAttributes('n1')).toBe(g.getNodeAttributes('n1'));
    d.update(false);
    expect(d.current).toBe(g);
    expect(d.labels).toBe(true);
  });

  it('shows a graph with many relationships as an overview: the hovered or selected node\'s relationships and an answer\'s', () => {
    const n = HIDE_EDGES_DURING_LAYOUT_NODES + 100;
    const g = ring(n, Math.ceil(OVERVIEW_MAX_EDGES / n) + 1);
    expect(isOverview(g)).toBe(true);
    const d = new DrawnGraph(g);
    d.update(false);
    expect(d.current).not.toBe(g);
    expect(d.current.size).toBe(0);
    d.setHighlight('n5', null);
    expect(new Set(d.current.edges())).toEqual(new Set(g.edges('n5')));
    d.setHighlight('n7', new Set(['e0-1', 'missing']));
    expect(new Set(d.current.edges())).toEqual(new Set([...g.edges('n7'), 'e0-1']));
    // While the layout runs nothing but the nodes; the highlight comes back after.
    d.update(true);
    expect(d.current.size).toBe(0);
    d.update(false);
    expect(d.current.size).toBe(g.edges('n7').length + 1);
    d.setHighlight(null, null);
    expect(d.current.size).toBe(0);
  });

  it('caps the relationships an overview draws', () => {
    const g = ring(HIDE_EDGES_DURING_LAYOUT_NODES + 100, Math.ceil(OVERVIEW_MAX_EDGES / 2000) + 1);
    const d = new DrawnGraph(g);
    d.update(false);
    d.setHighlight(null, new Set(g.edges()));
    expect(d.current.size).toBe(OVERVIEW_EDGE_CAP);
  });
});
