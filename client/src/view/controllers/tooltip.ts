/** The tooltip over the canvas: a node's name, kind and date beside the pointer. */
import type { AtlasGraph } from '../../graph/build';
import type { Store } from '../../state/app-state';
import { nodeName, t } from '../../i18n/index';
import { h } from '../../ui/dom';
import type { AtlasSigma } from '../sigma-types';

export class TooltipController {
  readonly el = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });

  constructor(
    private readonly graph: AtlasGraph,
    private readonly store: Store,
  ) {}

  show(renderer: AtlasSigma, id: string): void {
    const a = this.graph.getNodeAttributes(id);
    const vp = renderer.graphToViewport(renderer.getNodeDisplayData(id) ?? a);
    this.el.textContent = `${nodeName(a, this.store.get().lang)} · ${t(`label.${a.nodeLabel}`)}${a.date ? ` · ${a.date}` : ''}`;
    this.el.style.left = `${Math.round(vp.x + 12)}px`;
    this.el.style.top = `${Math.round(vp.y + 12)}px`;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
