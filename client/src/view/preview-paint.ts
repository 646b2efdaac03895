/**
 * The layout preview's picture (layout-preview.ts): every node as an opaque disc of its
 * colour, at the place and of the radius sigma would give it, written into the 32-bit
 * pixels of an ImageData. Pure, so the preview worker and the main-thread fallback share it.
 */
import { createNormalizationFunction, matrixFromCamera } from 'sigma/utils';

/** Discs are clipped to this radius (device pixels) so a deep zoom stays cheap. */
const MAX_RADIUS = 48;

/** Half-widths of the rows of a disc of radius r (pixels), for r = 0..MAX_RADIUS. */
const SPANS: Int16Array[] = Array.from({ length: MAX_RADIUS + 1 }, (_, r) => {
  const rows = new Int16Array(2 * r + 1);
  for (let dy = -r; dy <= r; dy++) rows[dy + r] = Math.floor(Math.sqrt((r + 0.5) * (r + 0.5) - dy * dy));
  return rows;
});

export interface PaintView {
  /** Viewport in CSS pixels (sigma's dimensions) and the device pixel ratio. */
  width: number;
  height: number;
  dpr: number;
  /** sigma's camera state and stage padding. */
  camera: { x: number; y: number; ratio: number; angle: number };
  padding: number;
}

/** Device-pixel size of the picture for `view`. */
export function paintSize(view: PaintView): { w: number; h: number } {
  return { w: Math.max(1, Math.round(view.width * view.dpr)), h: Math.max(1, Math.round(view.height * view.dpr)) };
}

/**
 * Clears `px` (w×h, see paintSize) and paints the nodes: `xy` x, y per node, `sizes`
 * sigma's size per node, `colors` the ImageData word per node (0: not drawn).
 */
export function paintDiscs(px: Uint32Array, view: PaintView, xy: Float32Array, sizes: Float32Array, colors: Uint32Array): void {
  const { w, h } = paintSize(view);
  px.fill(0);
  const n = Math.min(sizes.length, colors.length, xy.length >> 1);
  if (!n) return;
  // sigma's normalisation of the current extent (as in its process()), then its camera matrix.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!, y = xy[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const norm = createNormalizationFunction({ x: [minX, maxX], y: [minY, maxY] });
  const o = norm({ x: 0, y: 0 });
  const u = norm({ x: 1, y: 1 });
  const graphDims = { width: maxX - minX || 1, height: maxY - minY || 1 };
  const m = matrixFromCamera(view.camera, { width: view.width, height: view.height }, graphDims, view.padding);
  // graph x → normalised (o + x·s) → clip space (m) → device pixels: all affine, so folded.
  const sx = u.x - o.x, sy = u.y - o.y;
  const hx = w / 2, hy = h / 2;
  const ax = m[0]! * sx * hx, bx = m[3]! * sy * hx, cx = (m[0]! * o.x + m[3]! * o.y + m[6]! + 1) * hx;
  const ay = -m[1]! * sx * hy, by = -m[4]! * sy * hy, cy = (1 - (m[1]! * o.x + m[4]! * o.y + m[7]!)) * hy;
  // sigma's disc radius: size / sqrt(camera ratio) CSS pixels.
  const sizeScale = view.dpr / Math.sqrt(view.camera.ratio);
  for (let i = 0; i < n; i++) {
    const color = colors[i]!;
    if (!color) continue;
    const gx = xy[2 * i]!, gy = xy[2 * i + 1]!;
    const x = Math.round(ax * gx + bx * gy + cx);
    const y = Math.round(ay * gx + by * gy + cy);
    const rad = Math.min(MAX_RADIUS, Math.round(sizes[i]! * sizeScale));
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
