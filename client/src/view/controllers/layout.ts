/**
 * The layout: the network picture (ForceAtlas2, before the first frame for small graphs,
 * progressively in a worker for big ones; graph/layout.ts) and the time axis, the switch
 * between them, and the toolbar's start/stop. It keeps the network positions so that
 * leaving the time axis brings the same picture back.
 */
import { animateNodes } from 'sigma/utils';
import type { AtlasGraph } from '../../graph/build';
import type { LayoutOutput } from '../../graph/force-layout';
import { clusteredPositions } from '../../graph/initial-placement';
import { applyPositions, ProgressiveLayout, staticLayout, timeAxisPositions } from '../../graph/layout';
import { isProgressive } from '../../graph/layout-budget';
import type { Store } from '../../state/app-state';
import type { DrawnGraph } from '../drawn-graph';
import type { CameraController } from './camera';

export class LayoutController {
  private forcePositions: LayoutOutput = {};
  private readonly progressive: ProgressiveLayout;

  constructor(
    private readonly graph: AtlasGraph,
    private readonly store: Store,
    private readonly drawn: DrawnGraph,
    private readonly camera: CameraController,
  ) {
    this.progressive = new ProgressiveLayout(graph, {
      // The worker wrote new x/y into the node attributes: sigma re-reads them (no reducers), or the preview draws them.
      onPositions: () => this.drawn.positionsChanged(),
      onRunning: (running) => this.onRunning(running),
    });
  }

  /**
   * The first positions of a freshly loaded graph. Small graphs (the seed) are laid out
   * deterministically before the first frame, so the same data gives the same picture;
   * bigger ones start clustered and ForceAtlas2 refines them after it (`start`).
   * Returns whether a progressive run should start once the graph is drawn.
   */
  async place(): Promise<boolean> {
    this.progressive.stop();
    const progressive = isProgressive(this.graph.order);
    this.forcePositions = progressive ? clusteredPositions(this.graph) : await staticLayout(this.graph);
    applyPositions(this.graph, this.forcePositions);
    return progressive && this.store.get().layout === 'force';
  }

  start(): void {
    this.progressive.start();
  }

  /**
   * New nodes were merged in: they keep their seeded spot around the anchor, which becomes
   * their place in the network layout (old nodes stay where the user saw them).
   */
  added(ids: readonly string[]): void {
    for (const id of ids) {
      const a = this.graph.getNodeAttributes(id);
      this.forcePositions[id] = { x: a.x, y: a.y };
    }
    if (ids.length && this.store.get().layout === 'time') applyPositions(this.graph, timeAxisPositions(this.graph));
  }

  /** A running layout works on a snapshot of the graph: start it again with the new nodes. */
  restartIfRunning(): void {
    if (this.progressive.isRunning()) this.progressive.start();
  }

  private onRunning(running: boolean): void {
    this.store.set({ layoutRunning: running });
    // While a run lasts the graph holds network positions (switching to the time axis
    // stops the run before it moves anything), so this is the network picture to keep.
    if (!running) {
      this.forcePositions = Object.fromEntries(this.graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }]));
    }
    this.drawn.update(running);
  }

  /** The state's layout (network or time axis), animated when a renderer draws. */
  async apply(animate: boolean): Promise<void> {
    this.progressive.stop();
    const target = this.store.get().layout === 'time' ? timeAxisPositions(this.graph) : this.forcePositions;
    if (animate) {
      await new Promise<void>((resolve) => animateNodes(this.graph, target, { duration: 600 }, resolve));
    } else applyPositions(this.graph, target);
    this.camera.fit(undefined, animate);
  }

  /** The toolbar's start/stop: a run within the same size-scaled budget as the first one. */
  toggle(): void {
    if (this.progressive.isRunning()) {
      this.progressive.stop();
    } else {
      if (this.store.get().layout === 'time') this.store.set({ layout: 'force' });
      this.progressive.start();
    }
  }

  stop(): void {
    this.progressive.stop();
  }

  /** Iterations and time of the last finished layout run, for the console and the benchmark. */
  get lastRun(): { iterations: number; elapsedMs: number } | null {
    return this.progressive.lastRun;
  }
}
