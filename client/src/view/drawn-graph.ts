/**
 * What sigma draws of the graph, by size, so that no frame of a big graph blocks the page.
 *
 * Measured in headless Chromium with software WebGL (SwiftShader, as on machines without a
 * GPU), a frame's cost is mostly not sigma's JavaScript but the main thread waiting, in the
 * compositor's read-back of each changed WebGL canvas, for the GPU process to execute the
 * frame's draw calls; that cost grows with the number of items drawn and, for the nodes'
 * discs, with the pixels they cover. At 50k nodes and 253k relationships one frame with
 * everything drawn blocked the main thread for 10–15 s. So:
 *
 * - while ForceAtlas2 runs on a big graph, only the nodes are drawn, without their names
 *   (the positions change under them several times a second; names come back at the end);
 * - a graph with more than `OVERVIEW_MAX_EDGES` relationships is shown as an overview: all
 *   nodes, and only the relationships that say something at that scale: those of the
 *   hovered or selected node and those of an answer in focus. Drawing 250k crossing lines
 *   shows a grey mass; the neighbourhood of the node under the pointer shows who is linked
 *   to whom. The graph view says so in a note (`graph.overview`).
 * - while ForceAtlas2 runs on a graph of more than `PREVIEW_MIN_NODES` nodes, sigma's layers
 *   are hidden and draw no nodes, and a plain 2D-canvas preview (layout-preview.ts) shows
 *   the positions as they come: at 50k nodes a sigma position update blocked the main
 *   thread 0.7–1.3 s (its re-indexing, then the wait for the GPU), a preview frame costs
 *   it 3–6 ms (a worker paints it). sigma keeps its index of the nodes meanwhile; when the layout ends it
 *   re-reads the positions once and draws into its hidden layers, which are shown when the
 *   GPU has finished the frame (so the main thread does not wait for it). sigma's names
 *   stay on in that case: their layer is hidden too, and switching them back on at the end
 *   would cost sigma a second full refresh of the big graph.
 *
 * sigma draws `view`: the graph itself, or a graph with the same nodes (sharing their
 * attribute objects, see `nodesOnlyView`) and the chosen relationships. The reducers always
 * read the full graph. The sizes named here live in graph/thresholds.ts.
 */
import type { AtlasGraph } from '../graph/build';
import { nodesOnlyView } from '../graph/build';
import { HIDE_EDGES_DURING_LAYOUT_NODES, isOverview, OVERVIEW_EDGE_CAP, PREVIEW_MIN_NODES } from '../graph/thresholds';
import type { HighlightState } from '../graph/reducers';
import { LayoutPreview, type PreviewStyle } from './layout-preview';
import type { AtlasSigma } from './sigma-types';

/**
 * Whether a hover or selection dims every other node (reducers.ts, `dimOthers`). Not in an
 * overview: there dimming made each pointer move restyle every node (a full sigma refresh,
 * about 0.2–0.9 s at 50k nodes); without it a move redraws the nodes and relationships it
 * touches (`redrawHighlight`), and the overview's own picture (only the active node's
 * relationships drawn, the rest dots) already shows where the pointer is.
 */
export function dimsOthers(graph: AtlasGraph): boolean {
  return !isOverview(graph);
}

/** sigma's graph listeners (private in its types, stable in sigma 3): paused while the view's relationships are swapped. */
interface SigmaGraphListeners {
  bindGraphHandlers(): void;
  unbindGraphHandlers(): void;
}

export class DrawnGraph {
  private view: AtlasGraph;
  /** The graph was refilled: a nodes-only view must be built again before it is drawn. */
  private stale = false;
  private layoutRunning = false;
  /** The preview stands in for sigma's nodes now (set by `update`). */
  private previewOn = false;
  private renderer: AtlasSigma | null = null;
  private wanted: ReadonlySet<string> = new Set();
  /** The pending hand-over from the preview to sigma (resolved when sigma's picture shows). */
  private handOver: Promise<void> = Promise.resolve();
  /** The 2D picture of a very big graph while it is laid out. */
  readonly preview: LayoutPreview;

  /** Relationships added to the view since the last redraw, which sigma has not indexed yet. */
  private addedEdges: string[] = [];

  /** `style`: the preview's colour and visibility of a node (the node reducer's, in the app). */
  constructor(
    private readonly graph: AtlasGraph,
    style: PreviewStyle = (_id, a) => ({ color: a.color }),
  ) {
    this.view = graph;
    this.preview = new LayoutPreview(graph, style);
    // The nodes-only view shares the graph's attribute objects. A merge that replaces a
    // node's attributes (a fresher API record), or positions applied as new objects
    // (`applyPositions`), give the graph new objects: point the view at them too, or
    // positions written into the graph afterwards would miss those nodes.
    graph.on('nodeAttributesUpdated', ({ key, type }) => {
      if (type !== 'replace') return;
      const v = this.view;
      if (v === graph || !v.hasNode(key)) return;
      const attributes = graph.getNodeAttributes(key);
      if (v.getNodeAttributes(key) !== attributes) v.replaceNodeAttributes(key, attributes);
    });
    graph.on('eachNodeAttributesUpdated', ({ hints }) => {
      const v = this.view;
      if (v === graph) return;
      // One event for sigma, as the graph's own update was.
      v.updateEachNodeAttributes((id) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : v.getNodeAttributes(id)), hints ? { attributes: hints.attributes } : undefined);
    });
  }

  /** The graph sigma should draw now (for createRenderer). */
  get current(): AtlasGraph {
    return this.view;
  }

  /** Whether names are drawn now (off while a big graph is laid out by sigma itself). */
  get labels(): boolean {
    return !this.nodesOnlyWhileRunning() || this.previewing;
  }

  /** Whether the running layout is shown by the 2D preview (sigma draws no nodes meanwhile). */
  get previewing(): boolean {
    return this.layoutRunning && this.graph.order > PREVIEW_MIN_NODES;
  }

  /** For createRenderer: whether sigma's node program draws (not while the preview stands in). */
  readonly drawNodes = (): boolean => !this.previewOn;

  /** The graph was cleared and filled again: the next `update` builds a fresh view. */
  invalidate(): void {
    if (this.view !== this.graph) this.stale = true;
  }

  attach(renderer: AtlasSigma): void {
    this.renderer = renderer;
    if (this.previewOn) this.preview.show(renderer);
  }

  /** The worker wrote new x/y into the node attributes: redraw them. */
  positionsChanged(): void {
    if (this.previewOn) this.preview.schedule();
    // sigma re-reads x/y without running the reducers.
    else this.renderer?.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
  }

  /** Colours, filters or highlight changed: the preview reads them again (sigma is refreshed by the caller). */
  restyle(): void {
    if (this.previewOn) this.preview.restyle();
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
    const wasPreview = this.previewOn;
    const preview = this.previewing;
    this.previewOn = preview;
    const nodesOnly = this.nodesOnlyWhileRunning();
    const partial = nodesOnly || isOverview(this.graph);
    let next = this.view;
    if (!partial) next = this.graph;
    else if (this.stale || next === this.graph || next.order !== this.graph.order) next = nodesOnlyView(this.graph);
    this.stale = false;
    const r = this.renderer;
    const labels = this.labels;
    if (r && r.getSetting('renderLabels') !== labels) {
      // Settings first: setGraph re-indexes and draws at once, with these settings.
      r.setSetting('renderLabels', labels);
    }
    const replaced = next !== this.view;
    if (replaced) {
      this.view = next;
      r?.setGraph(next);
    }
    if (partial) this.syncEdges(nodesOnly ? new Set() : this.wanted);
    if (!r) return;
    if (preview && !wasPreview) {
      // sigma's next frame leaves its picking layer blank: no hover at the old positions.
      r.scheduleRender();
      this.preview.show(r);
    } else if (preview) this.preview.restyle();
    else if (wasPreview) {
      // The hand-over, in a task of its own (the one that brought the last positions has
      // done enough): sigma re-reads the positions and draws into its hidden layers, shown
      // once the GPU is done with that frame. The preview is not redrawn with the last
      // positions meanwhile: that frame would cost about as much as sigma's re-indexing,
      // for a picture that sigma's (with the last positions) replaces within a second or so.
      this.preview.unschedule();
      this.handOver = new Promise<void>((resolve) => {
        setTimeout(() => {
          if (this.previewOn || this.renderer !== r) return resolve();
          if (!replaced) r.refresh({ partialGraph: { nodes: [] }, skipIndexation: false });
          void this.preview.reveal().then(resolve);
        }, 0);
      });
    }
  }

  /** Resolves once sigma's picture is on screen (after a preview's hand-over). */
  async shown(): Promise<void> {
    await this.handOver;
    await this.preview.shown();
  }

  /**
   * The relationships an overview draws: those of `active` (hovered, else selected node)
   * and `focusEdges` (an answer), at most OVERVIEW_EDGE_CAP. No-op when everything is drawn.
   * sigma is not told (each relationship dropped from its graph would cost a full refresh):
   * the caller redraws next, with `redrawHighlight` or a full `refresh()`.
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
    if (this.view === this.graph || this.nodesOnlyWhileRunning()) return;
    const r = this.renderer as unknown as SigmaGraphListeners | null;
    r?.unbindGraphHandlers();
    try {
      this.syncEdges(wanted);
    } finally {
      r?.bindGraphHandlers();
    }
  }

  /**
   * Redraws a hover or selection that moved from `prev` to `next` (nothing else changed):
   * when the highlight does not dim the others, only the nodes and relationships it touches
   * go through the reducers, in one partial refresh. Returns false when the caller must
   * refresh everything (dimming, or no renderer yet).
   */
  redrawHighlight(prev: HighlightState, next: HighlightState): boolean {
    const r = this.renderer;
    if (!r || prev.dimOthers !== false || next.dimOthers !== false) return false;
    const nodes = new Set<string>();
    const v = this.view;
    // Added since, some maybe dropped again by a later move.
    const edges = new Set<string>(this.addedEdges.filter((e) => v.hasEdge(e)));
    for (const s of [prev, next]) {
      if (!s.active || !v.hasNode(s.active)) continue;
      nodes.add(s.active);
      for (const n of s.neighbors) if (v.hasNode(n)) nodes.add(n);
      v.forEachEdge(s.active, (e) => {
        edges.add(e);
      });
    }
    this.addedEdges = [];
    r.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] } });
    return true;
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
      this.addedEdges.push(e);
    }
  }
}
