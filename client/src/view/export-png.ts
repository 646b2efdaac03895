/**
 * PNG of the current view: sigma draws on several stacked canvases (WebGL for edges and
 * nodes, 2D for labels and hovers). Right after a synchronous `refresh()` the WebGL
 * buffers still hold the frame, so they can be copied onto one 2D canvas in the same task
 * without `preserveDrawingBuffer` (which would slow every frame down).
 */
import type { AtlasSigma } from './sigma-types';

export function renderViewToCanvas(renderer: AtlasSigma, background = '#ffffff'): HTMLCanvasElement {
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  renderer.refresh();
  // Layer order as sigma stacks them in the DOM.
  const container = renderer.getContainer();
  for (const canvas of container.querySelectorAll('canvas')) {
    if (canvas.classList.contains('sigma-mouse')) continue;
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
  }
  return out;
}

export async function exportPng(renderer: AtlasSigma, fileName: string): Promise<void> {
  const canvas = renderViewToCanvas(renderer);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
