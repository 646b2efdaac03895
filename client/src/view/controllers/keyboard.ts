/** Keyboard on the focused canvas: arrows pan, +/- zoom, 0 fits, Escape deselects. */
import type { Store } from '../../state/app-state';
import type { CameraController } from './camera';

const PAN: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

export class KeyboardController {
  constructor(
    container: HTMLElement,
    private readonly store: Store,
    private readonly camera: CameraController,
  ) {
    container.addEventListener('keydown', (e) => this.onKey(e));
  }

  private onKey(e: KeyboardEvent): void {
    const pan = PAN[e.key];
    if (pan) this.camera.pan(pan[0], pan[1]);
    else if (e.key === '+' || e.key === '=') this.camera.zoom(1);
    else if (e.key === '-') this.camera.zoom(-1);
    else if (e.key === '0') this.camera.fit();
    else if (e.key === 'Escape') this.store.set({ node: null, hovered: null });
    else return;
    e.preventDefault();
  }
}
