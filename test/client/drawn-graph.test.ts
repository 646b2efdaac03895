import { describe, expect, it } from 'vitest';
import { createGraph, mergeSubgraph, type AtlasGraph, type NodeAttrs } from '../../client/src/graph/build';
import { applyPositions } from '../../client/src/graph/layout';
import { EMPTY_FILTERS, type HighlightState } from '../../client/src/graph/reducers';
import { dimsOthers, DrawnGraph } from '../../client/src/view/drawn-graph';
import { HIDE_EDGES_DURING_LAYOUT_NODES, isOverview, OVERVIEW_EDGE_CAP, OVERVIEW_MAX_EDGES } from '../../client/src/graph/thresholds';
import type { ApiNode } from '../../server/stores/types';

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

describe('the nodes-only view after a merge (issue 15: stale node objects)', () => {
  const apiNode = (id: string): ApiNode => ({
    id,
    label: 'Agency',
    name: `${id} 新`,
    nameEn: `${id} new`,
    aliases: [],
    description: '',
    descriptionEn: '',
    figures: [],
    sources: [],
  });

  it('draws a node whose attributes a merge replaced with the graph\'s new object, so later positions reach it', () => {
    const g = ring(HIDE_EDGES_DURING_LAYOUT_NODES + 100, 2);
    const d = new DrawnGraph(g);
    d.update(true);
    expect(d.current).not.toBe(g);
    mergeSubgraph(g, { nodes: [apiNode('n1')], relationships: [] });
    expect(d.current.getNodeAttributes('n1')).toBe(g.getNodeAttributes('n1'));
    // The layout writes positions into the graph's attribute objects.
    g.getNodeAttributes('n1').x = 4242;
    expect(d.current.getNodeAttributes('n1').x).toBe(4242);
    expect(d.current.getNodeAttributes('n1').labelEn).toBe('n1 new');
  });

  it('follows positions applied as new attribute objects', () => {
    const g = ring(HIDE_EDGES_DURING_LAYOUT_NODES + 100, 2);
    const d = new DrawnGraph(g);
    d.update(true);
    applyPositions(g, { n2: { x: 7, y: 8 } });
    expect(d.current.getNodeAttributes('n2')).toBe(g.getNodeAttributes('n2'));
    g.getNodeAttributes('n2').x = 99;
    expect(d.current.getNodeAttributes('n2').x).toBe(99);
  });
});

describe('a hover that moves on an overview', () => {
  /** What DrawnGraph asks of sigma, recorded. */
  function fakeRenderer() {
    const calls: Array<{ nodes: string[]; edges: string[] } | 'full'> = [];
    let bound = true;
    const r = {
      bindGraphHandlers: () => (bound = true),
      unbindGraphHandlers: () => (bound = false),
      refresh: (opts?: { partialGraph?: { nodes?: string[]; edges?: string[] } }) => {
        calls.push(opts?.partialGraph ? { nodes: opts.partialGraph.nodes ?? [], edges: opts.partialGraph.edges ?? [] } : 'full');
      },
      getSetting: () => true,
      setSetting: () => {},
      setGraph: () => {},
      scheduleRender: () => {},
    };
    return { r, calls, bound: () => bound };
  }
  const state = (g: AtlasGraph, active: string | null): HighlightState => ({
    lang: 'en',
    active,
    selected: null,
    neighbors: new Set(active ? g.neighbors(active) : []),
    focusNodes: null,
    focusEdges: null,
    filters: EMPTY_FILTERS,
    relNames: {} as HighlightState['relNames'],
    dimOthers: dimsOthers(g),
  });

  it('redraws only the nodes and relationships the old and the new highlight touch', () => {
    const n = HIDE_EDGES_DURING_LAYOUT_NODES + 100;
    const g = ring(n, Math.ceil(OVERVIEW_MAX_EDGES / n) + 1);
    expect(dimsOthers(g)).toBe(false);
    const d = new DrawnGraph(g);
    d.update(false);
    const fake = fakeRenderer();
    d.attach(fake.r as never);
    const a = state(g, 'n5');
    d.setHighlight('n5', null);
    expect(d.redrawHighlight(state(g, null), a)).toBe(true);
    const b = state(g, 'n700');
    d.setHighlight('n700', null);
    expect(fake.bound()).toBe(true);
    expect(d.redrawHighlight(a, b)).toBe(true);
    expect(fake.calls).toHaveLength(2);
    const last = fake.calls[1] as { nodes: string[]; edges: string[] };
    expect(new Set(last.nodes)).toEqual(new Set(['n5', ...g.neighbors('n5'), 'n700', ...g.neighbors('n700')]));
    // n5's relationships left the view; n700's are drawn (new to sigma, so they are in the refresh).
    expect(new Set(last.edges)).toEqual(new Set(g.edges('n700')));
    expect(last.nodes.length).toBeLessThan(100);
  });

  it('leaves a graph that dims the others to a full refresh', () => {
    const g = ring(100, 3);
    const d = new DrawnGraph(g);
    d.update(false);
    d.attach(fakeRenderer().r as never);
    expect(dimsOthers(g)).toBe(true);
    expect(d.redrawHighlight(state(g, null), state(g, 'n1'))).toBe(false);
  });
});
