/**
 * The graph canvas: owns the graphology graph and the sigma renderer, and wires them to
 * the store. Small sections: highlight state, events (hover debounced), camera, layout.
 */
import type { Subgraph } from '../../../server/stores/types';
import type { Store, AppState } from '../state/app-state';
import { createGraph, mergeSubgraph, type AtlasGraph, type MergeResult } from '../graph/build';
import { isNodeVisible, nodeDisplay, type Filters, type HighlightState } from '../graph/reducers';
import { applyPositions, ProgressiveLayout, staticLayout, timeAxisPositions } from '../graph/layout';
import { isProgressive } from '../graph/layout-budget';
import { clusteredPositions } from '../graph/initial-placement';
import type { LayoutOutput } from '../graph/force-layout';
import { animateNodes } from 'sigma/utils';
import { createRenderer, type AtlasSigma } from './renderer';
import { dimsOthers, DrawnGraph, isOverview } from './drawn-graph';
import { relNames, t, nodeName } from '../i18n/index';
import { debounce, h } from '../ui/dom';
import { roundCamera } from '../state/url-state';

export function filtersOf(s: AppState): Filters {
  return {
    hiddenLabels: new Set(s.hideLabels),
    hiddenTypes: new Set(s.hideTypes),
    dateFrom: s.dateFrom ?? undefined,
    dateTo: s.dateTo ?? undefined,
    hiddenNodes: new Set(s.hidden),
    statedOnly: s.statedOnly,
  };
}

/**
 * The note over the canvas of an overview, under the toolbar (the legend takes the bottom
 * left). Styled through the CSSOM (not a style attribute), which the server's
 * Content-Security-Policy allows.
 */
function overviewNoteElement(): HTMLElement {
  const el = h('p', { class: 'graph-note', role: 'note', hidden: true });
  Object.assign(el.style, {
    position: 'absolute',
    left: '0.6rem',
    top: '3.6rem',
    zIndex: '5',
    margin: '0',
    maxWidth: '30rem',
    padding: '0.3rem 0.55rem',
    borderRadius: '4px',
    background: 'rgba(255, 255, 255, 0.92)',
    color: '#333',
    fontSize: '0.8rem',
    pointerEvents: 'none',
  });
  return el;
}

export class GraphView {
  readonly graph: AtlasGraph = createGraph();
  renderer: AtlasSigma | null = null;
  private highlight!: HighlightState;
  private forcePositions: LayoutOutput = {};
  private readonly progressive: ProgressiveLayout;
  /**
   * What sigma draws: all of `graph`, or its nodes and some relationships; while a very big
   * graph is laid out, a 2D preview in the node reducer's colours stands in for it (drawn-graph.ts).
   */
  private readonly drawn = new DrawnGraph(this.graph, (id, a) => nodeDisplay(id, a, this.highlight));
  private readonly tooltip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  /** Says that a big graph shows only some relationships, and which. */
  private readonly overviewNote = overviewNoteElement();
  private cameraRestored = false;
  /** Fired after double-click on a node. */
  onExpand: (id: string) => void = () => {};

  constructor(
    private readonly container: HTMLElement,
    private readonly store: Store,
  ) {
    this.progressive = new ProgressiveLayout(this.graph, {
      onPositions: () => this.redrawPositions(),
      onRunning: (running) => this.onLayoutRunning(running),
    });
    this.computeHighlight(store.get());
    container.parentElement?.append(this.tooltip, this.overviewNote);
    store.subscribe((s, p) => this.onState(s, p));
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

  private updateOverviewNote(): void {
    const on = isOverview(this.graph);
    this.overviewNote.hidden = !on;
    if (on) this.overviewNote.textContent = t('graph.overview', { edges: this.graph.size.toLocaleString(this.store.get().lang === 'zh' ? 'zh-CN' : 'en') });
  }

  private onState(s: AppState, p: AppState): void {
    const keys: Array<keyof AppState> = ['hovered', 'node', 'focus', 'lang', 'hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly'];
    if (keys.some((k) => s[k] !== p[k])) {
      const before = this.highlight;
      this.computeHighlight(s);
      // Only the pointer or the selection moved: on a big graph, redraw just what it touches.
      const pointerOnly = keys.every((k) => k === 'hovered' || k === 'node' || s[k] === p[k]);
      if (!pointerOnly || !this.drawn.redrawHighlight(before, this.highlight)) this.renderer?.refresh();
      this.drawn.restyle();
    }
    if (s.lang !== p.lang) this.updateOverviewNote();
    if (s.labelDensity !== p.labelDensity) this.renderer?.setSetting('labelDensity', s.labelDensity);
    if (s.layout !== p.layout) void this.applyLayoutMode(true);
    if (s.view !== p.view && s.view === 'graph') this.renderer?.resize();
  }

  isVisible(id: string): boolean {
    return this.graph.hasNode(id) && isNodeVisible(id, this.graph.getNodeAttributes(id), this.highlight.filters);
  }

  // ---- data -------------------------------------------------------------------------

  /**
   * First load. Small graphs (the seed) are laid out deterministically before the first
   * frame, so the same data gives the same picture; bigger ones are drawn at once from a
   * clustered start and ForceAtlas2 refines them in a worker while sigma shows the updates.
   */
  async load(sub: Subgraph): Promise<void> {
    this.progressive.stop();
    this.graph.clear();
    mergeSubgraph(this.graph, sub);
    const progressive = isProgressive(this.graph.order);
    this.forcePositions = progressive ? clusteredPositions(this.graph) : await staticLayout(this.graph);
    applyPositions(this.graph, this.forcePositions);
    this.computeHighlight(this.store.get());
    const runLayout = progressive && this.store.get().layout === 'force';
    // The first frame of a big graph is already drawn as it is while the layout runs.
    this.drawn.invalidate();
    this.drawn.update(runLayout);
    this.updateOverviewNote();
    if (!this.renderer) this.mount();
    else this.renderer.refresh();
    if (this.store.get().layout === 'time') await this.applyLayoutMode(false);
    this.restoreCamera();
    if (runLayout) this.progressive.start();
  }

  /** The worker wrote new x/y into the node attributes: sigma re-reads them (no reducers), or the preview draws them. */
  private redrawPositions(): void {
    this.drawn.positionsChanged();
  }

  private onLayoutRunning(running: boolean): void {
    this.store.set({ layoutRunning: running });
    // While a run lasts the graph holds network positions (switching to the time axis
    // stops the run before it moves anything), so this is the network picture to keep.
    if (!running) {
      this.forcePositions = Object.fromEntries(this.graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }]));
    }
    this.drawn.update(running);
  }

  /** Adds a subgraph (expansion, answer, search result); new nodes settle near `anchor`. */
  async merge(sub: Subgraph, anchor?: string): Promise<MergeResult> {
    const res = mergeSubgraph(this.graph, sub, anchor);
    // Old nodes stay where the user saw them; new ones keep their seeded spot around the
    // anchor, which becomes their place in the network layout.
    for (const id of res.addedNodes) {
      const a = this.graph.getNodeAttributes(id);
      this.forcePositions[id] = { x: a.x, y: a.y };
    }
    if (res.addedNodes.length && this.store.get().layout === 'time') applyPositions(this.graph, timeAxisPositions(this.graph));
    this.computeHighlight(this.store.get());
    this.drawn.update();
    this.updateOverviewNote();
    this.renderer?.refresh();
    // A running layout works on a snapshot of the graph: start it again with the new nodes.
    if (res.addedNodes.length && this.progressive.isRunning()) this.progressive.start();
    return res;
  }

  // ---- sigma and events -------------------------------------------------------------

  private mount(): void {
    const r = createRenderer(this.container, this.graph, () => this.highlight, this.store.get().labelDensity, this.drawn.current, this.drawn.labels, this.drawn.drawNodes);
    this.renderer = r;
    this.drawn.attach(r);
    const setHover = debounce((id: string | null) => this.store.set({ hovered: id }), 40);
    r.on('enterNode', ({ node }) => {
      setHover(node);
      this.showTooltip(node);
      this.container.style.cursor = 'pointer';
    });
    r.on('leaveNode', () => {
      setHover(null);
      this.tooltip.hidden = true;
      this.container.style.cursor = '';
    });
    r.on('clickNode', ({ node }) => this.store.set({ node, tab: 'details', hovered: null }));
    r.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      this.onExpand(e.node);
    });
    r.on('clickStage', () => {
      if (this.store.get().node) this.store.set({ node: null });
    });
    const writeCamera = debounce(() => {
      const c = r.getCamera().getState();
      this.store.set({ camera: roundCamera({ x: c.x, y: c.y, ratio: c.ratio }) });
    }, 300);
    r.getCamera().on('updated', () => {
      writeCamera();
      this.tooltip.hidden = true;
    });
    this.container.addEventListener('keydown', (e) => this.onKey(e));
  }

  private showTooltip(id: string): void {
    if (!this.renderer) return;
    const a = this.graph.getNodeAttributes(id);
    const lang = this.store.get().lang;
    const vp = this.renderer.graphToViewport(this.renderer.getNodeDisplayData(id) ?? a);
    this.tooltip.textContent = `${nodeName(a, lang)} · ${t(`label.${a.nodeLabel}`)}${a.date ? ` · ${a.date}` : ''}`;
    this.tooltip.style.left = `${Math.round(vp.x + 12)}px`;
    this.tooltip.style.top = `${Math.round(vp.y + 12)}px`;
    this.tooltip.hidden = false;
  }

  /** Keyboard on the focused canvas: arrows pan, +/- zoom, 0 fits, Escape deselects. */
  private onKey(e: KeyboardEvent): void {
    const r = this.renderer;
    if (!r) return;
    const cam = r.getCamera();
    const step = 0.1 * cam.ratio;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (m) {
      void cam.animate({ x: cam.x + m[0], y: cam.y + m[1] }, { duration: 150 });
    } else if (e.key === '+' || e.key === '=') void cam.animatedZoom({ duration: 200 });
    else if (e.key === '-') void cam.animatedUnzoom({ duration: 200 });
    else if (e.key === '0') this.fit();
    else if (e.key === 'Escape') this.store.set({ node: null, hovered: null });
    else return;
    e.preventDefault();
  }

  // ---- camera -----------------------------------------------------------------------

  private restoreCamera(): void {
    if (this.cameraRestored || !this.renderer) return;
    this.cameraRestored = true;
    const c = this.store.get().camera;
    if (c) this.renderer.getCamera().setState(c);
  }

  focusNode(id: string, animate = true): void {
    const r = this.renderer;
    if (!r || !this.graph.hasNode(id)) return;
    r.refresh();
    const d = r.getNodeDisplayData(id);
    if (!d) return;
    const cam = r.getCamera();
    const target = { x: d.x, y: d.y, ratio: Math.min(cam.ratio, 0.45) };
    if (animate && !matchMedia('(prefers-reduced-motion: reduce)').matches) void cam.animate(target, { duration: 500 });
    else cam.setState(target);
  }

  /** Camera on a set of nodes (all visible nodes when none given). */
  fit(ids?: Iterable<string>, animate = true): void {
    const r = this.renderer;
    if (!r) return;
    r.refresh();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const list = ids ? [...ids] : this.graph.filterNodes((id) => this.isVisible(id));
    for (const id of list) {
      const d = r.getNodeDisplayData(id);
      if (!d || d.hidden) continue;
      minX = Math.min(minX, d.x); maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y); maxY = Math.max(maxY, d.y);
    }
    if (!Number.isFinite(minX)) return;
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.max(0.08, Math.max(maxX - minX, maxY - minY) * 1.35) };
    if (animate) void r.getCamera().animate(target, { duration: 500 });
    else r.getCamera().setState(target);
  }

  zoom(dir: 1 | -1): void {
    const cam = this.renderer?.getCamera();
    if (!cam) return;
    if (dir > 0) void cam.animatedZoom({ duration: 200 });
    else void cam.animatedUnzoom({ duration: 200 });
  }

  resetCamera(): void {
    void this.renderer?.getCamera().animatedReset({ duration: 300 });
  }

  // ---- layout -----------------------------------------------------------------------

  private async applyLayoutMode(animate: boolean): Promise<void> {
    this.progressive.stop();
    const target = this.store.get().layout === 'time' ? timeAxisPositions(this.graph) : this.forcePositions;
    if (animate && this.renderer) {
      await new Promise<void>((resolve) => animateNodes(this.graph, target, { duration: 600 }, resolve));
    } else applyPositions(this.graph, target);
    this.fit(undefined, animate);
  }

  /** The toolbar's start/stop: a run within the same size-scaled budget as the first one. */
  toggleContinuousLayout(): void {
    if (this.progressive.isRunning()) {
      this.progressive.stop();
    } else {
      if (this.store.get().layout === 'time') this.store.set({ layout: 'force' });
      this.progressive.start();
    }
  }

  stopLayout(): void {
    this.progressive.stop();
  }

  /** Iterations and time of the last finished layout run, for the console and the benchmark. */
  lastLayoutRun(): { iterations: number; elapsedMs: number } | null {
    return this.progressive.lastRun;
  }
}
