/**
 * PNG of the current view, through the sigma team's `@sigma/export-image`: it draws the
 * graph again in a temporary renderer with this one's settings (reducers, programs) and
 * camera, then copies that renderer's layers onto one canvas, white behind, at the
 * screen's pixel ratio. The pointer-capture layer is left out (it is blank).
 *
 * The hand-written version this replaces copied the live renderer's canvases right after
 * a synchronous refresh; the library's temporary renderer costs one more full draw of
 * what is on screen (on a big graph, what `DrawnGraph` draws), once per click.
 */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { AtlasSigma } from './sigma-types';

/** sigma's layers, bottom to top, as the export draws them. */
const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

/** Downloads `${fileName}.png`. */
export async function exportPng(renderer: AtlasSigma, fileName: string): Promise<void> {
  // The library is typed for sigma's default attributes; it only passes ours through to a new renderer.
  await downloadAsPNG(renderer as unknown as Sigma, { fileName, backgroundColor: '#ffffff', layers: LAYERS });
}
