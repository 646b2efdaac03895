/**
 * The camera: restored once from the link, written back to the state (debounced) as it
 * moves, and moved by the app (focus a node, fit a set, zoom, reset).
 */
import type { AtlasGraph } from '../../graph/build';
import type { Store } from '../../state/app-state';
import { roundCamera } from '../../state/url-state';
import { debounce } from '../../ui/dom';
import type { AtlasSigma } from '../sigma-types';

export class CameraController {
  private renderer: AtlasSigma | null = null;
  private restored = false;

  constructor(
    private readonly graph: AtlasGraph,
    private readonly store: Store,
    /** The nodes a fit without ids frames: the visible ones. */
    private readonly isVisible: (id: string) => boolean,
  ) {}

  /** `onMove`: also called on every camera update (the tooltip hides). */
  attach(renderer: AtlasSigma, onMove: () => void): void {
    this.renderer = renderer;
    const writeCamera = debounce(() => {
      const c = renderer.getCamera().getState();
      this.store.set({ camera: roundCamera({ x: c.x, y: c.y, ratio: c.ratio }) });
    }, 300);
    renderer.getCamera().on('updated', () => {
      writeCamera();
      onMove();
    });
  }

  /** The link's camera, once (the first load). */
  restore(): void {
    if (this.restored || !this.renderer) return;
    this.restored = true;
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

  /** One step of the keyboard's pan, a tenth of the view. */
  pan(dx: number, dy: number): void {
    const cam = this.renderer?.getCamera();
    if (!cam) return;
    const step = 0.1 * cam.ratio;
    void cam.animate({ x: cam.x + dx * step, y: cam.y + dy * step }, { duration: 150 });
  }

  reset(): void {
    void this.renderer?.getCamera().animatedReset({ duration: 300 });
  }
}
