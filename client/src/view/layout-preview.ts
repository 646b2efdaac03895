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
 * (hidden nodes left out), written straight into an ImageData, through sigma's own camera
 * (so panning and zooming move the preview) and with sigma's normalisation of the current
 * extent (so the last preview frame and sigma's first frame after the layout coincide).
 * 40–60 ms a frame at 50k nodes. It is a picture only: no names, no relationships, no hover
 * or click while it is shown; those come back with sigma when the layout ends (or is
 * stopped from the toolbar).
 *
 * The hand-over: sigma draws the final positions into its still hidden layers (hidden
 * canvases are not read back, so issuing the frame costs the main thread only sigma's
 * JavaScript); the page then polls a WebGL2 fence once a frame and shows sigma's layers
 * (and removes the preview) once the GPU process has finished that frame, at which point
 * showing them costs no wait. What remains on the main thread is sigma's re-indexing of the
 * big graph for that one frame, which cannot be split from outside sigma.
 */
import { createNormalizationFunction, matrixFromCamera } from 'sigma/utils';
import type { AtlasGraph, NodeAttrs } from '../graph/build';
import type { AtlasSigma } from './renderer';

/** What the preview needs of a node's display: whether it is drawn, and its colour. */
export type PreviewStyle = (id: string, attrs: NodeAttrs) => { hidden?: boolean; color?: string };

/** Discs are clipped to this radius (device pixels) so a deep zoom stays cheap. */
const MAX_RADIUS = 48;

/** After this long the hand-over shows sigma's canvases even if the GPU has not said it is done. */
const REVEAL_TIMEOUT_MS = 15_000;

/** sigma's layers that the compositor would read back (everything but the mouse layer). */
const HIDDEN_LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'] as const;

/** Half-widths of the rows of a disc of radius r (pixels), for r = 0..MAX_RADIUS. */
const SPANS: Int16Array[] = Array.from({ length: MAX_RADIUS + 1 }, (_, r) => {
  const rows = new Int16Array(2 * r + 1);
  for (let dy = -r; dy <= r; dy++) rows[dy + r] = Math.floor(Math.sqrt((r + 0.5) * (r + 0.5) - dy * dy));
  return rows;
});

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
  private ctx: CanvasRenderingContext2D | null = null;
  private image: ImageData | null = null;
  private pixels: Uint32Array | null = null;
  private renderer: AtlasSigma | null = null;
  private attrs: NodeAttrs[] = [];
  private colors = new Uint32Array(0);
  private frame = 0;
  private readonly onCamera = (): void => this.schedule();
  /** Main-thread time of the last preview frames (at most 1,000), for the benchmark. */
  readonly drawTimes: number[] = [];
  private revealing: { done: Promise<void>; cancel: () => void } | null = null;

  constructor(
    private readonly graph: AtlasGraph,
    private readonly style: PreviewStyle,
  ) {}

  get active(): boolean {
    return this.canvas !== null;
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
    this.ctx = canvas.getContext('2d');
    renderer.getCamera().on('updated', this.onCamera);
    this.restyle();
  }

  /** Reads the nodes' colours and visibility again (filters or highlight changed), then draws. */
  restyle(): void {
    if (!this.canvas) return;
    const g = this.graph;
    this.attrs = new Array<NodeAttrs>(g.order);
    this.colors = new Uint32Array(g.order);
    let i = 0;
    g.forEachNode((id, a) => {
      const s = this.style(id, a);
      this.attrs[i] = a;
      this.colors[i] = s.hidden ? 0 : colorWord(s.color ?? a.color);
      i++;
    });
    this.draw();
  }

  /** Drops a frame scheduled by `schedule` (sigma's picture is about to replace the preview). */
  unschedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Draws on the next animation frame (positions or the camera changed). */
  schedule(): void {
    if (!this.canvas || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws the nodes at their current x/y now. */
  draw(): void {
    const r = this.renderer;
    const canvas = this.canvas;
    const ctx = this.ctx;
    if (!r || !canvas || !ctx) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const { width, height } = r.getDimensions();
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (canvas.width !== w || canvas.height !== h || !this.image) {
      canvas.width = w;
      canvas.height = h;
      this.image = ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const px = this.pixels!;
    px.fill(0);
    const attrs = this.attrs;
    const n = attrs.length;
    // sigma's normalisation of the current extent (process()), then its camera matrix.
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = attrs[i]!;
      if (a.x < minX) minX = a.x;
      if (a.x > maxX) maxX = a.x;
      if (a.y < minY) minY = a.y;
      if (a.y > maxY) maxY = a.y;
    }
    if (n) {
      const extent = { x: [minX, maxX] as [number, number], y: [minY, maxY] as [number, number] };
      const norm = createNormalizationFunction(extent);
      const o = norm({ x: 0, y: 0 });
      const u = norm({ x: 1, y: 1 });
      const graphDims = { width: maxX - minX || 1, height: maxY - minY || 1 };
      const camera = r.getCamera().getState();
      const m = matrixFromCamera(camera, { width, height }, graphDims, r.getStagePadding());
      // graph x → normalised (ox + x·sx) → clip (m) → device pixels; all affine, so fold it.
      const sx = u.x - o.x, sy = u.y - o.y;
      const hx = (w / 2), hy = (h / 2);
      const ax = m[0]! * sx * hx, bx = m[3]! * sy * hx, cx = (m[0]! * o.x + m[3]! * o.y + m[6]! + 1) * hx;
      const ay = -m[1]! * sx * hy, by = -m[4]! * sy * hy, cy = (1 - (m[1]! * o.x + m[4]! * o.y + m[7]!)) * hy;
      // sigma's disc radius: size / sqrt(camera ratio) CSS pixels.
      const sizeScale = dpr / Math.sqrt(camera.ratio);
      const colors = this.colors;
      for (let i = 0; i < n; i++) {
        const color = colors[i]!;
        if (!color) continue;
        const a = attrs[i]!;
        const x = Math.round(ax * a.x + bx * a.y + cx);
        const y = Math.round(ay * a.x + by * a.y + cy);
        const rad = Math.min(MAX_RADIUS, Math.round(a.size * sizeScale));
        if (x + rad < 0 || x - rad >= w || y + rad < 0 || y - rad >= h) continue;
        const spans = SPANS[rad]!;
        const y0 = Math.max(0, y - rad), y1 = Math.min(h - 1, y + rad);
        for (let yy = y0; yy <= y1; yy++) {
          const half = spans[yy - y + rad]!;
          const row = yy * w;
          const x0 = Math.max(0, x - half), x1 = Math.min(w - 1, x + half);
          // Short rows by hand (a fill() call costs more than a few stores).
          if (x1 - x0 < 12) for (let k = row + x0, e = row + x1; k <= e; k++) px[k] = color;
          else px.fill(color, row + x0, row + x1 + 1);
        }
      }
    }
    ctx.putImageData(this.image!, 0, 0);
    if (this.drawTimes.length >= 1000) this.drawTimes.shift();
    this.drawTimes.push(performance.now() - t0);
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
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.renderer?.getCamera().off('updated', this.onCamera);
    this.canvas?.remove();
    this.canvas = null;
    this.ctx = null;
    this.image = null;
    this.pixels = null;
    this.attrs = [];
  }
}
