/**
 * What sigma draws of the graph, by size, so that no frame of a big graph blocks the page.
 *
 * Measured in headless Chromium with software WebGL (SwiftShader, as on machines without a
 * GPU), a frame's cost is not sigma's JavaScript but the main thread waiting, in the
 * compositor's read-back of each WebGL canvas, for the GPU process to execute the frame's
 * draw calls; and that cost grows with the number of instanced items drawn (circle nodes,
 * arrow relationships), not with their pixel size. At 50k nodes and 253k relationships one
 * frame with everything drawn blocked the main thread for 10–15 s. So:
 *
 * - while ForceAtlas2 runs on a big graph, only the nodes are drawn, without their names
 *   (the positions change under them several times a second; names come back at the end);
 * - a graph with more than `OVERVIEW_MAX_EDGES` relationships is shown as an overview: all
 *   nodes, and only the relationships that say something at that scale: those of the
 *   hovered or selected node and those of an answer in focus. Drawing 250k crossing lines
 *   shows a grey mass; the neighbourhood of the node under the pointer shows who is linked
 *   to whom. The graph view says so in a note (`graph.overview`).
 *
 * sigma draws `view`: the graph itself, or a graph with the same nodes (sharing their
 * attribute objects, see `nodesOnlyView`) and the chosen relationships. The reducers always
 * read the full graph.
 */
import type { AtlasGraph } from '../graph/build';
import { nodesOnlyView } from '../graph/build';
import { HIDE_EDGES_DURING_LAYOUT_NODES } from '../graph/layout-budget';
import type { AtlasSigma } from './renderer';

/** Above this many relationships the graph is shown as an overview (see above). */
export const OVERVIEW_MAX_EDGES = 20_000;

/** At most this many relationships are drawn in an overview (a hub's neighbourhood can be large). */
export const OVERVIEW_EDGE_CAP = 5_000;

export function isOverview(graph: AtlasGraph): boolean {
  return graph.size > OVERVIEW_MAX_EDGES;
}

export class DrawnGraph {
  private view: AtlasGraph;
  private layoutRunning = false;
  private renderer: AtlasSigma | null = null;
  private wanted: ReadonlySet<string> = new Set();

  constructor(private readonly graph: AtlasGraph) {
    this.view = graph;
  }

  /** The graph sigma should draw now (for createRenderer). */
  get current(): AtlasGraph {
    return this.view;
  }

  /** Whether names are drawn now (off while a big graph is laid out). */
  get labels(): boolean {
    return !this.nodesOnlyWhileRunning();
  }

  /** The graph was cleared and filled again: the next `update` builds a fresh view. */
  invalidate(): void {
    if (this.view !== this.graph) this.view = this.graph.order ? nodesOnlyView(this.graph) : this.graph;
  }

  attach(renderer: AtlasSigma): void {
    this.renderer = renderer;
  }

  private nodesOnlyWhileRunning(): boolean {
    return this.layoutRunning && this.graph.order > HIDE_EDGES_DURING_LAYOUT_NODES;
  }

  /**
   * Recomputes what is drawn after the graph was replaced or the layout started/ended.
   * `running`: whether ForceAtlas2 runs now.
   */
  update(running: boolean = this.layoutRunning): void {
    this.layoutRunning = running;
    const nodesOnly = this.nodesOnlyWhileRunning();
    const partial = nodesOnly || isOverview(this.graph);
    let next = this.view;
    if (!partial) next = this.graph;
    else if (next === this.graph || next.order !== this.graph.order) next = nodesOnlyView(this.graph);
    const r = this.renderer;
    if (r && r.getSetting('renderLabels') !== !nodesOnly) {
      // Settings first: setGraph re-indexes and draws at once, with these settings.
      r.setSetting('renderLabels', !nodesOnly);
    }
    if (next !== this.view) {
      this.view = next;
      r?.setGraph(next);
    }
    if (partial) this.syncEdges(nodesOnly ? new Set() : this.wanted);
  }

  /**
   * The relationships an overview draws: those of `active` (hovered, else selected node)
   * and `focusEdges` (an answer), at most OVERVIEW_EDGE_CAP. No-op when everything is drawn.
   */
  setHighlight(active: string | null, focusEdges: ReadonlySet<string> | null): void {
    const wanted = new Set<string>();
    const g = this.graph;
    if (focusEdges) {
      for (const e of focusEdges) {
        if (wanted.size >= OVERVIEW_EDGE_CAP) break;
        if (g.hasEdge(e)) wanted.add(e);
      }
    }
    if (active && g.hasNode(active)) {
      g.forEachEdge(active, (e) => {
        if (wanted.size < OVERVIEW_EDGE_CAP) wanted.add(e);
      });
    }
    this.wanted = wanted;
    if (this.view !== this.graph && !this.nodesOnlyWhileRunning()) this.syncEdges(wanted);
  }

  /** Drops and adds relationships of the view so it holds exactly `wanted`. */
  private syncEdges(wanted: ReadonlySet<string>): void {
    const v = this.view;
    const g = this.graph;
    if (v === g) return;
    if (wanted.size === 0) {
      if (v.size) v.clearEdges();
      return;
    }
    for (const e of v.edges()) if (!wanted.has(e)) v.dropEdge(e);
    for (const e of wanted) {
      if (v.hasEdge(e)) continue;
      const [s, t] = g.extremities(e);
      v.addDirectedEdgeWithKey(e, s, t, g.getEdgeAttributes(e));
    }
  }
}
