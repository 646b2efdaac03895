/**
 * Layout runners for the graph view:
 * - `staticLayout`: the deterministic ForceAtlas2 + noverlap pass, in a module worker
 *   (served from our own origin, so it passes a strict Content-Security-Policy);
 * - `ProgressiveLayout`: ForceAtlas2 in a second module worker, within a time and
 *   iteration budget, while sigma draws the updates: the first layout of graphs above
 *   `PROGRESSIVE_MIN_NODES`, and the toolbar's start/stop on any graph.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
// @ts-expect-error: the package ships no types for its helpers module.
import faHelpersImport from 'graphology-layout-forceatlas2/helpers.js';
import type { AtlasGraph } from './build';
import { computeForceLayout, staticSettings, type LayoutInput, type LayoutOutput } from './force-layout';
import { layoutBudget, type LayoutBudget } from './layout-budget';
import { FALLBACK_MAX_NODES, PROGRESSIVE_MIN_NODES } from './thresholds';
import type { ProgressiveMessage, ProgressiveReply } from './progressive-protocol';
import { timeLayout } from './time-layout';

const faHelpers = faHelpersImport as {
  graphToByteArrays: (graph: AtlasGraph, getEdgeWeight: () => number) => { nodes: Float32Array<ArrayBuffer>; edges: Float32Array<ArrayBuffer> };
};

function layoutInput(graph: AtlasGraph): LayoutInput {
  return {
    nodes: graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y, size: a.size })),
    edges: graph.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
  };
}

let worker: Worker | null | undefined;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

export async function staticLayout(graph: AtlasGraph): Promise<LayoutOutput> {
  const input = layoutInput(graph);
  const w = getWorker();
  if (!w) return computeForceLayout(input);
  const id = nextId++;
  return new Promise<LayoutOutput>((resolve) => {
    const onMessage = (e: MessageEvent<{ id: number; positions: LayoutOutput }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(e.data.positions);
    };
    const onError = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      worker = null;
      resolve(computeForceLayout(input));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, input });
  });
}

export function applyPositions(graph: AtlasGraph, positions: LayoutOutput): void {
  graph.updateEachNodeAttributes(
    (id, a) => {
      const p = positions[id];
      return p ? { ...a, x: p.x, y: p.y } : a;
    },
    { attributes: ['x', 'y'] },
  );
}

export function timeAxisPositions(graph: AtlasGraph): LayoutOutput {
  const nodes = graph.mapNodes((id, a) => ({
    id,
    nodeLabel: a.nodeLabel,
    date: a.date,
    startYear: a.api.startYear,
    endYear: a.api.endYear,
  }));
  return Object.fromEntries(timeLayout(nodes, (id) => graph.neighbors(id)));
}

/** Full ForceAtlas2 settings for a progressive run (the worker gets no defaults). */
export function progressiveSettings(order: number): Record<string, unknown> {
  const base = {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    barnesHutTheta: 0.5,
  };
  // Small graphs keep the deterministic pass's forces, so a user-started run refines the
  // picture they see instead of reshaping it; big ones use the library's inferred settings
  // (Barnes-Hut above 2,000 nodes, strong gravity, slow-down growing with log(n)).
  return order <= PROGRESSIVE_MIN_NODES ? { ...base, ...staticSettings(order) } : { ...base, ...forceAtlas2.inferSettings(order) };
}

export interface ProgressiveCallbacks {
  /** New positions were written into the node attributes (directly, without graph events). */
  onPositions: (done: boolean) => void;
  /** The run started or ended (budget spent, stopped, or replaced by a new run). */
  onRunning: (running: boolean) => void;
}

/**
 * ForceAtlas2 run progressively in `progressive-layout.worker.ts` within a budget that
 * grows with the graph (layout-budget.ts), while sigma keeps drawing. Positions arrive as
 * one Float32Array and are written straight into the node attribute objects: going through
 * `updateEachNodeAttributes` would make sigma run the node reducer twice over every node
 * on every update, where the caller only needs sigma to re-read x/y (see GraphView).
 * When module workers are refused, small graphs step on animation frames instead.
 */
export class ProgressiveLayout {
  private worker: Worker | null | undefined;
  private runId = 0;
  private ids: string[] = [];
  private running = false;
  private frame = 0;
  /** Iterations and time of the last finished run (for the benchmark and the console). */
  lastRun: { iterations: number; elapsedMs: number } | null = null;

  constructor(
    private readonly graph: AtlasGraph,
    private readonly callbacks: ProgressiveCallbacks,
  ) {}

  isRunning(): boolean {
    return this.running;
  }

  private getWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const w = new Worker(new URL('./progressive-layout.worker.ts', import.meta.url), { type: 'module' });
      w.addEventListener('message', (e: MessageEvent<ProgressiveReply>) => this.onMessage(e.data));
      w.addEventListener('error', () => {
        // A worker that fails to load or throws: finish the run as it stands.
        this.worker = null;
        if (this.running) this.end();
      });
      this.worker = w;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  start(budget: LayoutBudget = layoutBudget(this.graph.order, this.graph.size)): void {
    // A restart (the graph grew) is one continuous run for the caller: no stop in between.
    const restart = this.running;
    if (restart) this.cancel(false);
    if (this.graph.order < 2) {
      if (restart) this.end();
      return;
    }
    const id = ++this.runId;
    const settings = progressiveSettings(this.graph.order);
    const w = this.getWorker();
    this.running = true;
    this.callbacks.onRunning(true);
    if (w) {
      this.ids = this.graph.nodes();
      const m = faHelpers.graphToByteArrays(this.graph, () => 1);
      const msg: ProgressiveMessage = { type: 'start', id, nodes: m.nodes.buffer, edges: m.edges.buffer, settings, budget };
      w.postMessage(msg, [m.nodes.buffer, m.edges.buffer]);
      return;
    }
    if (this.graph.order > FALLBACK_MAX_NODES) {
      this.end();
      return;
    }
    const started = performance.now();
    let iterations = 0;
    const step = () => {
      if (!this.running || id !== this.runId) return;
      forceAtlas2.assign(this.graph, { iterations: 1, settings });
      iterations++;
      if (iterations >= budget.maxIterations || performance.now() - started >= budget.maxMs) {
        this.lastRun = { iterations, elapsedMs: performance.now() - started };
        this.end();
        return;
      }
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  private onMessage(m: ProgressiveReply): void {
    if (m.id !== this.runId || !this.running) return;
    const g = this.graph;
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!g.hasNode(id)) continue;
      const a = g.getNodeAttributes(id);
      a.x = m.xy[2 * i]!;
      a.y = m.xy[2 * i + 1]!;
    }
    if (m.done) {
      this.lastRun = { iterations: m.iterations, elapsedMs: m.elapsedMs };
      this.callbacks.onPositions(true);
      this.end();
      return;
    }
    this.callbacks.onPositions(false);
    // Acknowledge after the next frame has been drawn, so at most one update waits.
    const w = this.worker;
    requestAnimationFrame(() => setTimeout(() => w?.postMessage({ type: 'ack', id: m.id } satisfies ProgressiveMessage), 0));
  }

  private end(notify = true): void {
    this.running = false;
    cancelAnimationFrame(this.frame);
    if (notify) this.callbacks.onRunning(false);
  }

  /** Stops the current run where it is: later positions from it are ignored. */
  private cancel(notify = true): void {
    if (!this.running) return;
    if (this.worker) this.worker.postMessage({ type: 'stop', id: this.runId } satisfies ProgressiveMessage);
    this.runId++;
    this.end(notify);
  }

  stop(): void {
    this.cancel();
  }

  kill(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = undefined;
  }
}
