/**
 * The deterministic network layout: ForceAtlas2 for a fixed number of iterations from
 * the seeded start positions, then noverlap to pull labels apart. Same input, same output,
 * so the same data always gives the same picture. Runs in a web worker
 * (`layout.worker.ts`); the main thread calls it directly only when workers are blocked.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

export interface LayoutInput {
  nodes: Array<{ id: string; x: number; y: number; size: number }>;
  edges: Array<[string, string]>;
}
export type LayoutOutput = Record<string, { x: number; y: number }>;

export const LAYOUT_PARAMS = {
  /** Fewer iterations on big graphs keep the first picture under a few seconds. */
  iterations: (order: number, size: number) => Math.round(Math.min(400, Math.max(40, 3e6 / (order + size + 1)))),
  noverlapIterations: 60,
};

/** ForceAtlas2 settings of the deterministic pass (and of user-started runs on small graphs). */
export function staticSettings(order: number) {
  return { ...forceAtlas2.inferSettings(order), barnesHutOptimize: order > 800, adjustSizes: false, gravity: 1, scalingRatio: 8 };
}

export function computeForceLayout(input: LayoutInput): LayoutOutput {
  const g = new Graph({ type: 'directed', multi: true });
  for (const n of input.nodes) g.addNode(n.id, { x: n.x, y: n.y, size: n.size });
  for (const [s, t] of input.edges) if (g.hasNode(s) && g.hasNode(t) && s !== t) g.addEdge(s, t);
  if (g.order > 1) {
    forceAtlas2.assign(g, { iterations: LAYOUT_PARAMS.iterations(g.order, g.size), settings: staticSettings(g.order) });
    noverlap.assign(g, { maxIterations: LAYOUT_PARAMS.noverlapIterations, settings: { margin: 3, ratio: 1.2 } });
  }
  const out: LayoutOutput = {};
  g.forEachNode((id, a) => {
    out[id] = { x: a['x'] as number, y: a['y'] as number };
  });
  return out;
}
