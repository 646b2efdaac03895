/**
 * The graph canvas: owns the graphology graph, what sigma draws of it (drawn-graph.ts)
 * and the renderer, and hands each concern to a small controller (controllers/): pointer
 * events, camera, tooltip, keyboard, layout, the overview note. This class loads and
 * merges data, keeps the highlight the pure reducers read, and routes state changes.
 */
import type { Subgraph } from '../api/client';
import { filtersOf, type AppState, type Store } from '../state/app-state';
import { createGraph, mergeSubgraph, type AtlasGraph, type MergeResult } from '../graph/build';
import { isNodeVisible, nodeDisplay, type HighlightState } from '../graph/reducers';
import { isOverview } from '../graph/thresholds';
import { onLangChange, relNames } from '../i18n/index';
import { createRenderer } from './renderer';
import type { AtlasSigma } from './sigma-types';
import { dimsOthers, DrawnGraph } from './drawn-graph';
import { CameraController } from './controllers/camera';
import { EventsController } from './controllers/events';
import { KeyboardController } from './controllers/keyboard';
import { LayoutController } from './controllers/layout';
import { OverviewNote } from './controllers/overview-note';
import { TooltipController } from './controllers/tooltip';

/** State that changes what the reducers draw. */
const HIGHLIGHT_KEYS: ReadonlyArray<keyof AppState> = ['hovered', 'node', 'focus', 'lang', 'hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly'];

export class GraphView {
  readonly graph: AtlasGraph = createGraph();
  renderer: AtlasSigma | null = null;
  private highlight!: HighlightState;
  /**
   * What sigma draws: all of `graph`, or its nodes and some relationships; while a very big
   * graph is laid out, a 2D preview in the node reducer's colours stands in for it (drawn-graph.ts).
   */
  private readonly drawn = new DrawnGraph(this.graph, (id, a) => nodeDisplay(id, a, this.highlight));
  readonly camera: CameraController;
  readonly layout: LayoutController;
  private readonly tooltip: TooltipController;
  private readonly events: EventsController;
  private readonly note = new OverviewNote(this.graph);

  constructor(
    private readonly container: HTMLElement,
    private readonly store: Store,
  ) {
    this.camera = new CameraController(this.graph, store, (id) => this.isVisible(id));
    this.layout = new LayoutController(this.graph, store, this.drawn, this.camera);
    this.tooltip = new TooltipController(this.graph, store);
    this.events = new EventsController(container, store, this.tooltip);
    new KeyboardController(container, store, this.camera);
    this.computeHighlight(store.get());
    container.parentElement?.append(this.tooltip.el, this.note.el);
    store.subscribe((s, p) => this.onState(s, p));
    onLangChange(() => this.note.update());
  }

  /** Fired after a double-click on a node. */
  set onExpand(f: (id: string) => void) {
    this.events.onExpand = f;
  }

  // ---- highlight state (input of the pure reducers) -----------------------------------

  private computeHighlight(s: AppState): void {
    const active = s.hovered ?? s.node;
    const valid = active && this.graph.hasNode(active) ? active : null;
    this.highlight = {
      lang: s.lang,
      active: valid,
      selected: s.node,
      neighbors: new Set(valid ? this.graph.neighbors(valid) : []),
      focusNodes: s.focus?.nodes ?? null,
      focusEdges: s.focus?.edges ?? null,
      filters: filtersOf(s),
      relNames: relNames(s.lang),
      dimOthers: dimsOthers(this.graph),
    };
    this.drawn.setHighlight(valid, this.highlight.focusEdges);
  }

  /** True when the graph is drawn as an overview (drawn-graph.ts): not every relationship is on the canvas. */
  get overview(): boolean {
    return isOverview(this.graph);
  }

  private onState(s: AppState, p: AppState): void {
    if (HIGHLIGHT_KEYS.some((k) => s[k] !== p[k])) {
      const before = this.highlight;
      this.computeHighlight(s);
      // Only the pointer or the selection moved: on a big graph, redraw just what it touches.
      const pointerOnly = HIGHLIGHT_KEYS.every((k) => k === 'hovered' || k === 'node' || s[k] === p[k]);
      if (!pointerOnly || !this.drawn.redrawHighlight(before, this.highlight)) this.renderer?.refresh();
      this.drawn.restyle();
    }
    if (s.labelDensity !== p.labelDensity) this.renderer?.setSetting('labelDensity', s.labelDensity);
    if (s.layout !== p.layout) void this.layout.apply(this.renderer !== null);
    if (s.view !== p.view && s.view === 'graph') this.renderer?.resize();
  }

  isVisible(id: string): boolean {
    return this.graph.hasNode(id) && isNodeVisible(id, this.graph.getNodeAttributes(id), this.highlight.filters);
  }

  // ---- data -------------------------------------------------------------------------

  /**
   * First load: positions (layout controller), then sigma. A big graph's first frame is
   * drawn as it is while its layout runs.
   */
  async load(sub: Subgraph): Promise<void> {
    this.layout.stop();
    this.graph.clear();
    mergeSubgraph(this.graph, sub);
    const runLayout = await this.layout.place();
    this.computeHighlight(this.store.get());
    this.drawn.invalidate();
    this.drawn.update(runLayout);
    this.note.update();
    if (!this.renderer) this.mount();
    else this.renderer.refresh();
    if (this.store.get().layout === 'time') await this.layout.apply(false);
    this.camera.restore();
    if (runLayout) this.layout.start();
  }

  /** Adds a subgraph (expansion, answer, search result); new nodes settle near `anchor`. */
  async merge(sub: Subgraph, anchor?: string): Promise<MergeResult> {
    const res = mergeSubgraph(this.graph, sub, anchor);
    this.layout.added(res.addedNodes);
    this.computeHighlight(this.store.get());
    this.drawn.update();
    this.note.update();
    this.renderer?.refresh();
    if (res.addedNodes.length) this.layout.restartIfRunning();
    return res;
  }

  private mount(): void {
    const r = createRenderer(this.container, this.graph, () => this.highlight, this.store.get().labelDensity, this.drawn.current, this.drawn.labels, this.drawn.drawNodes);
    this.renderer = r;
    this.drawn.attach(r);
    this.events.attach(r);
    this.camera.attach(r, () => this.tooltip.hide());
  }

  // ---- what the app asks of the canvas ------------------------------------------------

  focusNode(id: string, animate = true): void {
    this.camera.focusNode(id, animate);
  }

  /** Camera on a set of nodes (all visible nodes when none given). */
  fit(ids?: Iterable<string>, animate = true): void {
    this.camera.fit(ids, animate);
  }
}
