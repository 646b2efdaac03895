/**
 * One benchmark run in the browser, chosen by the URL: `?data=NAME&renderer=sigma|vis`.
 *
 * sigma: the client's own pipeline (client/src), as `GraphView.load` runs it: `buildGraph`
 * → start positions (small graphs: `staticLayout`, ForceAtlas2 + noverlap in the module
 * worker; above PROGRESSIVE_MIN_NODES: `clusteredPositions`) → `DrawnGraph` (what sigma
 * draws: nodes only while a big graph is laid out, an overview above OVERVIEW_MAX_EDGES
 * relationships) → `createRenderer` (the client's sigma settings and reducers) → first
 * frame; big graphs then run `ProgressiveLayout` (ForceAtlas2 in a worker, sigma drawing
 * the updates, or above PREVIEW_MIN_NODES the 2D preview and sigma's one frame at the end)
 * to the end of its budget and until sigma's picture is on screen; then full `refresh()`
 * calls and a scripted pan/zoom; small graphs last run `ProgressiveLayout` as the
 * toolbar's start button does.
 * vis: the same nodes and relationships as a vis-network (physics off, at the positions
 * `buildGraph` seeds), then `redraw()` calls and the same pan/zoom script.
 * Long tasks (PerformanceObserver 'longtask') are recorded throughout.
 *
 * The result goes to `window.__bench` (read by Playwright).
 */
import { buildGraph } from '../../../client/src/graph/build';
import { applyPositions, ProgressiveLayout, staticLayout } from '../../../client/src/graph/layout';
import { isProgressive } from '../../../client/src/graph/layout-budget';
import { clusteredPositions } from '../../../client/src/graph/initial-placement';
import { EMPTY_FILTERS, nodeDisplay, type HighlightState } from '../../../client/src/graph/reducers';
import { createRenderer } from '../../../client/src/view/renderer';
import { dimsOthers, DrawnGraph } from '../../../client/src/view/drawn-graph';
import { PREVIEW_MIN_NODES } from '../../../client/src/graph/thresholds';
import { REL_NAMES, REL_TYPES, type RelType } from '../../../graph-seed/schema';
import type { Subgraph } from '../../../server/stores/types';

interface LongTask {
  start: number;
  duration: number;
}

const longTasks: LongTask[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
});
observer.observe({ type: 'longtask', buffered: true });
/** Entries not yet delivered to the callback (delivery is asynchronous). */
const flushLongTasks = (): void => {
  for (const e of observer.takeRecords()) longTasks.push({ start: e.startTime, duration: e.duration });
};

const params = new URLSearchParams(location.search);
const dataName = params.get('data') ?? 'seed';
const rendererName = params.get('renderer') ?? 'sigma';
const panZoomMs = Number(params.get('panZoomMs') ?? 3000);
const layoutMs = Number(params.get('layoutMs') ?? 5000);
const refreshes = Number(params.get('refreshes') ?? 5);
const interactions = Number(params.get('interactions') ?? 10);
const stage = document.getElementById('stage')!;

/**
 * Results so far and the step running now, readable by Playwright even when the run does
 * not finish in time (a 50k-node layout may not), so a timeout still reports how far it got.
 */
const partial: Record<string, unknown> = { step: 'fetch' };
(window as unknown as { __benchPartial: unknown }).__benchPartial = partial;
const step = (name: string, values: Record<string, unknown> = {}): void => {
  Object.assign(partial, values, { step: name, stepStartedMs: performance.now() });
};

const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
/**
 * When the next frame's callbacks actually run. The rAF timestamp is the frame's start,
 * which can lie before a long task that delayed it, so a first frame is timed by this.
 */
const nextFrameNow = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
const tasksBetween = (a: number, b: number): LongTask[] => {
  flushLongTasks();
  return longTasks.filter((t) => t.start >= a && t.start < b);
};
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
};
const longTaskSummary = (tasks: LongTask[]) => ({ count: tasks.length, max: Math.max(0, ...tasks.map((t) => t.duration)), total: tasks.reduce((a, t) => a + t.duration, 0) });

/** Moves the camera along a fixed path for `ms`; `step(t)` applies position t∈[0,1]. */
async function panZoom(step: (t: number) => void, ms: number): Promise<number[]> {
  const frames: number[] = [];
  const start = await nextFrame();
  let last = start;
  while (last - start < ms) {
    step((last - start) / ms);
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return frames;
}

async function runSigma(sub: Subgraph, tData: number) {
  step('buildGraph');
  const graph = buildGraph(sub);
  const tBuilt = performance.now();
  const progressive = isProgressive(graph.order);
  // What GraphView.load does: the deterministic pass before the first frame on small
  // graphs; on big ones a clustered start, the first frame, then ForceAtlas2 in a worker.
  step(progressive ? 'initial placement' : 'static layout', { renderer: 'sigma', nodes: graph.order, edges: graph.size, buildMs: tBuilt - tData, layoutMode: progressive ? 'progressive' : 'static' });
  const positions = progressive ? clusteredPositions(graph) : await staticLayout(graph);
  const tLaidOut = performance.now();
  step('mount', { staticLayoutMs: tLaidOut - tBuilt, longTasksDuringStaticLayout: longTaskSummary(tasksBetween(tBuilt, tLaidOut)) });
  applyPositions(graph, positions);
  const state: HighlightState = {
    lang: 'zh',
    active: null,
    selected: null,
    neighbors: new Set(),
    focusNodes: null,
    focusEdges: null,
    filters: EMPTY_FILTERS,
    relNames: Object.fromEntries(REL_TYPES.map((t) => [t, REL_NAMES[t].zh])) as Record<RelType, string>,
    dimOthers: dimsOthers(graph),
  };
  // The same wiring as GraphView: what sigma draws (DrawnGraph: nodes only and no names
  // while a big graph is laid out, the 2D preview instead of sigma while a very big one is,
  // an overview of the relationships above its edge count), positions re-read without
  // running the reducers.
  const drawn = new DrawnGraph(graph, (id, a) => nodeDisplay(id, a, state));
  drawn.update(progressive);
  const renderer = createRenderer(stage, graph, () => state, 1, drawn.current, drawn.labels, drawn.drawNodes);
  drawn.attach(renderer);
  let layoutDone: () => void = () => undefined;
  let doneAt = NaN;
  const layout = new ProgressiveLayout(graph, {
    onPositions: () => drawn.positionsChanged(),
    onRunning: (running) => {
      if (!running) doneAt = performance.now();
      drawn.update(running);
      if (!running) layoutDone();
    },
  });
  const tMounted = performance.now();

  // Synchronous cost of sigma's render (beforeRender → afterRender) on every frame.
  const renders: number[] = [];
  let renderStart = 0;
  renderer.on('beforeRender', () => (renderStart = performance.now()));
  renderer.on('afterRender', () => renders.push(performance.now() - renderStart));

  /** Runs the layout to the end of its budget, recording frames, renders and long tasks. */
  const runLayout = async () => {
    renders.length = 0;
    const previewDraws = drawn.preview.drawTimes;
    const previewPaints = drawn.preview.paintTimes;
    previewDraws.length = 0;
    previewPaints.length = 0;
    const previewed = graph.order > PREVIEW_MIN_NODES;
    const start = performance.now();
    const finished = new Promise<void>((r) => (layoutDone = r));
    layout.start();
    await Promise.resolve();
    const frames: number[] = [];
    let running = true;
    void finished.then(() => (running = false));
    let last = await nextFrame();
    while (running) {
      const now = await nextFrame();
      frames.push(now - last);
      last = now;
    }
    const end = performance.now();
    // A previewed layout hands over to sigma once the GPU has drawn sigma's full frame
    // (layout-preview.ts): wait until sigma's picture is on screen.
    await drawn.shown();
    const shown = performance.now();
    // The frame that draws the final picture (names, and relationships again) is rendered in
    // a requestAnimationFrame callback and its long task ends only after the compositor's
    // read-back of the canvases, after the callbacks; so wait for the frame after it, and a
    // task after that, before reading the long tasks, or the end's long task could be missed.
    await nextFrame();
    await nextFrame();
    await new Promise((r) => setTimeout(r, 50));
    const settled = performance.now();
    return {
      layoutRunMs: end - start,
      // Split: while ForceAtlas2 runs (updates drawn nodes-only on big graphs), and the
      // final picture (names, relationships or the overview's) once it has ended.
      // A task counts for the end if it was still running when the last positions arrived.
      longTasksWhileRunning: longTaskSummary(tasksBetween(start, end).filter((t) => t.start + t.duration < doneAt)),
      longTasksAtEnd: longTaskSummary(tasksBetween(start, settled).filter((t) => t.start + t.duration >= doneAt)),
      longTasksAtEndMs: tasksBetween(start, settled).filter((t) => t.start + t.duration >= doneAt).map((t) => Math.round(t.duration)),
      layoutIterations: layout.lastRun?.iterations ?? NaN,
      layoutPreview: previewed,
      // Main-thread time of the 2D preview's frames, the painter worker's time of each (none
      // when it paints on the main thread), and from the last positions to sigma's picture on screen.
      previewDraw: summary([...previewDraws]),
      previewPaint: summary([...previewPaints]),
      finalPictureShownMs: shown - doneAt,
      continuousLayoutRender: summary([...renders]),
      continuousLayoutFrame: summary(frames),
      longTasksDuringContinuousLayout: longTaskSummary(tasksBetween(start, settled)),
    };
  };

  let layoutFigures: Awaited<ReturnType<typeof runLayout>> | undefined;
  let firstFrame: Promise<number>;
  if (progressive) {
    // As in the app, the layout starts in the same task as the mount, before the first frame.
    firstFrame = nextFrameNow();
    const pending = runLayout();
    const tFirstFrame = await firstFrame;
    step('progressive layout', { mountMs: tMounted - tLaidOut, firstFrameMs: tFirstFrame - tData, longTasksToFirstFrame: longTaskSummary(tasksBetween(tData, tFirstFrame)) });
    layoutFigures = await pending;
  }
  firstFrame ??= nextFrameNow();
  const tFirstFrame = await firstFrame;
  step('refresh', {
    mountMs: tMounted - tLaidOut,
    firstFrameMs: tFirstFrame - tData,
    longTasksToFirstFrame: longTaskSummary(tasksBetween(tData, tFirstFrame)),
    ...layoutFigures,
  });

  const refreshCosts: number[] = [];
  for (let i = 0; i < refreshes; i++) {
    await nextFrame();
    const t = performance.now();
    renderer.refresh();
    refreshCosts.push(performance.now() - t);
  }

  /**
   * Hover and selection as GraphView runs them: the highlight moves to a node (every
   * `order / interactions`-th, so hubs and leaves alike), DrawnGraph swaps the overview's
   * relationships, then either the partial redraw of what the move touches or, for graphs
   * that dim the others (and, for comparison on the same graph, `dimmed`), a full refresh.
   * Main-thread cost: from the move to the end of the task after the next frame, so sigma's
   * render and the compositor's wait are in it; "sync": the call alone.
   */
  const interact = async (dimmed: boolean) => {
    const sync: number[] = [];
    const total: number[] = [];
    const ids = graph.nodes();
    const count = Math.min(interactions, ids.length);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const id = ids[Math.floor((i * ids.length) / count)]!;
      await nextFrame();
      await new Promise((r) => setTimeout(r, 0));
      const prev = { ...state };
      const t = performance.now();
      state.active = id;
      state.neighbors = new Set(graph.neighbors(id));
      state.dimOthers = dimmed ? true : dimsOthers(graph);
      drawn.setHighlight(id, null);
      if (!drawn.redrawHighlight(prev, state)) renderer.refresh();
      sync.push(performance.now() - t);
      await nextFrame();
      await new Promise((r) => setTimeout(r, 0));
      total.push(performance.now() - t);
    }
    state.active = null;
    state.neighbors = new Set();
    state.dimOthers = dimsOthers(graph);
    drawn.setHighlight(null, null);
    renderer.refresh();
    return { sync: summary(sync), total: summary(total), longTasks: longTaskSummary(tasksBetween(t0, performance.now())) };
  };
  step('interactions');
  const hover = await interact(false);
  const hoverDimmed = await interact(true);

  step('pan/zoom', { refresh: summary(refreshCosts), hover, hoverDimmed });
  renders.length = 0;
  const camera = renderer.getCamera();
  const panStart = performance.now();
  const frames = await panZoom((t) => {
    const a = t * Math.PI * 2;
    camera.setState({ x: 0.5 + 0.25 * Math.sin(a), y: 0.5 + 0.25 * Math.cos(a), ratio: Math.pow(2, Math.sin(a * 2) * 1.5 - 0.5) });
  }, panZoomMs);
  const panEnd = performance.now();
  const panRenders = [...renders];

  // Small graphs: a run started from the toolbar (the same worker and budget).
  if (!progressive) {
    step('layout run', {
      panZoomRender: summary(panRenders),
      panZoomFrame: summary(frames),
      longTasksDuringPanZoom: longTaskSummary(tasksBetween(panStart, panEnd)),
    });
    layoutFigures = await runLayout();
  }
  layout.kill();
  renderer.kill();

  return {
    renderer: 'sigma',
    layoutMode: progressive ? 'progressive' : 'static',
    nodes: graph.order,
    edges: graph.size,
    buildMs: tBuilt - tData,
    staticLayoutMs: tLaidOut - tBuilt,
    mountMs: tMounted - tLaidOut,
    firstFrameMs: tFirstFrame - tData,
    longTasksToFirstFrame: longTaskSummary(tasksBetween(tData, tFirstFrame)),
    longTasksDuringStaticLayout: longTaskSummary(tasksBetween(tBuilt, tLaidOut)),
    refresh: summary(refreshCosts),
    hover,
    hoverDimmed,
    panZoomRender: summary(panRenders),
    panZoomFrame: summary(frames),
    longTasksDuringPanZoom: longTaskSummary(tasksBetween(panStart, panEnd)),
    ...layoutFigures!,
  };
}

async function runVis(sub: Subgraph, tData: number) {
  const { DataSet, Network } = await import('vis-network/standalone');
  // The same graph and start positions as sigma gets from buildGraph (before its layout).
  step('buildGraph');
  const graph = buildGraph(sub);
  const tBuilt = performance.now();
  step('vis-network construction and first draw', { renderer: 'vis-network', nodes: graph.order, edges: graph.size, buildMs: tBuilt - tData });
  const nodes = new DataSet(
    graph.mapNodes((id, a) => ({ id, x: a.x * 10, y: a.y * 10, label: a.label, color: a.color, size: a.size })),
  );
  const edges = new DataSet(graph.mapEdges((id, _a, s, t) => ({ id, from: s, to: t, arrows: 'to' })));
  let drawStart = 0;
  const draws: number[] = [];
  const firstDraw = new Promise<number>((resolve) => {
    const network = new Network(
      stage,
      { nodes, edges },
      {
        physics: false,
        layout: { improvedLayout: false },
        edges: { smooth: false, color: '#b8b8b8' },
        nodes: { shape: 'dot', font: { size: 13 } },
        interaction: { hideEdgesOnDrag: graph.order > 1500, hideEdgesOnZoom: graph.order > 1500 },
      },
    );
    network.on('beforeDrawing', () => (drawStart = performance.now()));
    network.on('afterDrawing', () => {
      draws.push(performance.now() - drawStart);
      if (draws.length === 1) resolve(performance.now());
    });
    (window as unknown as { __network: unknown }).__network = network;
  });
  const network = (window as unknown as { __network: import('vis-network').Network }).__network;
  const tConstructed = performance.now();
  const tFirstDraw = await firstDraw;
  const tFirstFrame = await nextFrame();
  step('redraw', {
    constructMs: tConstructed - tBuilt,
    firstDrawMs: tFirstDraw - tData,
    firstFrameMs: tFirstFrame - tData,
    longTasksToFirstFrame: longTaskSummary(tasksBetween(tData, tFirstFrame)),
  });

  const redrawCosts: number[] = [];
  for (let i = 0; i < refreshes; i++) {
    await nextFrame();
    const t = performance.now();
    network.redraw();
    redrawCosts.push(performance.now() - t);
  }

  step('pan/zoom', { redraw: summary(redrawCosts) });
  draws.length = 0;
  const view = network.getViewPosition();
  const scale = network.getScale();
  const panStart = performance.now();
  const frames = await panZoom((t) => {
    const a = t * Math.PI * 2;
    network.moveTo({
      position: { x: view.x + 2000 * Math.sin(a), y: view.y + 2000 * Math.cos(a) },
      scale: scale * Math.pow(2, Math.sin(a * 2) * 1.5 + 0.5),
      animation: false,
    });
  }, panZoomMs);
  const panEnd = performance.now();
  const panDraws = [...draws];
  network.destroy();
  return {
    renderer: 'vis-network',
    nodes: graph.order,
    edges: graph.size,
    buildMs: tBuilt - tData,
    constructMs: tConstructed - tBuilt,
    firstDrawMs: tFirstDraw - tData,
    firstFrameMs: tFirstFrame - tData,
    longTasksToFirstFrame: longTaskSummary(tasksBetween(tData, tFirstFrame)),
    redraw: summary(redrawCosts),
    panZoomRender: summary(panDraws),
    panZoomFrame: summary(frames),
    longTasksDuringPanZoom: longTaskSummary(tasksBetween(panStart, panEnd)),
  };
}

async function main() {
  const tFetch = performance.now();
  const res = await fetch(`./data/${encodeURIComponent(dataName)}.json`);
  if (!res.ok) throw new Error(`data ${dataName}: HTTP ${res.status}`);
  const sub = (await res.json()) as Subgraph;
  const tData = performance.now();
  step('start', { data: dataName, fetchAndParseMs: tData - tFetch, tData });
  const result = rendererName === 'vis' ? await runVis(sub, tData) : await runSigma(sub, tData);
  return { data: dataName, fetchAndParseMs: tData - tFetch, ...result };
}

main().then(
  (r) => ((window as unknown as { __bench: unknown }).__bench = r),
  (err: Error) => ((window as unknown as { __bench: unknown }).__bench = { error: `${err.message}\n${err.stack ?? ''}` }),
);
