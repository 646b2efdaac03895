/**
 * A plain 2D-canvas picture of a very big graph while ForceAtlas2 lays it out, and the
 * hand-over to sigma when the layout ends.
 *
 * Why: with software WebGL (SwiftShader: headless Chromium, machines without a usable GPU)
 * the compositor reads every changed WebGL canvas back into its software frame, and that
 * read-back (`glReadPixels` → `CommandBufferHelper::Finish`) makes the page's main thread
 * wait until the GPU process has rasterised the whole frame. Measured at 50k nodes on the
 * 2-core benchmark machine: drawing the nodes as points blocks the main thread 0.4–0.9 s
 * a frame (about a quarter of it sigma's picking pass; most of the rest the discs' pixels,
 * which overlap ~17× at that scale: 0.1–0.2 s with 2-pixel discs), and every position
 * update adds 0.1–0.3 s of sigma's own re-indexing (`process()`). A frozen page for the
 * whole run, with a frame every second or two.
 *
 * So above `PREVIEW_MIN_NODES` (drawn-graph.ts), while the layout runs, sigma's layers are
 * hidden and its node program draws nothing (renderer.ts), and this preview draws the
 * positions instead: every node as a disc of its colour and of the radius sigma gives it
 * (hidden nodes left out), written straight into an ImageData (preview-paint.ts), through
 * sigma's own camera (so panning and zooming move the preview) and with sigma's
 * normalisation of the current extent (so the last preview frame and sigma's first frame
 * after the layout coincide). Painting 50k overlapping discs takes 40–110 ms, so a worker
 * does it on an OffscreenCanvas (preview.worker.ts) where the browser allows; the main
 * thread only copies the positions out (3–6 ms a frame at 50k), and paints itself
 * otherwise. It is a picture only: no names, no relationships, no hover or click while it
 * is shown; those come back with sigma when the layout ends (or is stopped from the
 * toolbar).
 *
 * The hand-over: sigma draws the final positions into its still hidden layers (hidden
 * canvases are not read back, so issuing the frame costs the main thread only sigma's
 * JavaScript); the page then polls a WebGL2 fence once a frame and shows sigma's layers
 * (and removes the preview) once the GPU process has finished that frame, at which point
 * showing them costs no wait. What remains on the main thread is sigma's re-indexing of the
 * big graph for that one frame, which cannot be split from outside sigma.
 */
import type { AtlasGraph, NodeAttrs } from '../graph/build';
import { paintDiscs, paintSize, type PaintView } from './preview-paint';
import type { PreviewWorkerMessage } from './preview.worker';
import type { AtlasSigma } from './sigma-types';

/** What the preview needs of a node's display: whether it is drawn, and its colour. */
export type PreviewStyle = (id: string, attrs: NodeAttrs) => { hidden?: boolean; color?: string };

/** After this long the hand-over shows sigma's canvases even if the GPU has not said it is done. */
const REVEAL_TIMEOUT_MS = 15_000;

/** sigma's layers that the compositor would read back (everything but the mouse layer). */
const HIDDEN_LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'] as const;

function record(times: number[], ms: number): void {
  if (times.length >= 1000) times.shift();
  times.push(ms);
}

function setLayersHidden(r: AtlasSigma, hidden: boolean): void {
  const canvases = r.getCanvases();
  for (const id of HIDDEN_LAYERS) {
    const c = canvases[id];
    if (c) c.style.visibility = hidden ? 'hidden' : '';
  }
}

const colorCache = new Map<string, number>();
let parser: CanvasRenderingContext2D | null = null;

/** A CSS colour as the little-endian RGBA word of an ImageData pixel (opaque). */
export function colorWord(color: string | undefined): number {
  const c = color ?? '#777777';
  const cached = colorCache.get(c);
  if (cached !== undefined) return cached;
  let hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (!hex && typeof document !== 'undefined') {
    // Other CSS colours: let a canvas normalise them (to #rrggbb when opaque).
    parser ??= document.createElement('canvas').getContext('2d');
    if (parser) {
      parser.fillStyle = '#777777';
      parser.fillStyle = c;
      hex = /^#([0-9a-f]{6})$/i.exec(String(parser.fillStyle))?.[1];
    }
  }
  hex ??= '777777';
  if (hex.length === 3) hex = hex.replace(/./g, (d) => d + d);
  const v = parseInt(hex, 16);
  const word = (0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
  colorCache.set(c, word);
  return word;
}

export class LayoutPreview {
  private canvas: HTMLCanvasElement | null = null;
  /** Main-thread painting (no worker or no OffscreenCanvas): the canvas's context and pixels. */
  private ctx: CanvasRenderingContext2D | null = null;
  private image: ImageData | null = null;
  /** The painter worker (preview.worker.ts), when the canvas went to it. */
  private worker: Worker | null | undefined;
  private painter: Worker | null = null;
  /** A frame is being painted by the worker / another was asked for meanwhile. */
  private busy = false;
  private pending = false;
  private renderer: AtlasSigma | null = null;
  private attrs: NodeAttrs[] = [];
  private sizes = new Float32Array(0);
  private colors = new Uint32Array(0);
  private frame = 0;
  private readonly onCamera = (): void => this.schedule();
  /** Main-thread time of the last preview frames (at most 1,000), for the benchmark. */
  readonly drawTimes: number[] = [];
  /** The worker's painting time of the last frames (at most 1,000), for the benchmark. */
  readonly paintTimes: number[] = [];
  private revealing: { done: Promise<void>; cancel: () => void } | null = null;

  constructor(
    private readonly graph: AtlasGraph,
    private readonly style: PreviewStyle,
  ) {}

  get active(): boolean {
    return this.canvas !== null;
  }

  private getWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const w = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
      w.addEventListener('message', (e: MessageEvent<{ type: 'painted'; ms: number }>) => {
        if (w !== this.painter) return;
        record(this.paintTimes, e.data.ms);
        this.busy = false;
        if (this.pending) {
          this.pending = false;
          this.draw();
        }
      });
      w.addEventListener('error', () => {
        // The worker failed (to load, or while painting): paint on the main thread from the next preview on.
        this.worker = null;
        this.painter = null;
        this.busy = false;
      });
      this.worker = w;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  /** Hides sigma's layers, puts the preview in their place and draws the current positions. */
  show(renderer: AtlasSigma): void {
    this.cancelReveal();
    setLayersHidden(renderer, true);
    if (this.canvas && this.renderer === renderer) {
      this.restyle();
      return;
    }
    this.remove();
    this.renderer = renderer;
    const canvas = document.createElement('canvas');
    canvas.className = 'layout-preview';
    Object.assign(canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none' });
    const container = renderer.getContainer();
    container.insertBefore(canvas, renderer.getCanvases()['mouse'] ?? null);
    this.canvas = canvas;
    // Painting 50k discs takes tens of milliseconds; a worker does it where the page allows.
    const w = typeof canvas.transferControlToOffscreen === 'function' ? this.getWorker() : null;
    if (w) {
      const offscreen = canvas.transferControlToOffscreen();
      w.postMessage({ type: 'canvas', canvas: offscreen } satisfies PreviewWorkerMessage, [offscreen]);
      this.painter = w;
      this.busy = false;
      this.pending = false;
    } else this.ctx = canvas.getContext('2d');
    renderer.getCamera().on('updated', this.onCamera);
    this.restyle();
  }

  /** Reads the nodes' colours, sizes and visibility again (filters or highlight changed), then draws. */
  restyle(): void {
    if (!this.canvas) return;
    const g = this.graph;
    this.attrs = new Array<NodeAttrs>(g.order);
    const sizes = new Float32Array(g.order);
    const colors = new Uint32Array(g.order);
    let i = 0;
    g.forEachNode((id, a) => {
      const s = this.style(id, a);
      this.attrs[i] = a;
      sizes[i] = a.size;
      colors[i] = s.hidden ? 0 : colorWord(s.color ?? a.color);
      i++;
    });
    if (this.painter) this.painter.postMessage({ type: 'style', sizes, colors } satisfies PreviewWorkerMessage, [sizes.buffer, colors.buffer]);
    else {
      this.sizes = sizes;
      this.colors = colors;
    }
    this.draw();
  }

  /** Drops a frame scheduled by `schedule` (sigma's picture is about to replace the preview). */
  unschedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = false;
  }

  /** Draws on the next animation frame (positions or the camera changed). */
  schedule(): void {
    if (!this.canvas || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws the nodes at their current x/y now (or, when the worker is still painting, once it is done). */
  draw(): void {
    const r = this.renderer;
    if (!r || !this.canvas) return;
    if (this.painter && this.busy) {
      this.pending = true;
      return;
    }
    const t0 = performance.now();
    const attrs = this.attrs;
    const xy = new Float32Array(attrs.length * 2);
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      xy[2 * i] = a.x;
      xy[2 * i + 1] = a.y;
    }
    const { width, height } = r.getDimensions();
    const c = r.getCamera().getState();
    const view: PaintView = { width, height, dpr: window.devicePixelRatio || 1, camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle }, padding: r.getStagePadding() };
    if (this.painter) {
      this.busy = true;
      this.painter.postMessage({ type: 'paint', xy, view } satisfies PreviewWorkerMessage, [xy.buffer]);
    } else if (this.ctx) {
      const canvas = this.canvas;
      const { w, h } = paintSize(view);
      if (canvas.width !== w || canvas.height !== h || !this.image) {
        canvas.width = w;
        canvas.height = h;
        this.image = this.ctx.createImageData(w, h);
      }
      paintDiscs(new Uint32Array(this.image.data.buffer), view, xy, this.sizes, this.colors);
      this.ctx.putImageData(this.image, 0, 0);
    }
    record(this.drawTimes, performance.now() - t0);
  }

  /**
   * Call right after sigma drew the final picture into its hidden layers: shows them and
   * removes the preview once the GPU has finished every frame sigma drew meanwhile (a
   * WebGL2 fence, polled once a frame), so showing them costs no wait. Without WebGL2
   * fences it shows them at once.
   */
  reveal(): Promise<void> {
    const r = this.renderer;
    if (!r) return Promise.resolve();
    this.cancelReveal();
    if (!this.canvas) {
      setLayersHidden(r, false);
      return Promise.resolve();
    }
    const canvases = r.getCanvases();
    const contexts = (['nodes', 'edges', 'hoverNodes'] as const)
      .map((id) => canvases[id]?.getContext('webgl2') ?? null)
      .filter((gl): gl is WebGL2RenderingContext => gl !== null && typeof gl.fenceSync === 'function');
    let fences: WebGLSync[] = [];
    const fence = (): void => {
      for (let i = 0; i < contexts.length; i++) {
        const gl = contexts[i]!;
        if (fences[i]) gl.deleteSync(fences[i]!);
        fences[i] = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
        gl.flush();
      }
    };
    // A frame sigma draws while its layers are still hidden (camera moved, hover) is waited for too.
    const onRender = (): void => fence();
    r.on('afterRender', onRender);
    fence();
    const started = performance.now();
    let raf = 0;
    let settle: () => void = () => undefined;
    const finish = (): void => {
      cancelAnimationFrame(raf);
      r.off('afterRender', onRender);
      contexts.forEach((gl, i) => fences[i] && gl.deleteSync(fences[i]!));
      fences = [];
      setLayersHidden(r, false);
      this.remove();
      this.revealing = null;
      settle();
    };
    const done = new Promise<void>((resolve) => {
      settle = resolve;
      const poll = (): void => {
        const ready = contexts.every((gl, i) => gl.isContextLost() || !fences[i] || gl.getSyncParameter(fences[i]!, gl.SYNC_STATUS) === gl.SIGNALED);
        if (ready || performance.now() - started > REVEAL_TIMEOUT_MS) finish();
        else raf = requestAnimationFrame(poll);
      };
      raf = requestAnimationFrame(poll);
    });
    this.revealing = {
      done,
      cancel: () => {
        cancelAnimationFrame(raf);
        r.off('afterRender', onRender);
        contexts.forEach((gl, i) => fences[i] && gl.deleteSync(fences[i]!));
        this.revealing = null;
        settle();
      },
    };
    return done;
  }

  /** Resolves when no hand-over is pending (sigma's picture is on screen). */
  shown(): Promise<void> {
    return this.revealing?.done ?? Promise.resolve();
  }

  private cancelReveal(): void {
    this.revealing?.cancel();
  }

  /** Removes the preview canvas (sigma's layers are left as they are). */
  remove(): void {
    this.unschedule();
    this.renderer?.getCamera().off('updated', this.onCamera);
    this.canvas?.remove();
    this.canvas = null;
    this.ctx = null;
    this.image = null;
    this.painter = null;
    this.busy = false;
    this.attrs = [];
  }
}
