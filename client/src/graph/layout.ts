/**
 * Layout runners for the graph view:
 * - `staticLayout`: the deterministic ForceAtlas2 + noverlap pass, in a module worker
 *   (served from our own origin, so it passes a strict Content-Security-Policy);
 * - `ContinuousLayout`: start/stop ForceAtlas2 through graphology's worker supervisor
 *   for users who want to keep refining; when a blob worker is refused (CSP) it falls
 *   back to small synchronous steps on animation frames.
 */
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AtlasGraph } from './build';
import { computeForceLayout, type LayoutInput, type LayoutOutput } from './force-layout';
import { timeLayout } from './time-layout';

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

export class ContinuousLayout {
  private supervisor: FA2LayoutSupervisor | null = null;
  private frame = 0;
  private running = false;
  constructor(
    private readonly graph: AtlasGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 800, scalingRatio: 8 };
    try {
      this.supervisor ??= new FA2LayoutSupervisor(this.graph, { settings });
      this.supervisor.start();
    } catch {
      // Blob workers refused: step on the main thread instead.
      this.supervisor = null;
      const step = () => {
        if (!this.running) return;
        forceAtlas2.assign(this.graph, { iterations: 2, settings });
        this.frame = requestAnimationFrame(step);
      };
      this.frame = requestAnimationFrame(step);
    }
    this.onChange(true);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.supervisor?.stop();
    cancelAnimationFrame(this.frame);
    this.onChange(false);
  }

  kill(): void {
    this.stop();
    this.supervisor?.kill();
    this.supervisor = null;
  }
}
