/// <reference lib="webworker" />
/**
 * The layout preview's painter (layout-preview.ts), off the main thread: it owns the
 * preview canvas (transferred with transferControlToOffscreen), keeps the nodes' sizes and
 * colours, paints each frame the main thread sends (positions and sigma's view) and says
 * when it is done, so frames never queue up here.
 */
import { paintDiscs, paintSize, type PaintView } from './preview-paint';

export type PreviewWorkerMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'style'; sizes: Float32Array; colors: Uint32Array }
  | { type: 'paint'; xy: Float32Array; view: PaintView };

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let image: ImageData | null = null;
let sizes: Float32Array = new Float32Array(0);
let colors: Uint32Array = new Uint32Array(0);

self.onmessage = (e: MessageEvent<PreviewWorkerMessage>) => {
  const m = e.data;
  if (m.type === 'canvas') {
    canvas = m.canvas;
    ctx = canvas.getContext('2d');
    image = null;
  } else if (m.type === 'style') {
    sizes = m.sizes;
    colors = m.colors;
  } else if (m.type === 'paint' && canvas && ctx) {
    const t0 = performance.now();
    const { w, h } = paintSize(m.view);
    if (canvas.width !== w || canvas.height !== h || !image) {
      canvas.width = w;
      canvas.height = h;
      image = ctx.createImageData(w, h);
    }
    paintDiscs(new Uint32Array(image.data.buffer), m.view, m.xy, sizes, colors);
    ctx.putImageData(image, 0, 0);
    (self as unknown as Worker).postMessage({ type: 'painted', ms: performance.now() - t0 });
  }
};
