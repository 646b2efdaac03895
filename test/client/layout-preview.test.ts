import { describe, expect, it } from 'vitest';
import { createGraph, type AtlasGraph, type NodeAttrs } from '../../client/src/graph/build';
import { DrawnGraph } from '../../client/src/view/drawn-graph';
import { isOverview, PREVIEW_MIN_NODES } from '../../client/src/graph/thresholds';
import { colorWord } from '../../client/src/view/layout-preview';

/** n nodes in a ring, each linked to its next `k` neighbours (n·k relationships). */
function ring(n: number, k: number): AtlasGraph {
  const g = createGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: i, y: 0, size: 5, label: `n${i}`, color: '#0072B2' } as NodeAttrs);
  for (let i = 0; i < n; i++) for (let j = 1; j <= k; j++) g.addDirectedEdgeWithKey(`e${i}-${j}`, `n${i}`, `n${(i + j) % n}`, { relType: 'ISSUED', size: 1, color: '#ccc' } as never);
  return g;
}

describe('the layout preview of a very big graph', () => {
  it('stands in for sigma\'s nodes only while a graph above the line is laid out', () => {
    const g = ring(PREVIEW_MIN_NODES + 10, 2);
    const d = new DrawnGraph(g);
    expect(d.previewing).toBe(false);
    expect(d.drawNodes()).toBe(true);
    d.update(true);
    expect(d.previewing).toBe(true);
    expect(d.drawNodes()).toBe(false);
    // sigma keeps the nodes (its index survives the run) and its names (their layer is hidden).
    expect(d.current.order).toBe(g.order);
    expect(d.current.size).toBe(0);
    expect(d.labels).toBe(true);
    d.update(false);
    expect(d.previewing).toBe(false);
    expect(d.drawNodes()).toBe(true);
    expect(d.labels).toBe(true);
  });

  it('keeps sigma drawing graphs up to the line (the 10k benchmark graph among them)', () => {
    const g = ring(PREVIEW_MIN_NODES, 1);
    const d = new DrawnGraph(g);
    d.update(true);
    expect(d.previewing).toBe(false);
    expect(d.drawNodes()).toBe(true);
    expect(d.labels).toBe(false);
  });

  it('keeps the overview of a big graph through the run: the same nodes-only view before, during and after', () => {
    const g = ring(PREVIEW_MIN_NODES + 10, 3);
    expect(isOverview(g)).toBe(true);
    const d = new DrawnGraph(g);
    d.update(false);
    const view = d.current;
    d.update(true);
    expect(d.current).toBe(view);
    d.update(false);
    expect(d.current).toBe(view);
  });

  it('builds a fresh nodes-only view after the graph was refilled', () => {
    const g = ring(PREVIEW_MIN_NODES + 10, 3);
    const d = new DrawnGraph(g);
    d.update(false);
    const before = d.current;
    g.clear();
    for (let i = 0; i < PREVIEW_MIN_NODES + 10; i++) g.addNode(`m${i}`, { x: i, y: 1, size: 5, label: `m${i}`, color: '#D55E00' } as NodeAttrs);
    for (let i = 0; i < PREVIEW_MIN_NODES + 10; i++) for (let j = 1; j <= 3; j++) g.addDirectedEdgeWithKey(`f${i}-${j}`, `m${i}`, `m${(i + j) % (PREVIEW_MIN_NODES + 10)}`, { relType: 'ISSUED', size: 1, color: '#ccc' } as never);
    d.invalidate();
    d.update(true);
    expect(d.current).not.toBe(before);
    expect(d.current.hasNode('m1')).toBe(true);
    expect(d.current.getNodeAttributes('m1')).toBe(g.getNodeAttributes('m1'));
  });

  it('turns CSS colours into opaque ImageData words (little-endian RGBA)', () => {
    expect(colorWord('#0072B2')).toBe(0xffb27200);
    expect(colorWord('#fff')).toBe(0xffffffff);
    expect(colorWord(undefined)).toBe(colorWord('#777777'));
  });
});
