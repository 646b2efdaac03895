/**
 * Pointer events on the canvas, turned into state: hover (debounced, with the tooltip and
 * cursor), click selects, double-click expands, a click on the stage deselects.
 */
import type { Store } from '../../state/app-state';
import { debounce } from '../../ui/dom';
import type { AtlasSigma } from '../sigma-types';
import type { TooltipController } from './tooltip';

export class EventsController {
  /** Fired after a double-click on a node. */
  onExpand: (id: string) => void = () => {};

  constructor(
    private readonly container: HTMLElement,
    private readonly store: Store,
    private readonly tooltip: TooltipController,
  ) {}

  attach(r: AtlasSigma): void {
    const setHover = debounce((id: string | null) => this.store.set({ hovered: id }), 40);
    r.on('enterNode', ({ node }) => {
      setHover(node);
      this.tooltip.show(r, node);
      this.container.style.cursor = 'pointer';
    });
    r.on('leaveNode', () => {
      setHover(null);
      this.tooltip.hide();
      this.container.style.cursor = '';
    });
    r.on('clickNode', ({ node }) => this.store.set({ node, tab: 'details', hovered: null }));
    r.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      this.onExpand(e.node);
    });
    r.on('clickStage', () => {
      if (this.store.get().node) this.store.set({ node: null });
    });
  }
}
