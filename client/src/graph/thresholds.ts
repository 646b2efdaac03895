/**
 * The large-graph thresholds, in one place: at which sizes the client changes how it lays
 * out and draws the graph. Each line was measured in headless Chromium with software WebGL
 * (SwiftShader, as on machines without a GPU); BENCHMARKS.md has the runs. The modules that
 * act on them (layout-budget.ts, layout.ts, view/renderer.ts, view/drawn-graph.ts) explain
 * what happens on either side.
 */

/**
 * Up to this many nodes the fixed-iteration layout runs before the first frame. It takes
 * ~0.15 s on the seed (111 nodes) but 1.5–4.5 s at 1,000 nodes (noverlap dominates), so
 * the line sits well below that.
 */
export const PROGRESSIVE_MIN_NODES = 500;

/**
 * Above this many nodes, edges and labels are hidden while the camera moves, and nodes are
 * drawn as WebGL points instead of sigma's default circle program. Both draw the same
 * antialiased disc of the same size; the point program draws one vertex per node where the
 * circle program draws an instanced triangle, and with software WebGL that was ~4× cheaper
 * per frame at 50k nodes (0.8 s against 3.5 s of main-thread waiting).
 */
export const BIG_GRAPH_NODES = 1500;

/**
 * Above this many nodes, relationships are not drawn while the progressive layout runs:
 * sigma re-indexes everything it draws on each position update, and with software WebGL
 * every frame with 50k relationships drawn at their unsettled, long start lengths blocks
 * the main thread for seconds.
 */
export const HIDE_EDGES_DURING_LAYOUT_NODES = 2000;

/** Above this many nodes there is no main-thread layout fallback: each step would be a long task. */
export const FALLBACK_MAX_NODES = 5000;

/**
 * Above this many nodes a running layout is shown by the 2D preview instead of sigma
 * (drawn-graph.ts). A sigma position update costs ~6 µs a node of re-indexing plus ~8 µs a
 * node of waiting for the GPU here, so it passes 200 ms at about 14k nodes; graphs up to
 * 12k (the seed, 1k and 10k benchmark graphs among them) keep sigma's own frames during
 * their layout.
 */
export const PREVIEW_MIN_NODES = 12_000;

/** Above this many relationships the graph is shown as an overview (drawn-graph.ts). */
export const OVERVIEW_MAX_EDGES = 20_000;

/** At most this many relationships are drawn in an overview (a hub's neighbourhood can be large). */
export const OVERVIEW_EDGE_CAP = 5_000;

/** Whether a graph of `size` relationships is drawn as an overview (not every relationship on the canvas). */
export function isOverview(graph: { readonly size: number }): boolean {
  return graph.size > OVERVIEW_MAX_EDGES;
}
